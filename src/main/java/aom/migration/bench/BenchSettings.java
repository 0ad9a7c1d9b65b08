package aom.migration.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How the benchmark runs.
 *
 * @param sizeMb      megabytes of BSON in the benchmark collections (the demo's small collections come on top)
 * @param repeats     how often each timed measurement runs; the best run counts and the spread is reported
 * @param childHeap   the heap limit of the export and import JVMs, as for {@code -Xmx} (e.g. {@code 256m})
 * @param serverHeap  the heap of each in-memory server process (e.g. {@code 6g})
 * @param output      where the JSON results, logs and bundles go
 * @param classPath   the class path of the server and task JVMs (the shaded jar, or the test class path)
 * @param seed        the data set's seed
 * @param loadSweep   the baseline load configurations to try
 * @param drainSweep  the numbers of collections the baseline drain reads at once
 * @param beforeClassPath the class path of another build of the engine (e.g. from before a change) whose exports,
 *                    imports and previews run right before each of this build's, under the same load; runs labelled
 *                    {@code before:}; or {@code null}
 * @param warm        whether every drain, export, load and import runs a second time in its JVM, for the figures
 *                    without a fresh JVM's class loading and compiling
 */
public record BenchSettings(int sizeMb, int repeats, String childHeap, String serverHeap, Path output,
                            String classPath, long seed, List<LoadConfig> loadSweep, List<Integer> drainSweep,
                            String beforeClassPath, boolean warm) {

    /**
     * One plain {@code insertMany} load shape.
     *
     * @param mode           {@code collections} (that many collections at once, one inserter each) or
     *                       {@code workers} (one collection at a time, that many inserters)
     * @param parallel       collections or inserters at once
     * @param batchDocuments documents per {@code insertMany}
     * @param batchBytes     bytes per {@code insertMany}
     */
    public record LoadConfig(String mode, int parallel, int batchDocuments, int batchBytes) {
        String label() {
            return mode + "-p" + parallel + "-" + batchDocuments + "d-" + (batchBytes >> 20) + "mb";
        }
    }

    /** Batch sizes and parallelism worth trying on a small machine. */
    public static final List<LoadConfig> FULL_SWEEP = List.of(
            new LoadConfig("collections", 1, 1000, 8 << 20),
            new LoadConfig("collections", 2, 1000, 8 << 20),
            new LoadConfig("collections", 4, 1000, 8 << 20),
            new LoadConfig("collections", 2, 10_000, 16 << 20),
            new LoadConfig("collections", 2, 200, 2 << 20),
            new LoadConfig("workers", 2, 1000, 8 << 20),
            new LoadConfig("workers", 4, 1000, 8 << 20));

    /** Drains one, two and four collections at once. */
    public static final List<Integer> FULL_DRAINS = List.of(1, 2, 4);

    /** One drain, for the quick smoke run. */
    public static final List<Integer> QUICK_DRAINS = List.of(2);

    /** One shape, for the quick smoke run. */
    public static final List<LoadConfig> QUICK_SWEEP = List.of(new LoadConfig("collections", 2, 1000, 8 << 20));

    public BenchSettings {
        if (sizeMb < 1 || repeats < 1) {
            throw new IllegalArgumentException("sizeMb and repeats must be at least 1");
        }
        loadSweep = List.copyOf(loadSweep);
        drainSweep = List.copyOf(drainSweep);
    }
}
