package aom.migration.ui;

import javafx.application.Platform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Measures how long the FX thread takes to answer, and explains the long waits. A probe is posted to the FX thread
 * every couple of milliseconds (one at a time); a watchdog thread samples the FX thread's stack while a probe has
 * waited longer than {@link #STALL_NANOS}, so every stall comes with what the FX thread was doing meanwhile.
 *
 * <p>Each probe counts for the <em>job</em> figure when {@code inJob} said so when it was posted, and always for the
 * whole-flow figure.
 */
final class FxStallProbe implements AutoCloseable {

    /** A wait longer than this is a stall worth explaining. */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SEND_EVERY_MICROS = 2_000;
    private static final long SAMPLE_EVERY_MICROS = 4_000;

    /**
     * One long wait of the FX thread: when, how long, how much of it the FX thread spent computing (the rest it waited
     * for the CPU, the renderer or the garbage collector), during a job or not, and its stacks sampled meanwhile.
     */
    record Stall(long startNanos, long gapNanos, long cpuNanos, boolean inJob, List<StackTraceElement[]> samples) {

        /**
         * What the samples show, most frequent first: the pulse phase if any, and the wizard's own innermost frames or
         * else the topmost frame.
         */
        String cause() {
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (StackTraceElement[] sample : samples) {
                votes.merge(describe(sample), 1, Integer::sum);
            }
            return votes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(entry -> entry.getKey() + " (" + entry.getValue() + "/" + samples.size() + ")")
                    .collect(Collectors.joining("; "));
        }

        private static String describe(StackTraceElement[] sample) {
            if (sample.length == 0) {
                return "idle";
            }
            String ours = Arrays.stream(sample)
                    .filter(frame -> frame.getClassName().startsWith("aom.migration.ui"))
                    .filter(frame -> !frame.getClassName().contains("FxStallProbe"))
                    .map(frame -> simpleName(frame.getClassName()) + "." + frame.getMethodName() + ":"
                            + frame.getLineNumber())
                    .limit(2).collect(Collectors.joining(" < "));
            return pulsePhase(sample) + (ours.isEmpty() ? sample[0].getMethodName() : ours);
        }

        /** Which part of a pulse the FX thread was in ("css: ", "layout: ", "render wait: "), or "". */
        private static String pulsePhase(StackTraceElement[] sample) {
            for (StackTraceElement frame : sample) {
                String method = frame.getMethodName();
                if (method.equals("waitForRenderingToComplete") || method.equals("waitForPaintSync")) {
                    return "render wait: ";
                }
                if (method.equals("doCSSPass")) {
                    return "css: ";
                }
                if (method.equals("doLayoutPass")) {
                    return "layout: ";
                }
                if (method.equals("synchronizeSceneNodes")) {
                    return "sync: ";
                }
            }
            return "";
        }

        private static String simpleName(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fx-stall-probe");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        return thread;
    });
    private final BooleanSupplier inJob;
    private final Thread fxThread;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong maxGap = new AtomicLong();
    private final AtomicLong maxJobGap = new AtomicLong();
    private final List<Stall> stalls = Collections.synchronizedList(new ArrayList<>());
    private final Object lock = new Object();
    // Guarded by lock: the probe on its way, if any, and the stacks sampled while it waits.
    private long sentAt = -1;
    private long sentAtCpu;
    private boolean sentInJob;
    private List<StackTraceElement[]> samples = new ArrayList<>();

    private FxStallProbe(BooleanSupplier inJob, Thread fxThread) {
        this.inJob = inJob;
        this.fxThread = fxThread;
    }

    /** Starts probing; {@code inJob} tells (from any thread) whether an export or import is running now. */
    static FxStallProbe start(BooleanSupplier inJob) throws InterruptedException {
        Thread[] fx = new Thread[1];
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            fx[0] = Thread.currentThread();
            found.countDown();
        });
        if (!found.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The FX thread did not answer within 30 s");
        }
        FxStallProbe probe = new FxStallProbe(inJob, fx[0]);
        probe.threads.scheduleWithFixedDelay(probe::send, 0, SEND_EVERY_MICROS, TimeUnit.MICROSECONDS);
        probe.threads.scheduleWithFixedDelay(probe::sample, 0, SAMPLE_EVERY_MICROS, TimeUnit.MICROSECONDS);
        return probe;
    }

    private void send() {
        long now = System.nanoTime();
        synchronized (lock) {
            if (sentAt >= 0) {
                return;
            }
            sentAt = now;
            sentAtCpu = fxCpuNanos();
            sentInJob = inJob.getAsBoolean();
            samples = new ArrayList<>();
        }
        Platform.runLater(this::answer);
        long posted = System.nanoTime();
        synchronized (lock) {
            if (sentAt == now) {
                // The wait starts when the probe is queued: this thread may lose the CPU before it gets there.
                sentAt = posted;
            }
        }
    }

    private void answer() {
        long now = System.nanoTime();
        long cpu = fxCpuNanos();
        long sent;
        long sentCpu;
        boolean job;
        List<StackTraceElement[]> taken;
        synchronized (lock) {
            sent = sentAt;
            sentCpu = sentAtCpu;
            job = sentInJob;
            taken = samples;
            sentAt = -1;
        }
        long gap = now - sent;
        answered.incrementAndGet();
        maxGap.accumulateAndGet(gap, Math::max);
        if (job) {
            maxJobGap.accumulateAndGet(gap, Math::max);
        }
        if (gap > STALL_NANOS) {
            stalls.add(new Stall(sent, gap, cpu - sentCpu, job, taken));
        }
    }

    private void sample() {
        synchronized (lock) {
            if (sentAt < 0 || System.nanoTime() - sentAt < STALL_NANOS) {
                return;
            }
        }
        StackTraceElement[] stack = fxThread.getStackTrace();
        synchronized (lock) {
            if (sentAt >= 0) {
                samples.add(stack);
            }
        }
    }

    /** CPU time the FX thread has used so far: a wait it spent computing is the wizard's own work, not the load's. */
    private long fxCpuNanos() {
        return THREADS.getThreadCpuTime(fxThread.getId());
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    long answered() {
        return answered.get();
    }

    /** The longest wait of any probe. */
    long maxGapNanos() {
        return maxGap.get();
    }

    /** The longest wait of a probe posted while a job ran. */
    long maxJobGapNanos() {
        return maxJobGap.get();
    }

    /** The most CPU time the FX thread used during one wait of a probe posted while a job ran. */
    long maxJobBusyNanos() {
        return stalls().stream().filter(Stall::inJob).mapToLong(Stall::cpuNanos).max().orElse(0);
    }

    List<Stall> stalls() {
        synchronized (stalls) {
            return List.copyOf(stalls);
        }
    }

    /** One line per stall, for the test's output. */
    String report(long originNanos) {
        StringBuilder text = new StringBuilder();
        for (Stall stall : stalls()) {
            text.append(String.format("  +%6d ms  %6.1f ms (FX busy %5.1f ms)  %s  %s%n",
                    (stall.startNanos() - originNanos) / 1_000_000, stall.gapNanos() / 1e6, stall.cpuNanos() / 1e6,
                    stall.inJob() ? "job " : "flow", stall.cause()));
        }
        return text.toString();
    }

    /** Every sampled stack of every stall, for digging deeper. */
    String fullReport(long originNanos) {
        StringBuilder text = new StringBuilder();
        for (Stall stall : stalls()) {
            text.append(String.format("=== +%d ms, %.1f ms, FX busy %.1f ms, %s%n",
                    (stall.startNanos() - originNanos) / 1_000_000, stall.gapNanos() / 1e6, stall.cpuNanos() / 1e6,
                    stall.inJob() ? "job" : "flow"));
            for (StackTraceElement[] sample : stall.samples()) {
                text.append("  ---\n");
                for (StackTraceElement frame : sample) {
                    text.append("    ").append(frame).append('\n');
                }
            }
        }
        return text.toString();
    }
}
