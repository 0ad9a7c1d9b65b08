package aom.migration.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * What a process used, read at its end: the heap's peak (the most heap in use right before any garbage collection,
 * or at the end; the heap is fullest just before a collection), the sum of every heap pool's peak (an upper bound,
 * as the pools peak at different moments), the peak resident set ({@code VmHWM}), CPU time and garbage collections.
 * Linux only for the resident set; elsewhere it is -1. Call {@link #watchHeap()} first thing in {@code main}.
 */
final class ProcessFigures {

    private static final AtomicLong HEAP_BEFORE_GC_PEAK = new AtomicLong();
    /** The most heap still in use after a collection: what the process really kept, not what G1 let pile up. */
    private static final AtomicLong HEAP_AFTER_GC_PEAK = new AtomicLong();

    private ProcessFigures() {
    }

    /** Starts recording the heap in use before each garbage collection. */
    static void watchHeap() {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    HEAP_BEFORE_GC_PEAK.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc(),
                            heapPools), Math::max);
                    HEAP_AFTER_GC_PEAK.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc(),
                            heapPools), Math::max);
                }, null, null);
            }
        }
    }

    private static long heapUsed(Map<String, MemoryUsage> pools, Set<String> heapPools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** The figures of this JVM so far. */
    static Map<String, Object> ofThisJvm() {
        Map<String, Object> figures = new LinkedHashMap<>();
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        long heapNow = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        figures.put("heapPeakBytes", Math.max(HEAP_BEFORE_GC_PEAK.get(), heapNow));
        figures.put("heapPoolPeaksBytes", heapPeak);
        figures.put("heapAfterGcPeakBytes", HEAP_AFTER_GC_PEAK.get());
        figures.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
        figures.put("vmHwmBytes", statusKilobytes(Path.of("/proc/self/status"), "VmHWM") * 1024);
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        figures.put("gcCount", gcCount);
        figures.put("gcMillis", gcMillis);
        figures.put("cpuMillis", cpuMillis());
        return figures;
    }

    /** A field of {@code /proc/<pid>/status} in kB, or -1. */
    static long statusKilobytes(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User plus system CPU time of a process from {@code /proc/<pid>/stat}, in milliseconds, or -1. */
    static long cpuMillisOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name in parentheses may hold spaces: count fields after its closing parenthesis.
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
            return ticks * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1-minute load average, or -1. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    /** This JVM's CPU time so far, in milliseconds, or -1. */
    static long processCpuMillis() {
        return cpuMillis();
    }

    private static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }
}
