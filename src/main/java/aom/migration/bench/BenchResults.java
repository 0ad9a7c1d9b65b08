package aom.migration.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one benchmark run, the ratios against the baselines and the table that shows them. Every timed
 * line takes its best run (the least disturbed by other work on the machine) and shows the spread of all runs.
 */
public final class BenchResults {

    private final BenchSettings settings;
    private final Map<String, Object> machine;
    private final Map<String, Object> dataSet;
    private final List<Map<String, Object>> runs;

    BenchResults(BenchSettings settings, Map<String, Object> machine, Map<String, Object> dataSet,
                 List<Map<String, Object>> runs) {
        this.settings = settings;
        this.machine = machine;
        this.dataSet = dataSet;
        this.runs = List.copyOf(runs);
    }

    /** A timed line of the table: its best and worst run and the ratio of the best to its baseline. */
    record Line(String name, long bestMillis, long worstMillis, int runs, double ratio, long heapPeakBytes,
                long rssPeakBytes, long bundleBytes, Map<String, Object> best) {
    }

    /** The export ratio for one compression ({@code none}, {@code fast}, {@code best}), if it was measured. */
    public Optional<Double> exportRatio(String compression) {
        return line("export-" + compression).map(Line::ratio);
    }

    /** The import ratio for a bundle of one compression ({@code none}: the baseline's input), if measured. */
    public Optional<Double> importRatio(String compression) {
        return line("import-" + compression).map(Line::ratio);
    }

