package aom.migration.bench;

import aom.migration.demo.BenchmarkDataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole benchmark harness on a tiny data set, so that it keeps working between the (long, manual) benchmark
 * runs. Asserts what was measured, never how fast. It starts about ten JVMs (20 to 50 s on two busy cores), too slow
 * for every build: run it with {@code AOM_BENCH_SMOKE=true mvn test -Dtest=BenchmarkSmokeTest}.
 */
@EnabledIfEnvironmentVariable(named = "AOM_BENCH_SMOKE", matches = "true")
class BenchmarkSmokeTest {

    @Test
    void tinyBenchmarkMeasuresEveryStepAndWritesItsResults(@TempDir Path out) throws Exception {
        BenchSettings settings = new BenchSettings(1, 1, "256m", "512m", out, System.getProperty("java.class.path"),
                BenchmarkDataSet.DEFAULT_SEED, BenchSettings.QUICK_SWEEP, BenchSettings.QUICK_DRAINS, null, true);
        List<String> log = new ArrayList<>();

        BenchResults results = new Benchmark(settings, log::add).run();

        assertThat(results.runs()).extracting(run -> run.get("label")).contains("drain-p2-r1", "export-none-r1",
                "export-fast-r1", "export-best-r1", "load-collections-p2-1000d-8mb-sweep", "import-none-r1",
                "import-fast-r1", "preview");
        assertThat(results.runs()).filteredOn(run -> "import".equals(run.get("kind")))
                .extracting(run -> run.get("verified")).containsOnly(true);
        assertThat(results.exportRatio("none")).isPresent();
        assertThat(results.importRatio("none")).isPresent();
        assertThat(results.runs()).filteredOn(run -> "verified-load".equals(run.get("kind"))).singleElement()
                .satisfies(run -> assertThat(run).containsKeys("loadMillis", "readBackMillis"));
        assertThat(results.importRatioAgainstLoadAndReadBack("none")).isPresent();
        assertThat(results.runs()).filteredOn(run -> "written-drain".equals(run.get("kind"))).singleElement()
                .satisfies(run -> assertThat(run.get("bytes")).isEqualTo(results.runs().stream()
                        .filter(other -> "drain".equals(other.get("kind"))).findFirst().orElseThrow()
                        .get("bytes")));
        assertThat(out.resolve("work/drained/drained-0.bson")).isNotEmptyFile();
        assertThat(results.exportRatioAgainstDrainAndWrite("none")).isPresent();
        assertThat(results.perRepeatRatios("export-none")).singleElement().satisfies(ratio -> assertThat(ratio)
                .isPositive());
        assertThat(results.perRepeatRatios("import-fast")).hasSize(1);
        assertThat(results.warmExportRatio("none")).isPresent();
        assertThat(results.warmImportRatio("none")).isPresent();
        assertThat(results.runs()).filteredOn(run -> "import".equals(run.get("kind")))
                .allSatisfy(run -> assertThat(run.get("warm")).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("verified", true));
        assertThat(results.table()).contains("export-none", "import", "preview of the fast bundle",
                "load + read-back (ref)", "drain + write (ref)");
        assertThat(results.runs()).filteredOn(run -> "import-halted".equals(run.get("kind"))).singleElement()
                .satisfies(run -> assertThat(((Number) run.get("haltedAtFraction")).doubleValue())
                        .isBetween(0.8, 1.0));
        assertThat(results.runs()).filteredOn(run -> "import-resumed".equals(run.get("kind"))).singleElement()
                .satisfies(run -> {
                    assertThat(run.get("verified")).isEqualTo(true);
                    assertThat(run.get("notes").toString()).contains("resumed the interrupted import");
                });
        assertThat(results.table()).containsPattern("import halted \\(as by kill -9\\) at \\d+ % of its load after"
                + " \\d+ ms, then resumed: \\d+ ms, \\d\\.\\d\\d of a whole import");
        assertThat(out.resolve("latest.json")).exists();
        assertThat(Files.readString(out.resolve("latest.json"))).contains("\"summary\"", "\"heapPeakBytes\"",
                "\"importAgainstLoadAndReadBack\"", "\"exportAgainstDrainAndWrite\"", "\"perRepeatRatios\"");
    }
}
