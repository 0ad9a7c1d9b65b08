package aom.migration.bench;

import aom.migration.bundle.BundlePaths;
import aom.migration.demo.BenchmarkDataSet;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The performance benchmark of DESIGN.md section 9, in one run on one data set: two server processes (source and
 * target, in-memory mongo-java-server), the benchmark data set ({@link BenchmarkDataSet}) written into the source,
 * then, each in its own JVM with the user's heap limit: drains of the source's collections (the export's
 * baseline), the same drain writing what it reads to files with SHA-256 checksums (a reference for the export, not a
 * bar), exports with every compression, plain {@code insertMany} loads of the stored bundle's documents in
 * several shapes (the import's baseline), the best of them followed by a raw read-back of what it loaded (a
 * reference for the import's verification, not a bar), imports of the stored and the default bundle, and the preview
 * of the default bundle. Writes
 * {@code bench-<time>.json} and {@code latest.json} into the output directory and returns the table.
 */
public final class Benchmark {

    private static final List<String> COMPRESSIONS = List.of("none", "fast", "best");
    private static final String DEFAULT_COMPRESSION = "fast";
    /** Of the encrypted runs; a benchmark's bundles are throw-away. */
    private static final String PASSPHRASE = "benchmark passphrase";

    private final BenchSettings settings;
    private final Consumer<String> log;
    private final Path logs;
    private final Path work;
    private final JavaProcess java;
    private final List<Map<String, Object>> runs = new ArrayList<>();

    public Benchmark(BenchSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
        this.logs = settings.output().resolve("logs");
        this.work = settings.output().resolve("work");
        this.java = new JavaProcess(settings.classPath(), logs);
    }

    /** Runs everything and returns the results (also written as JSON). */
    public BenchResults run() throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Files.createDirectories(work);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadAtStart", ProcessFigures.loadAverage());
        machine.put("startedAt", Instant.now().toString());
        Map<String, Object> dataSet;
        // One server at a time: each holds the whole data set in its heap, and the machine has others to run.
        try (JavaProcess.Server source = java.server("source-server", settings.serverHeap())) {
            dataSet = generate(source);
            List<String> databases = new ArrayList<>();
            for (SystemKind system : SystemKind.values()) {
                databases.add(DatabaseNaming.DASHED.databaseName(BenchmarkDataSet.APPLICATION, system));
            }
            // The server's own JIT warms up on the first reads: one untimed drain before the measurements.
            measure("warmup", "warmup-drain", source, Map.of("uri", source.uri(), "databases",
                    String.join(",", databases), "parallel", 2), "drain");
            for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
                for (int parallel : settings.drainSweep()) {
                    measure("drain", "drain-p" + parallel + "-r" + repeat, source, Map.of("uri", source.uri(),
                            "databases", String.join(",", databases), "parallel", parallel));
                }
                // Not a bar: the drain writing each reader's documents to a file, hashed with SHA-256, the least
                // that writing a checksummed copy of the data costs (the bundle's format asks for both).
                measure("written-drain", "drain+write-p2-r" + repeat, source, Map.of("uri", source.uri(),
                        "databases", String.join(",", databases), "parallel", 2, "writeDir",
                        work.resolve("drained").toString()), "drain");
                for (String compression : COMPRESSIONS) {
                    if (compression.equals("best") && repeat > 1) {
                        continue;
                    }
                    String name = "export-" + compression + "-r" + repeat;
                    Map<String, Object> options = Map.of("uri", source.uri(), "app", BenchmarkDataSet.APPLICATION,
                            "compression", compression);
                    measureBoth("export", name, source, options, "out", bundle(compression),
                            work.resolve("before-export-" + compression + BundlePaths.EXTENSION).toString());
                }
            }
            // Encrypted (export --encrypt, the default compression): once, for the cost and the peak heap.
            measure("export", "export-" + DEFAULT_COMPRESSION + "-encrypted", source, Map.of("uri", source.uri(),
                    "app", BenchmarkDataSet.APPLICATION, "compression", DEFAULT_COMPRESSION, "passphrase",
                    PASSPHRASE, "out", encryptedBundle()));
            machine.put("sourceServerHwmBytes", serverHwm(source));
        }
        try (JavaProcess.Server target = java.server("target-server", settings.serverHeap())) {
            measure("warmup", "warmup-load", target, load(target, settings.loadSweep().get(0)), "load");
            BenchSettings.LoadConfig best = loadSweep(target);
            for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
                dropAll(target);
                measure("load", "load-" + best.label() + "-r" + repeat, target, load(target, best));
                // Not a bar: the same load followed by a raw read-back of everything, the least that a load with
                // the import's verification (DESIGN.md section 5) costs.
                dropAll(target);
                Map<String, Object> readBack = new LinkedHashMap<>(load(target, best));
                readBack.put("readBack", true);
                measure("verified-load", "load+read-back-" + best.label() + "-r" + repeat, target, readBack,
                        "load");
                // From the stored bundle: the same input as the baseline; from the fast one: what users import.
                for (String compression : List.of("none", DEFAULT_COMPRESSION)) {
                    measureBoth("import", "import-" + compression + "-r" + repeat, target,
                            Map.of("uri", target.uri()), "bundle", bundle(compression), bundle(compression));
                }
            }
            // An import ended like a kill -9 at 80 % of its load, then resumed: the resume against a whole import.
            dropAll(target);
            measure("import-halted", "import-" + DEFAULT_COMPRESSION + "-halted-at-80%", target, Map.of("uri",
                    target.uri(), "bundle", bundle(DEFAULT_COMPRESSION), "haltAtLoad", 0.8), "import");
            measure("import-resumed", "import-" + DEFAULT_COMPRESSION + "-resumed", target, Map.of("uri",
                    target.uri(), "bundle", bundle(DEFAULT_COMPRESSION), "resume", true), "import");
            dropAll(target);
            measure("import", "import-" + DEFAULT_COMPRESSION + "-encrypted", target, Map.of("uri", target.uri(),
                    "bundle", encryptedBundle(), "passphrase", PASSPHRASE));
            dropAll(target);
            machine.put("targetServerHwmBytes", serverHwm(target));
        }
        measureBoth("preview", "preview", null, Map.of(), "bundle", bundle(DEFAULT_COMPRESSION),
                bundle(DEFAULT_COMPRESSION));
        // The passphrase's key derivation (scrypt, 2^16) is part of opening an encrypted bundle.
        measure("preview", "preview-encrypted", null, Map.of("bundle", encryptedBundle(), "passphrase", PASSPHRASE));
        machine.put("loadAtEnd", ProcessFigures.loadAverage());
        BenchResults results = new BenchResults(settings, machine, dataSet, runs);
        write(results);
        return results;
    }

    private Map<String, Object> generate(JavaProcess.Server source) {
        log.accept("Writing the benchmark data set (" + settings.sizeMb() + " MB) into the source server");
        long start = System.nanoTime();
        List<BenchmarkDataSet.WrittenCollection> written;
        try (MongoClient client = MongoClients.create(source.uri())) {
            written = BenchmarkDataSet.writeSource(client, settings.sizeMb() * 1024L * 1024L, settings.seed());
        }
        Map<String, Object> dataSet = new LinkedHashMap<>();
        dataSet.put("generateMillis", (System.nanoTime() - start) / 1_000_000);
        dataSet.put("collections", written.size());
        dataSet.put("documents", written.stream().mapToLong(BenchmarkDataSet.WrittenCollection::documents).sum());
        dataSet.put("bytes", written.stream().mapToLong(BenchmarkDataSet.WrittenCollection::bytes).sum());
        dataSet.put("detail", written);
        log.accept("  " + dataSet.get("documents") + " documents, " + dataSet.get("bytes") + " bytes in "
                + dataSet.get("generateMillis") + " ms");
        return dataSet;
    }

    /** Tries every load shape once and returns the fastest; it is then repeated next to each import. */
    private BenchSettings.LoadConfig loadSweep(JavaProcess.Server target) throws IOException, InterruptedException {
        BenchSettings.LoadConfig best = settings.loadSweep().get(0);
        long bestMillis = Long.MAX_VALUE;
        for (BenchSettings.LoadConfig config : settings.loadSweep()) {
            dropAll(target);
            Map<String, Object> run = measure("load", "load-" + config.label() + "-sweep", target,
                    load(target, config));
            long millis = ((Number) run.get("elapsedMillis")).longValue();
            if (millis < bestMillis) {
                bestMillis = millis;
                best = config;
            }
        }
        return best;
    }

    /**
     * Measures this build and, when another one is to be compared, that one right before it under the same load;
     * the option {@code fileKey} (an output or input file) gets {@code before} or {@code current}. Imports start
     * from an empty target each time.
     */
    private void measureBoth(String kind, String label, JavaProcess.Server server, Map<String, Object> options,
                             String fileKey, String current, String before) throws IOException, InterruptedException {
        if (settings.beforeClassPath() != null) {
            Map<String, Object> beforeOptions = new LinkedHashMap<>(options);
            beforeOptions.put(fileKey, before);
            if (kind.equals("import")) {
                dropAll(server);
            }
            measure(kind, "before:" + label, settings.beforeClassPath(), server, beforeOptions);
        }
        Map<String, Object> currentOptions = new LinkedHashMap<>(options);
        currentOptions.put(fileKey, current);
        if (kind.equals("import")) {
            dropAll(server);
        }
        measure(kind, label, java.classPath(), server, currentOptions);
    }

    private Map<String, Object> load(JavaProcess.Server target, BenchSettings.LoadConfig config) {
        return Map.of("uri", target.uri(), "bundle", bundle("none"), "mode", config.mode(),
                "parallel", config.parallel(), "batchDocuments", config.batchDocuments(),
                "batchBytes", config.batchBytes());
    }

    private Map<String, Object> measure(String kind, String label, JavaProcess.Server server,
                                        Map<String, Object> options) throws IOException, InterruptedException {
        return measure(kind, label, java.classPath(), server, options, kind);
    }

    private Map<String, Object> measure(String kind, String label, JavaProcess.Server server,
                                        Map<String, Object> options, String task)
            throws IOException, InterruptedException {
        return measure(kind, label, java.classPath(), server, options, task);
    }

    private Map<String, Object> measure(String kind, String label, String classPath, JavaProcess.Server server,
                                        Map<String, Object> options) throws IOException, InterruptedException {
        return measure(kind, label, classPath, server, options, kind);
    }

    private Map<String, Object> measure(String kind, String label, String classPath, JavaProcess.Server server,
                                        Map<String, Object> options, String task)
            throws IOException, InterruptedException {
        double loadBefore = ProcessFigures.loadAverage();
        long serverCpu = server == null ? -1 : ProcessFigures.cpuMillisOf(server.pid());
        Map<String, Object> taskOptions = new LinkedHashMap<>(options);
        if (server != null) {
            taskOptions.put("serverPid", server.pid());
        }
        // A halted run ends the JVM; a resume has nothing to resume a second time.
        if (settings.warm() && !kind.equals("warmup") && !kind.startsWith("import-")) {
            taskOptions.put("warm", true);
        }
        long start = System.nanoTime();
        Map<String, Object> figures = java.task(label, classPath, List.of("-Xmx" + settings.childHeap(),
                "-Daom.home=" + settings.output().resolve("home")), task, taskOptions);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("kind", kind);
        run.put("label", label);
        run.putAll(figures);
        run.put("processWallMillis", (System.nanoTime() - start) / 1_000_000);
        if (server != null) {
            // The task measures the server during its cold run itself; a build without that gets the whole task.
            run.putIfAbsent("serverCpuMillis", ProcessFigures.cpuMillisOf(server.pid()) - serverCpu);
        }
        run.put("loadBefore", loadBefore);
        run.put("loadAfter", ProcessFigures.loadAverage());
        runs.add(run);
        Object warm = run.get("warm") instanceof Map<?, ?> second ? second.get("elapsedMillis") : "-";
        log.accept(String.format("  %-41s %8s ms  warm %6s ms  cpu %6s ms  server cpu %6s ms  heap %4d MB"
                        + "  live %4d MB  RSS %4d MB  load %.2f", label,
                run.get(kind.equals("preview") ? "coldMillis" : "elapsedMillis"), warm, run.get("cpuMillis"),
                run.getOrDefault("serverCpuMillis", "-"), megabytes(run, "heapPeakBytes"),
                megabytes(run, "heapAfterGcPeakBytes"), megabytes(run, "vmHwmBytes"), loadBefore));
        return run;
    }

    private static long megabytes(Map<String, Object> run, String key) {
        return run.get(key) instanceof Number number ? number.longValue() >> 20 : -1;
    }

    private String encryptedBundle() {
        return work.resolve("export-" + DEFAULT_COMPRESSION + "-encrypted" + BundlePaths.EXTENSION).toString();
    }

    private String bundle(String compression) {
        return work.resolve("export-" + compression + BundlePaths.EXTENSION).toString();
    }

    private static void dropAll(JavaProcess.Server server) {
        try (MongoClient client = MongoClients.create(server.uri())) {
            dropAll(client);
        }
    }

    /** Empties a target for the next load or import: every database but the server's own. */
    static void dropAll(MongoClient client) {
        for (String name : client.listDatabaseNames()) {
            if (!List.of("admin", "local", "config").contains(name)) {
                client.getDatabase(name).drop();
            }
        }
    }

    private static long serverHwm(JavaProcess.Server server) {
        return ProcessFigures.statusKilobytes(Path.of("/proc/" + server.pid() + "/status"), "VmHWM") * 1024;
    }

    private void write(BenchResults results) throws IOException {
        Map<String, Object> json = results.toJson();
        ObjectMapper mapper = new ObjectMapper();
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
        mapper.writerWithDefaultPrettyPrinter().writeValue(settings.output().resolve("bench-" + stamp + ".json")
                .toFile(), json);
        mapper.writerWithDefaultPrettyPrinter().writeValue(settings.output().resolve("latest.json").toFile(), json);
    }
}
