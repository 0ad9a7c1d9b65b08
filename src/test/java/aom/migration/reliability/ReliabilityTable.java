package aom.migration.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the rows the reliability tests recorded ({@link CaseLog}) into docs/RELIABILITY.md: one section per
 * {@link Area}, one table row per case with its outcome, exit code, the message the user saw and notes.
 *
 * <p>{@code main(results, markdown)} regenerates the file from a results file.
 */
final class ReliabilityTable {

    static final String REGENERATE = "mvn -B test -Dtest='aom.migration.reliability.*Test'"
            + " && cp target/reliability/RELIABILITY.md docs/RELIABILITY.md";
    private static final int MAX_MESSAGE = 300;

    private ReliabilityTable() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : CaseLog.RESULTS.toString()),
                Path.of(args.length > 1 ? args[1] : CaseLog.TABLE.toString()));
    }

    static void write(Path results, Path markdown) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(json.readTree(line));
            }
        }
        rows.sort(Comparator.<JsonNode>comparingInt(row -> row.path("area").asInt())
                .thenComparing(row -> row.path("group").asText().isEmpty() ? row.path("case").asText()
                        : row.path("group").asText())
                .thenComparingInt(row -> row.path("sequence").asInt()));
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, render(rows), StandardCharsets.UTF_8);
    }

    static String render(List<JsonNode> rows) {
        long failed = rows.stream().filter(row -> !row.path("outcome").asText().equals("passed")).count();
        long millis = rows.stream().mapToLong(row -> row.path("millis").asLong()).sum();
        StringBuilder text = new StringBuilder();
        text.append("# Reliability and security: what the tests tried, and what happened\n\n");
        text.append("Generated from a test run of the classes in `src/test/java/aom/migration/reliability` (issue 8)."
                + " Do not edit by hand; regenerate with\n\n```\n").append(REGENERATE).append("\n```\n\n");
        text.append("Run of ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                        .format(ZonedDateTime.now()))
                .append(" on Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(": ").append(rows.size()).append(" cases, ")
                .append(rows.size() - failed).append(" passed, ").append(failed).append(" not passed, ")
                .append(String.format(Locale.ROOT, "%.0f s", millis / 1000.0)).append(" in total.\n\n");
        text.append("Exit codes: 0 done, 1 failed (the target is restored), 2 bad input, 3 refused. \"Observed\" is"
                + " the line the user saw (stderr) or what the engine threw, and notes the test recorded.\n");
        Map<Integer, List<JsonNode>> areas = new LinkedHashMap<>();
        rows.forEach(row -> areas.computeIfAbsent(row.path("area").asInt(), key -> new ArrayList<>()).add(row));
        for (List<JsonNode> area : areas.values()) {
            JsonNode first = area.get(0);
            text.append("\n## ").append(first.path("area").asInt()).append(". ").append(first.path("title").asText())
                    .append("\n\n").append(first.path("promise").asText()).append("\n\n");
            text.append("| Case | Result | Exit | Observed | Time |\n|---|---|---|---|---|\n");
            for (JsonNode row : area) {
                text.append("| ").append(cell(caseName(row))).append(" | ").append(row.path("outcome").asText())
                        .append(" | ").append(row.has("exitCode") ? row.path("exitCode").asText() : "")
                        .append(" | ").append(cell(observed(row))).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f s", row.path("millis").asLong() / 1000.0))
                        .append(" |\n");
            }
        }
        return text.toString();
    }

    private static String caseName(JsonNode row) {
        String group = row.path("group").asText();
        return group.isEmpty() ? row.path("case").asText() : group + ": " + row.path("case").asText();
    }

    private static String observed(JsonNode row) {
        List<String> parts = new ArrayList<>();
        if (row.hasNonNull("message")) {
            parts.add("`" + shortened(row.path("message").asText()) + "`");
        }
        row.path("notes").forEach(note -> parts.add(note.asText()));
        if (row.hasNonNull("failure")) {
            parts.add("**Failure:** " + shortened(row.path("failure").asText()));
        }
        return String.join("<br>", parts);
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
