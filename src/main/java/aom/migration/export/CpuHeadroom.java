package aom.migration.export;

import aom.migration.progress.Workers;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Whether the machine's processors have time to spare, for work that is only worth doing then: fast compression
 * ({@link aom.migration.bundle.EntrySpool#preferSpeed}). When the server runs on the same machine, or anything else
 * keeps every core busy, each second spent compressing is a second taken from reading the data, and the export
 * gets slower; with a core idle, compressing costs no time at all. So the export compresses while the machine's CPU
 * load is below {@link #BUSY}, and stores blocks while it is above.
 *
 * <p>Samples the system's CPU load every {@link #SAMPLE_MILLIS} ms on a daemon thread until closed. Where the load
 * cannot be read, the machine counts as never busy.
 */
final class CpuHeadroom implements AutoCloseable {

    /** From this share of all cores in use on, the machine counts as busy. */
    static final double BUSY = 0.9;
    static final long SAMPLE_MILLIS = 250;

    private final DoubleSupplier load;
    private final ScheduledExecutorService sampler;
    private volatile boolean busy;

    private CpuHeadroom(DoubleSupplier load, boolean sample) {
        this.load = load;
        this.sampler = sample ? Executors.newSingleThreadScheduledExecutor(Workers.daemons("export-cpu")) : null;
        if (sampler != null) {
            sampler.scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Watches this machine's CPU load (the container's where the JVM runs in one). */
    static CpuHeadroom ofThisMachine() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return new CpuHeadroom(sun::getCpuLoad, true);
        }
        return never();
    }

    /** A headroom that always has room: compress whatever the load. */
    static CpuHeadroom never() {
        return new CpuHeadroom(() -> 0, false);
    }

    /** For tests: watches {@code load} (0 to 1; negative when unknown), sampled by calls to {@link #sample()}. */
    static CpuHeadroom of(DoubleSupplier load) {
        return new CpuHeadroom(load, false);
    }

    /** Whether the last sample found the machine busy. */
    boolean busy() {
        return busy;
    }

    void sample() {
        double now = load.getAsDouble();
        busy = now >= BUSY;
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }
}
