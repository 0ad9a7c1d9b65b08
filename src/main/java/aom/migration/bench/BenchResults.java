package aom.migration.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

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

    /**
     * A timed line of the table: its best and worst run, the ratio of the best to its baseline's best, and the same
     * for CPU time (the task's plus the server's), which other work on the machine disturbs far less than time.
     */
    record Line(String name, long bestMillis, long worstMillis, int runs, double ratio, long cpuMillis,
                double cpuRatio, long heapPeakBytes, long liveHeapPeakBytes, long rssPeakBytes, long bundleBytes,
                Map<String, Object> best, Warm warm) {
    }

    /**
     * The same line for the second run in each JVM ({@link BenchSettings#warm()}), or absent: best time, its ratio
     * to the baseline's best warm time, and CPU (task and server) with its ratio.
     */
    record Warm(long bestMillis, double ratio, long cpuMillis, double cpuRatio) {
    }

    /** The name of the line of the loads followed by a read-back. */
    private static final String LOAD_AND_READ_BACK = "load + read-back (ref)";
    /** The name of the line of the drains that write and hash what they read. */
    private static final String DRAIN_AND_WRITE = "drain + write (ref)";

    /** The export ratio for one compression ({@code none}, {@code fast}, {@code best}), if it was measured. */
    public Optional<Double> exportRatio(String compression) {
        return line("export-" + compression).map(Line::ratio);
    }

    /** The import ratio for a bundle of one compression ({@code none}: the baseline's input), if measured. */
    public Optional<Double> importRatio(String compression) {
        return line("import-" + compression).map(Line::ratio);
    }

    /** The export ratio of the warm runs (second in their JVM) for one compression, if measured. */
    public Optional<Double> warmExportRatio(String compression) {
        return line("export-" + compression).map(Line::warm).map(Warm::ratio);
    }

    /** The import ratio of the warm runs for a bundle of one compression, if measured. */
    public Optional<Double> warmImportRatio(String compression) {
        return line("import-" + compression).map(Line::warm).map(Warm::ratio);
    }

    /** Every run's figures, in the order they ran. */
    public List<Map<String, Object>> runs() {
        return runs;
    }

    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        Line drain = summarize("drain (baseline)", of("drain", ".*"), null);
        lines.add(drain);
        List<Map<String, Object>> written = of("written-drain", ".*");
        if (!written.isEmpty()) {
            lines.add(summarize(DRAIN_AND_WRITE, written, drain));
        }
        for (String prefix : List.of("before:", "")) {
            for (String compression : List.of("none", "fast", "best")) {
                List<Map<String, Object>> exports = of("export", prefix + "export-" + compression + "-r\\d+");
                if (!exports.isEmpty()) {
                    lines.add(summarize(prefix + "export-" + compression, exports, drain));
                }
            }
        }
        List<Map<String, Object>> loads = of("load", ".*");
        if (!loads.isEmpty()) {
            Map<String, Object> bestLoad = loads.stream().min(Comparator.comparingLong(BenchResults::millis))
                    .orElseThrow();
            String shape = shape(bestLoad);
            Line load = summarize("load (baseline)", loads.stream().filter(run -> shape(run).equals(shape)).toList(),
                    null);
            lines.add(load);
            for (String prefix : List.of("before:", "")) {
                for (String compression : List.of("none", "fast")) {
                    List<Map<String, Object>> imports = of("import", prefix + "import-" + compression + "-r\\d+");
                    if (!imports.isEmpty()) {
                        lines.add(summarize(prefix + "import-" + compression, imports, load));
                    }
                }
            }
            List<Map<String, Object>> readBacks = of("verified-load", ".*");
            if (!readBacks.isEmpty()) {
                lines.add(summarize(LOAD_AND_READ_BACK, readBacks, load));
            }
        }
        return lines;
    }

    /**
     * An import's best time against the best plain load followed by a raw read-back of what it loaded: how much the
     * import costs beyond the least that its verification needs. A reference beside the bar, not the bar.
     */
    public Optional<Double> importRatioAgainstLoadAndReadBack(String compression) {
        return against(LOAD_AND_READ_BACK, "import-" + compression);
    }

    /**
     * An export's best time against the best drain that writes what it reads to files with SHA-256 checksums: how
     * much the export costs beyond copying the data into checksummed files. A reference beside the bar.
     */
    public Optional<Double> exportRatioAgainstDrainAndWrite(String compression) {
        return against(DRAIN_AND_WRITE, "export-" + compression);
    }

    /**
     * For each repeat, one run of {@code measure} (e.g. {@code export-none}, {@code import-fast}) against the
     * baseline of the same repeat: the fastest drain of that repeat for an export, the load of that repeat (the best
     * shape's) for an import. Each pair ran within minutes, under much the same load from other work, and each side
     * has one run, where the table's ratio sets the best of all drains (every shape, every repeat) against the best
     * of fewer exports.
     */
    public List<Double> perRepeatRatios(String measure) {
        boolean export = measure.replaceFirst("^before:", "").startsWith("export-");
        List<Double> ratios = new ArrayList<>();
        for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
            String suffix = "-r" + repeat;
            List<Map<String, Object>> measured = of(export ? "export" : "import", Pattern.quote(measure + suffix));
            OptionalLong baseline = of(export ? "drain" : "load", ".*" + Pattern.quote(suffix)).stream()
                    .mapToLong(BenchResults::millis).min();
            if (!measured.isEmpty() && baseline.isPresent()) {
                ratios.add(millis(measured.get(0)) / (double) baseline.getAsLong());
            }
        }
        return ratios;
    }

    private Map<String, List<Double>> perRepeatRatios() {
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (String measure : List.of("export-none", "export-fast", "import-none", "import-fast")) {
            List<Double> ratios = perRepeatRatios(measure);
            if (!ratios.isEmpty()) {
                all.put(measure, ratios);
            }
        }
        return all;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private Optional<Double> against(String reference, String measure) {
        return line(reference).flatMap(ref -> line(measure).map(line -> line.bestMillis() / (double) ref
                .bestMillis()));
    }

    private static String shape(Map<String, Object> load) {
        return String.valueOf(load.get("label")).replaceAll("^load-|-r\\d+$|-sweep$", "");
    }

    private Optional<Line> line(String name) {
        return lines().stream().filter(line -> line.name().equals(name)).findFirst();
    }

    private List<Map<String, Object>> of(String kind, String labelPattern) {
        return runs.stream().filter(run -> kind.equals(run.get("kind")))
                .filter(run -> String.valueOf(run.get("label")).matches(labelPattern)).toList();
    }

    private static Line summarize(String name, List<Map<String, Object>> runs, Line baseline) {
        Map<String, Object> best = runs.stream().min(Comparator.comparingLong(BenchResults::millis)).orElseThrow();
        long worst = runs.stream().mapToLong(BenchResults::millis).max().orElseThrow();
        long cpu = runs.stream().mapToLong(BenchResults::cpu).min().orElseThrow();
        long heap = runs.stream().mapToLong(run -> number(run, "heapPeakBytes")).max().orElse(-1);
        long live = runs.stream().mapToLong(run -> number(run, "heapAfterGcPeakBytes")).max().orElse(-1);
        long rss = runs.stream().mapToLong(run -> number(run, "vmHwmBytes")).max().orElse(-1);
        double ratio = baseline != null ? millis(best) / (double) baseline.bestMillis() : 1.0;
        double cpuRatio = baseline != null ? cpu / (double) baseline.cpuMillis() : 1.0;
        return new Line(name, millis(best), worst, runs.size(), ratio, cpu, cpuRatio, heap, live, rss,
                number(best, "bundleBytes"), best, warm(runs, baseline));
    }

    private static Warm warm(List<Map<String, Object>> runs, Line baseline) {
        List<Map<String, Object>> warm = runs.stream().map(BenchResults::warmOf).filter(Objects::nonNull).toList();
        if (warm.isEmpty() || baseline != null && baseline.warm() == null) {
            return null;
        }
        long millis = warm.stream().mapToLong(BenchResults::millis).min().orElseThrow();
        long cpu = warm.stream().mapToLong(BenchResults::cpu).min().orElseThrow();
        return new Warm(millis, baseline != null ? millis / (double) baseline.warm().bestMillis() : 1.0, cpu,
                baseline != null ? cpu / (double) baseline.warm().cpuMillis() : 1.0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> warmOf(Map<String, Object> run) {
        return run.get("warm") instanceof Map<?, ?> warm ? (Map<String, Object>) warm : null;
    }

    /** CPU time of the task and, where there is one, the server. */
    private static long cpu(Map<String, Object> run) {
        return number(run, "cpuMillis") + Math.max(0, number(run, "serverCpuMillis"));
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
        out.append(String.format("%-22s %-42s %8s %8s %4s %6s %8s %6s %8s %6s %8s %6s %7s %7s %6s %8s%n",
                "measure", "best run", "best ms", "worst ms", "runs", "ratio", "CPU ms", "ratio", "warm ms", "ratio",
                "warm CPU", "ratio", "heap MB", "live MB", "RSS MB", "size/raw"));
        for (Line line : lines()) {
            String shape = String.valueOf(line.best().get("label")).replaceAll("-r\\d+$", "");
            // Against the data the bundle holds (the demo's small collections included), not the asked size.
            long dataBytes = number(line.best(), "bytes");
            String size = line.bundleBytes() > 0 && dataBytes > 0
                    ? String.format("%.3f", line.bundleBytes() / (double) dataBytes) : "";
            Warm warm = line.warm();
            out.append(String.format("%-22s %-42s %8d %8d %4d %6.2f %8d %6.2f %8s %6s %8s %6s %7d %7d %6d %8s%n",
                    line.name(), shape, line.bestMillis(), line.worstMillis(), line.runs(), line.ratio(),
                    line.cpuMillis(), line.cpuRatio(), warm == null ? "" : Long.toString(warm.bestMillis()),
                    warm == null ? "" : String.format("%.2f", warm.ratio()),
                    warm == null ? "" : Long.toString(warm.cpuMillis()),
                    warm == null ? "" : String.format("%.2f", warm.cpuRatio()), line.heapPeakBytes() >> 20,
                    line.liveHeapPeakBytes() >> 20, line.rssPeakBytes() >> 20, size));
        }
        line("drain (baseline)").ifPresent(line -> out.append("drain (best run): connect and list ")
                .append(line.bestMillis() - number(line.best(), "drainMillis")).append(" ms, cursors ")
                .append(number(line.best(), "drainMillis")).append(" ms").append(System.lineSeparator()));
        for (Line line : lines()) {
            if (line.best().containsKey("phaseMillis")) {
                out.append(line.name()).append(" phases (best run, ms): ").append(line.best().get("phaseMillis"))
                        .append(System.lineSeparator());
            }
        }
        line(DRAIN_AND_WRITE).ifPresent(reference -> {
            out.append("drain + write (best run): against it (a reference, not the bar):");
            for (String compression : List.of("none", "fast")) {
                exportRatioAgainstDrainAndWrite(compression).ifPresent(ratio -> out.append(
                        String.format(" export-%s %.2f", compression, ratio)));
            }
            out.append(System.lineSeparator());
        });
        line(LOAD_AND_READ_BACK).ifPresent(reference -> {
            out.append(String.format("load + read-back (best run): load %d ms, read-back %d ms; against it (a"
                            + " reference, not the bar):", number(reference.best(), "loadMillis"),
                    number(reference.best(), "readBackMillis")));
            for (String compression : List.of("none", "fast")) {
                importRatioAgainstLoadAndReadBack(compression).ifPresent(ratio -> out.append(
                        String.format(" import-%s %.2f", compression, ratio)));
            }
            out.append(System.lineSeparator());
        });
        Map<String, List<Double>> perRepeat = perRepeatRatios();
        if (!perRepeat.isEmpty()) {
            out.append("each repeat against the fastest drain or the load of the same repeat:");
            perRepeat.forEach((measure, ratios) -> {
                out.append(' ').append(measure);
                ratios.forEach(ratio -> out.append(String.format(" %.2f", ratio)));
                out.append(String.format(" (median %.2f);", median(ratios)));
            });
            out.setLength(out.length() - 1);
            out.append(System.lineSeparator());
        }
        resumeLine().ifPresent(out::append);
        runs.stream().filter(run -> "preview".equals(run.get("kind"))).forEach(preview ->
                out.append(String.format("%s of the %s bundle (%.1f MB): cold %.1f ms (%d ms with the JVM's"
                                + " start), warm median %.1f ms, warm max %.1f ms%n", preview.get("label"), "fast",
                        number(preview, "bundleBytes") / 1048576.0, ((Number) preview.get("coldMillis")).doubleValue(),
                        number(preview, "coldWithJvmStartMillis"),
                        ((Number) preview.get("warmMedianMillis")).doubleValue(),
                        ((Number) preview.get("warmMaxMillis")).doubleValue())));
        return out.toString();
    }

    /**
     * The resumed import against a whole one: an import ended (as by kill -9) at 80 % of its load, then resumed, and
     * the fastest whole import of the same bundle.
     */
    private Optional<String> resumeLine() {
        Optional<Map<String, Object>> halted = runs.stream().filter(run -> "import-halted".equals(run.get("kind")))
                .findFirst();
        Optional<Map<String, Object>> resumed = runs.stream().filter(run -> "import-resumed".equals(run.get("kind")))
                .findFirst();
        List<Map<String, Object>> whole = of("import", "import-fast-r\\d+");
        if (halted.isEmpty() || resumed.isEmpty() || whole.isEmpty()) {
            return Optional.empty();
        }
        long full = whole.stream().mapToLong(run -> number(run, "elapsedMillis")).min().orElse(0);
        long resume = number(resumed.get(), "elapsedMillis");
        return Optional.of(String.format("import halted (as by kill -9) at %.0f %% of its load after %d ms, then"
                        + " resumed: %d ms, %.2f of a whole import (%d ms); %s%n",
                ((Number) halted.get().get("haltedAtFraction")).doubleValue() * 100,
                number(halted.get(), "elapsedMillis"), resume, full == 0 ? 0 : (double) resume / full, full,
                resumed.get().getOrDefault("notes", List.of())));
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
            entry.put("cpuMillis", line.cpuMillis());
            entry.put("cpuRatio", line.cpuRatio());
            entry.put("heapPeakBytes", line.heapPeakBytes());
            entry.put("liveHeapPeakBytes", line.liveHeapPeakBytes());
            entry.put("rssPeakBytes", line.rssPeakBytes());
            entry.put("bundleBytes", line.bundleBytes());
            if (line.warm() != null) {
                entry.put("warmBestMillis", line.warm().bestMillis());
                entry.put("warmRatio", line.warm().ratio());
                entry.put("warmCpuMillis", line.warm().cpuMillis());
                entry.put("warmCpuRatio", line.warm().cpuRatio());
            }
            summary.add(entry);
        }
        json.put("summary", summary);
        Map<String, Object> againstReadBack = new LinkedHashMap<>();
        for (String compression : List.of("none", "fast")) {
            importRatioAgainstLoadAndReadBack(compression).ifPresent(ratio -> againstReadBack.put(compression, ratio));
        }
        json.put("importAgainstLoadAndReadBack", againstReadBack);
        Map<String, Object> againstWrite = new LinkedHashMap<>();
        for (String compression : List.of("none", "fast")) {
            exportRatioAgainstDrainAndWrite(compression).ifPresent(ratio -> againstWrite.put(compression, ratio));
        }
        json.put("exportAgainstDrainAndWrite", againstWrite);
        json.put("perRepeatRatios", perRepeatRatios());
        json.put("table", table());
        json.put("runs", runs);
        return json;
    }
}
