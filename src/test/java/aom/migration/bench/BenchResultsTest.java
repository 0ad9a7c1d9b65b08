package aom.migration.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ratios and the table of a benchmark run, from the figures of round 7's run (docs/PERFORMANCE.md). */
class BenchResultsTest {

    private static Map<String, Object> run(String kind, String label, long millis) {
        return Map.of("kind", kind, "label", label, "elapsedMillis", millis);
    }

    private static BenchResults results() {
        List<Map<String, Object>> runs = new ArrayList<>();
        long[][] drains = {{2854, 2118, 1978}, {2263, 1490, 1613}, {2536, 1799, 1843}};
        long[] exports = {2553, 2322, 2371};
        long[] loads = {4385, 4450, 4371};
        long[] imports = {5625, 4705, 4707};
        for (int repeat = 1; repeat <= 3; repeat++) {
            int[] parallel = {1, 2, 4};
            for (int i = 0; i < 3; i++) {
                runs.add(run("drain", "drain-p" + parallel[i] + "-r" + repeat, drains[repeat - 1][i]));
            }
            runs.add(run("export", "export-none-r" + repeat, exports[repeat - 1]));
            // another build's export, which must not count as this one's
            runs.add(run("export", "before:export-none-r" + repeat, 1000));
        }
        runs.add(run("load", "load-collections-p1-1000d-8mb-sweep", 6274));
        runs.add(run("load", "load-collections-p2-200d-2mb-sweep", 4159));
        for (int repeat = 1; repeat <= 3; repeat++) {
            runs.add(run("load", "load-collections-p2-200d-2mb-r" + repeat, loads[repeat - 1]));
            runs.add(run("import", "import-fast-r" + repeat, imports[repeat - 1]));
        }
        BenchSettings settings = new BenchSettings(300, 3, "256m", "6g", Path.of("target/bench"), "cp", 1L,
                BenchSettings.QUICK_SWEEP, BenchSettings.FULL_DRAINS, null, false);
        return new BenchResults(settings, Map.of("cores", 2, "loadAtStart", 2.49, "loadAtEnd", 3.11),
                Map.of("bytes", 316_878_438L, "documents", 293_065L, "collections", 32), runs);
    }

    @Test
    void theTableSetsTheBestRunAgainstTheBestBaselineOfAllShapesAndRepeats() {
        BenchResults results = results();
        assertThat(results.exportRatio("none")).hasValueSatisfying(ratio -> assertThat(ratio)
                .isCloseTo(2322 / 1490.0, within(1e-9)));
        // the best load is a sweep run of the best shape
        assertThat(results.importRatio("fast")).hasValueSatisfying(ratio -> assertThat(ratio)
                .isCloseTo(4705 / 4159.0, within(1e-9)));
    }

    @Test
    void eachRepeatIsSetAgainstTheBaselineOfTheSameRepeat() {
        BenchResults results = results();
        assertThat(results.perRepeatRatios("export-none")).containsExactly(2553 / 1978.0, 2322 / 1490.0,
                2371 / 1799.0);
        assertThat(results.perRepeatRatios("import-fast")).containsExactly(5625 / 4385.0, 4705 / 4450.0,
                4707 / 4371.0);
        assertThat(results.perRepeatRatios("before:export-none")).containsExactly(1000 / 1978.0, 1000 / 1490.0,
                1000 / 1799.0);
        assertThat(results.perRepeatRatios("import-none")).isEmpty();

        assertThat(results.table()).contains("each repeat against the fastest drain or the load of the same repeat:"
                + " export-none 1.29 1.56 1.32 (median 1.32); import-fast 1.28 1.06 1.08 (median 1.08)"
                + System.lineSeparator());
        assertThat(results.toJson()).extractingByKey("perRepeatRatios").isEqualTo(Map.of(
                "export-none", List.of(2553 / 1978.0, 2322 / 1490.0, 2371 / 1799.0),
                "import-fast", List.of(5625 / 4385.0, 4705 / 4450.0, 4707 / 4371.0)));
    }
}
