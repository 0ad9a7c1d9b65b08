package aom.migration.bench;

import aom.migration.bundle.BundleReader;
import aom.migration.bundle.Passphrase;
import aom.migration.bundle.Compression;
import aom.migration.demo.BenchmarkDataSet;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.export.ExportResult;
import aom.migration.model.Selection;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;
import aom.migration.mongo.MongoClientFactory;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.BundleImport;
import aom.migration.restore.ImportJob;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.ImportRequest;
import aom.migration.restore.ImportResult;
import aom.migration.session.OpenedForImport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One measurement in its own JVM, so that its heap and resident set are its own and the heap limit is the one a
 * user has: {@code java -Xmx256m -cp migration.jar aom.migration.bench.BenchTask <task> <result.json> key=value...}.
 * Tasks: {@code drain}, {@code export}, {@code load}, {@code import}, {@code preview}, and {@code generate} (writes
 * the data set, for profiling one step by hand). The result file gets the
 * task's figures plus the process figures ({@link ProcessFigures}). Exits non-zero when the task failed.
 */
public final class BenchTask {

    private BenchTask() {
    }

    public static void main(String[] args) throws Exception {
        ProcessFigures.watchHeap();
        String task = args[0];
        Path result = Path.of(args[1]);
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : Arrays.asList(args).subList(2, args.length)) {
            int equals = arg.indexOf('=');
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        long serverPid = Long.parseLong(options.getOrDefault("serverPid", "-1"));
        options.put("resultFile", result.toString());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("task", task);
        long serverBefore = serverPid > 0 ? ProcessFigures.cpuMillisOf(serverPid) : -1;
        run(task, options, figures);
        // The cold run: this JVM's CPU from its start, and the server's while it ran.
        figures.putAll(ProcessFigures.ofThisJvm());
        if (serverPid > 0) {
            figures.put("serverCpuMillis", ProcessFigures.cpuMillisOf(serverPid) - serverBefore);
        }
        if (Boolean.parseBoolean(options.getOrDefault("warm", "false")) && WARM_TASKS.contains(task)) {
            figures.put("warm", warmRun(task, options, serverPid));
            // The heap and resident set peaks cover both runs.
            Map<String, Object> after = ProcessFigures.ofThisJvm();
            for (String key : List.of("heapPeakBytes", "heapPoolPeaksBytes", "heapAfterGcPeakBytes", "vmHwmBytes")) {
                figures.put(key, after.get(key));
            }
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(result.toFile(), figures);
        System.exit(0);
    }

    /** Collections read back at once after a load with {@code readBack=true}: as many as the import reads. */
    private static final int READ_BACK_PARALLEL = 2;

    /** The tasks that can run a second time in the same JVM. */
    private static final Set<String> WARM_TASKS = Set.of("drain", "export", "load", "import");

    private static void run(String task, Map<String, String> options, Map<String, Object> figures) throws Exception {
        long start = System.nanoTime();
        switch (task) {
            case "drain" -> drain(options, figures);
            case "export" -> export(options, figures);
            case "load" -> load(options, figures);
            case "import" -> importBundle(options, figures);
            case "preview" -> preview(options, figures);
            case "generate" -> generate(options, figures);
            default -> throw new IllegalArgumentException("Unknown task " + task);
        }
        figures.putIfAbsent("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The same task once more in this JVM, with the code already loaded and compiled: what the engine costs without
     * the start-up of a fresh JVM, as in a wizard that has run a migration before, or in a migration large enough
     * that the start-up no longer counts. A load or import first empties the target again (not timed).
     */
    private static Map<String, Object> warmRun(String task, Map<String, String> options, long serverPid)
            throws Exception {
        if (task.equals("load") || task.equals("import")) {
            try (MongoClient client = client(options)) {
                Benchmark.dropAll(client);
            }
        }
        long cpuBefore = ProcessFigures.processCpuMillis();
        long serverBefore = serverPid > 0 ? ProcessFigures.cpuMillisOf(serverPid) : -1;
        Map<String, Object> warm = new LinkedHashMap<>();
        run(task, options, warm);
        warm.put("cpuMillis", ProcessFigures.processCpuMillis() - cpuBefore);
        if (serverPid > 0) {
            warm.put("serverCpuMillis", ProcessFigures.cpuMillisOf(serverPid) - serverBefore);
        }
        return warm;
    }

    private static MongoClient client(Map<String, String> options) {
        return MongoClientFactory.create(ConnectionSettings.fromUri(options.get("uri")));
    }

    /** Writes the data set into a server started apart (for profiling one step by hand). */
    private static void generate(Map<String, String> options, Map<String, Object> figures) {
        try (MongoClient client = client(options)) {
            long bytes = Long.parseLong(options.get("sizeMb")) * 1024 * 1024;
            figures.put("collections", BenchmarkDataSet.writeSource(client, bytes, BenchmarkDataSet.DEFAULT_SEED)
                    .size());
        }
    }

    private static void drain(Map<String, String> options, Map<String, Object> figures) throws Exception {
        // Timed like the export: from connecting, through listing the collections, to the last document.
        long start = System.nanoTime();
        try (MongoClient client = client(options)) {
            BaselineDrain drain = new BaselineDrain(client);
            List<BaselineDrain.Target> targets = drain.targets(List.of(options.get("databases").split(",")));
            int parallel = Integer.parseInt(options.get("parallel"));
            Path writeTo = options.containsKey("writeDir") ? Path.of(options.get("writeDir")) : null;
            if (writeTo != null) {
                Files.createDirectories(writeTo);
            }
            long draining = System.nanoTime();
            long[] read = drain.drain(targets, parallel, writeTo);
            figures.put("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
            figures.put("drainMillis", (System.nanoTime() - draining) / 1_000_000);
            figures.put("parallel", parallel);
            figures.put("documents", read[0]);
            figures.put("bytes", read[1]);
        }
    }

    private static void export(Map<String, String> options, Map<String, Object> figures) throws Exception {
        Compression compression = Compression.parse(options.get("compression"));
        ExportOptions exportOptions = ExportOptions.defaults().withCompression(compression).withOverwrite(true)
                .withPassphrase(passphrase(options));
        if (options.containsKey("parallel")) {
            exportOptions = exportOptions.withParallelism(Integer.parseInt(options.get("parallel")));
        }
        Path out = Path.of(options.get("out"));
        EventCounter events = new EventCounter();
        long start = System.nanoTime();
        ExportResult result = new ExportJob(ConnectionSettings.fromUri(options.get("uri")), options.get("app"),
                Selection.everything(), out, null, exportOptions).run(events, new CancellationToken());
        figures.put("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
        figures.put("compression", compression.name().toLowerCase());
        figures.put("encrypted", exportOptions.passphrase() != null);
        figures.put("parallel", exportOptions.parallelism());
        figures.put("documents", result.manifest().counts().documents());
        figures.put("bytes", result.manifest().counts().bytes());
        figures.put("bundleBytes", Files.size(result.bundle()));
        figures.put("progressEvents", events.count.get());
        figures.put("phaseMillis", events.phaseMillis());
    }

    private static void load(Map<String, String> options, Map<String, Object> figures) throws Exception {
        int parallel = Integer.parseInt(options.get("parallel"));
        int batchDocuments = Integer.parseInt(options.get("batchDocuments"));
        int batchBytes = Integer.parseInt(options.get("batchBytes"));
        String mode = options.get("mode");
        // Timed like the import: from opening the bundle and connecting to the last insert.
        long start = System.nanoTime();
        try (MongoClient client = client(options); ZipFile zip = BaselineLoad.open(Path.of(options.get("bundle")))) {
            BaselineLoad load = new BaselineLoad(client, zip, batchDocuments, batchBytes);
            long[] loaded = mode.equals("workers") ? load.byWorkers(parallel) : load.byCollections(parallel);
            if (Boolean.parseBoolean(options.getOrDefault("readBack", "false"))) {
                // The least a verified load needs: every loaded document read back once, as raw BSON.
                long loadedAt = System.nanoTime();
                figures.put("loadMillis", (loadedAt - start) / 1_000_000);
                BaselineDrain readBack = new BaselineDrain(client);
                long[] read = readBack.drain(readBack.targets(load.databases()), READ_BACK_PARALLEL);
                if (read[0] != loaded[0]) {
                    throw new IllegalStateException("Read back " + read[0] + " documents of " + loaded[0]);
                }
                figures.put("readBackMillis", (System.nanoTime() - loadedAt) / 1_000_000);
            }
            figures.put("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
            figures.put("mode", mode);
            figures.put("parallel", parallel);
            figures.put("batchDocuments", batchDocuments);
            figures.put("batchBytes", batchBytes);
            figures.put("documents", loaded[0]);
            figures.put("bytes", loaded[1]);
        }
    }

    /**
     * Imports a bundle. With {@code haltAtLoad=F} the JVM halts (as kill -9 would end it: nothing rolls back) once
     * the load has reached the fraction {@code F} of its bytes, after writing its figures; with {@code resume=true}
     * the import resumes the one a halted run left.
     */
    private static void importBundle(Map<String, String> options, Map<String, Object> figures) throws Exception {
        EventCounter events = new EventCounter();
        long start = System.nanoTime();
        double haltAt = Double.parseDouble(options.getOrDefault("haltAtLoad", "0"));
        ProgressListener listener = haltAt <= 0 ? events : event -> {
            events.onProgress(event);
            if (event.phase() == Phase.LOAD && event.isOverall() && event.fraction() >= haltAt) {
                halt(options, figures, start, event);
            }
        };
        ImportOptions importOptions = ImportOptions.defaults()
                .withResume(Boolean.parseBoolean(options.getOrDefault("resume", "false")));
        // As the import command does: the bundle is opened while the target is connected.
        try (OpenedForImport opened = OpenedForImport.open(Path.of(options.get("bundle")),
                ConnectionSettings.fromUri(options.get("uri")), passphrase(options))) {
            BundleReader bundle = opened.bundle();
            Installation target = opened.target();
            ImportRequest request = BundleImport.request(bundle, BundleImport.targetNaming(target, bundle),
                    BundleImport.systemsIn(bundle), true);
            ImportResult result = new ImportJob(target, request, importOptions).run(listener,
                    new CancellationToken());
            figures.put("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
            figures.put("verified", result.reportIfVerified().map(report -> report.passed()).orElse(false));
            figures.put("documents", bundle.manifest().counts().documents());
            figures.put("bytes", bundle.manifest().counts().bytes());
            result.reportIfVerified().ifPresent(report -> figures.put("notes", report.notes()));
        }
        figures.put("progressEvents", events.count.get());
        figures.put("phaseMillis", events.phaseMillis());
    }

    /** Writes what the halted import reached, then ends the JVM at once, as a kill would. */
    private static void halt(Map<String, String> options, Map<String, Object> figures, long start,
                             ProgressEvent event) {
        figures.put("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
        figures.put("haltedAtFraction", event.fraction());
        figures.put("haltedAtBytes", event.bytesDone());
        try {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(options.get("resultFile"))
                    .toFile(), figures);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Runtime.getRuntime().halt(0);
    }

    private static void preview(Map<String, String> options, Map<String, Object> figures) throws Exception {
        Path file = Path.of(options.get("bundle"));
        int warmRuns = Integer.parseInt(options.getOrDefault("warmRuns", "10"));
        Passphrase passphrase = passphrase(options);
        long cold = openPreview(file, passphrase);
        figures.put("coldMillis", cold / 1_000_000.0);
        figures.put("coldWithJvmStartMillis", ManagementFactory.getRuntimeMXBean().getUptime());
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            warm.add(openPreview(file, passphrase) / 1_000_000.0);
        }
        Collections.sort(warm);
        figures.put("warmMedianMillis", warm.get(warm.size() / 2));
        figures.put("warmMaxMillis", warm.get(warm.size() - 1));
        figures.put("bundleBytes", Files.size(file));
    }

    /** What the preview page needs: the manifest, the closure and every metadata document. */
    private static long openPreview(Path file, Passphrase passphrase) throws Exception {
        long start = System.nanoTime();
        long documents = 0;
        try (BundleReader bundle = BundleReader.open(file, passphrase)) {
            bundle.manifest();
            documents += bundle.closure().size();
            for (String collection : bundle.metadataCollections()) {
                try (Stream<?> stream = bundle.metadataDocuments(collection)) {
                    documents += stream.count();
                }
            }
        }
        if (documents == 0) {
            throw new IllegalStateException("The bundle " + file + " holds no metadata to preview");
        }
        return System.nanoTime() - start;
    }

    /** The passphrase of an encrypted bundle's run (option {@code passphrase}), or null for a plain one. */
    private static Passphrase passphrase(Map<String, String> options) {
        String text = options.get("passphrase");
        return text == null ? null : Passphrase.of(text);
    }

    /** Counts progress events, as a UI would receive them, and when each phase began. */
    private static final class EventCounter implements ProgressListener {
        final AtomicLong count = new AtomicLong();
        private final long start = System.nanoTime();
        private final Map<Phase, Long> phaseStarts = Collections.synchronizedMap(new LinkedHashMap<>());

        @Override
        public void onProgress(ProgressEvent event) {
            count.incrementAndGet();
            phaseStarts.putIfAbsent(event.phase(), System.nanoTime());
        }

        Map<String, Long> phaseMillis() {
            Map<String, Long> millis = new LinkedHashMap<>();
            List<Map.Entry<Phase, Long>> entries;
            synchronized (phaseStarts) {
                entries = new ArrayList<>(phaseStarts.entrySet());
            }
            long end = System.nanoTime();
            for (int i = 0; i < entries.size(); i++) {
                long from = entries.get(i).getValue();
                long to = i + 1 < entries.size() ? entries.get(i + 1).getValue() : end;
                millis.put(entries.get(i).getKey().name(), (to - from) / 1_000_000);
            }
            millis.put("total", (end - start) / 1_000_000);
            return millis;
        }
    }
}
