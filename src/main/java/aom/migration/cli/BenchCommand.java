package aom.migration.cli;

import aom.migration.bench.BenchResults;
import aom.migration.bench.BenchSettings;
import aom.migration.bench.Benchmark;
import aom.migration.demo.BenchmarkDataSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bench}: the performance benchmark (docs/PERFORMANCE.md). Hidden from the help: it is for developers, takes
 * minutes and starts server processes of its own. Prints progress and the table on stdout; results go to
 * {@code --out} as JSON.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Measure export and import against the raw driver (see docs/PERFORMANCE.md).")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--size-mb", defaultValue = "300",
            description = "MB of benchmark data (default: ${DEFAULT-VALUE})")
    int sizeMb;

    @Option(names = "--repeats", defaultValue = "2",
            description = "Runs of each timed measure (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--child-heap", defaultValue = "256m",
            description = "-Xmx of the export and import JVMs (default: ${DEFAULT-VALUE})")
    String childHeap;

    @Option(names = "--server-heap", defaultValue = "6g",
            description = "-Xmx of each in-memory server process (default: ${DEFAULT-VALUE})")
    String serverHeap;

    @Option(names = "--out", defaultValue = "target/bench",
            description = "Results directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--quick", description = "One drain and one load shape only (for smoke runs)")
    boolean quick;

    @Option(names = "--class-path", description = "Class path of the server and task JVMs (default: this JVM's)")
    String classPath;

    @Option(names = "--before", paramLabel = "JAR",
            description = "Another build to measure side by side (its runs are labelled before:)")
    Path before;

    @Option(names = "--cold-only",
            description = "Run each drain, export, load and import once per JVM, without the second, warm run")
    boolean coldOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        BenchSettings settings = new BenchSettings(sizeMb, repeats, childHeap, serverHeap, out.toAbsolutePath(),
                classPath != null ? classPath : System.getProperty("java.class.path"), BenchmarkDataSet.DEFAULT_SEED,
                quick ? BenchSettings.QUICK_SWEEP : BenchSettings.FULL_SWEEP,
                quick ? BenchSettings.QUICK_DRAINS : BenchSettings.FULL_DRAINS,
                before == null ? null : before.toAbsolutePath().toString(), !coldOnly);
        BenchResults results = new Benchmark(settings, line -> {
            stdout.println(line);
            stdout.flush();
        }).run();
        stdout.println();
        stdout.print(results.table());
        stdout.println("Results: " + out.toAbsolutePath().resolve("latest.json"));
        stdout.flush();
        return ExitCode.OK;
    }
}