    /** Every run's figures, in the order they ran. */
    public List<Map<String, Object>> runs() {
        return runs;
    }

    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        Line drain = summarize("drain (baseline)", of("drain", null), 0);
        lines.add(drain);
        for (String compression : List.of("none", "fast", "best")) {
            List<Map<String, Object>> exports = of("export", run -> compression.equals(run.get("compression")));
            if (!exports.isEmpty()) {
                lines.add(summarize("export-" + compression, exports, drain.bestMillis()));
            }
        }
        List<Map<String, Object>> loads = of("load", null);
        if (!loads.isEmpty()) {
            Map<String, Object> bestLoad = loads.stream().min(Comparator.comparingLong(BenchResults::millis))
                    .orElseThrow();
            String shape = String.valueOf(bestLoad.get("label")).replaceAll("^load-|-r\\d+$", "");
            Line load = summarize("load (baseline)", of("load", run -> String.valueOf(run.get("label"))
                    .replaceAll("^load-|-r\\d+$", "").equals(shape)), 0);
            lines.add(load);
            for (String compression : List.of("none", "fast")) {
                List<Map<String, Object>> imports = of("import", run -> String.valueOf(run.get("label"))
                        .startsWith("import-" + compression + "-"));
                if (!imports.isEmpty()) {
                    lines.add(summarize("import-" + compression, imports, load.bestMillis()));
                }
            }
        }
        return lines;
    }

    private Optional<Line> line(String name) {
        return lines().stream().filter(line -> line.name().equals(name)).findFirst();
    }

    private List<Map<String, Object>> of(String kind, java.util.function.Predicate<Map<String, Object>> filter) {
        return runs.stream().filter(run -> kind.equals(run.get("kind")))
                .filter(run -> filter == null || filter.test(run)).toList();
    }

    private static Line summarize(String name, List<Map<String, Object>> runs, long baselineMillis) {
        Map<String, Object> best = runs.stream().min(Comparator.comparingLong(BenchResults::millis)).orElseThrow();
        long worst = runs.stream().mapToLong(BenchResults::millis).max().orElseThrow();
        long heap = runs.stream().mapToLong(run -> number(run, "heapPeakBytes")).max().orElse(-1);
        long rss = runs.stream().mapToLong(run -> number(run, "vmHwmBytes")).max().orElse(-1);
        double ratio = baselineMillis > 0 ? millis(best) / (double) baselineMillis : 1.0;
        return new Line(name, millis(best), worst, runs.size(), ratio, heap, rss, number(best, "bundleBytes"), best);
    }

    private static long millis(Map<String, Object> run) {
        return number(run, "elapsedMillis");
    }

    private static long number(Map<String, Object> run, String key) {
        Object value = run.get(key);
        return value instanceof Number number ? number.longValue() : -1;
    }

    /** The table printed at the end of a run. */
    public String table() {
        long rawBytes = ((Number) dataSet.get("bytes")).longValue();
        StringBuilder out = new StringBuilder();
        out.append(String.format("Benchmark: %d MB asked, %d documents, %.1f MB of BSON in %d collections; %s cores;"
                        + " task JVMs -Xmx%s; load %.2f at start, %.2f at end%n", settings.sizeMb(),
                ((Number) dataSet.get("documents")).longValue(), rawBytes / 1048576.0, dataSet.get("collections"),
                machine.get("cores"), settings.childHeap(), machine.get("loadAtStart"), machine.get("loadAtEnd")));
        out.append(String.format("%-18s %-22s %9s %9s %5s %7s %8s %8s %9s%n", "measure", "best run", "best ms",
                "worst ms", "runs", "ratio", "heap MB", "RSS MB", "size/raw"));
        for (Line line : lines()) {
            String shape = String.valueOf(line.best().get("label")).replaceAll("-r\\d+$", "");
            // Against the data the bundle holds (the demo's small collections included), not the asked size.
            long dataBytes = number(line.best(), "bytes");
            String size = line.bundleBytes() > 0 && dataBytes > 0
                    ? String.format("%.3f", line.bundleBytes() / (double) dataBytes) : "";
            out.append(String.format("%-18s %-22s %9d %9d %5d %7.2f %8d %8d %9s%n", line.name(), shape,
                    line.bestMillis(), line.worstMillis(), line.runs(), line.ratio(), line.heapPeakBytes() >> 20,
                    line.rssPeakBytes() >> 20, size));
        }
        line("drain (baseline)").ifPresent(line -> out.append("drain (best run): connect and list ")
                .append(line.bestMillis() - number(line.best(), "drainMillis")).append(" ms, cursors ")
                .append(number(line.best(), "drainMillis")).append(" ms").append(System.lineSeparator()));
        for (String compression : List.of("none", "fast", "best")) {
            line("export-" + compression).ifPresent(line -> out.append("export-").append(compression)
                    .append(" phases (best run, ms): ").append(line.best().get("phaseMillis"))
                    .append(System.lineSeparator()));
        }
        for (String compression : List.of("none", "fast")) {
            line("import-" + compression).ifPresent(line -> out.append("import-").append(compression)
                    .append(" phases (best run, ms): ").append(line.best().get("phaseMillis"))
                    .append(System.lineSeparator()));
        }
        runs.stream().filter(run -> "preview".equals(run.get("kind"))).findFirst().ifPresent(preview ->
                out.append(String.format("preview of the %s bundle (%.1f MB): cold %.1f ms (%d ms with the JVM's"
                                + " start), warm median %.1f ms, warm max %.1f ms%n", "fast",
                        number(preview, "bundleBytes") / 1048576.0, ((Number) preview.get("coldMillis")).doubleValue(),
                        number(preview, "coldWithJvmStartMillis"),
                        ((Number) preview.get("warmMedianMillis")).doubleValue(),
                        ((Number) preview.get("warmMaxMillis")).doubleValue())));
        return out.toString();
    }

    /** Everything, for {@code latest.json}. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", settings);
        json.put("machine", machine);
        json.put("dataSet", dataSet);
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Line line : lines()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("measure", line.name());
            entry.put("bestRun", line.best().get("label"));
            entry.put("bestMillis", line.bestMillis());
            entry.put("worstMillis", line.worstMillis());
            entry.put("runs", line.runs());
            entry.put("ratio", line.ratio());
            entry.put("heapPeakBytes", line.heapPeakBytes());
            entry.put("rssPeakBytes", line.rssPeakBytes());
            entry.put("bundleBytes", line.bundleBytes());
            summary.add(entry);
        }
        json.put("summary", summary);
        json.put("table", table());
        json.put("runs", runs);
        return json;
    }
}
