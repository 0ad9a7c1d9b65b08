package aom.migration.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
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

    static final String REGENERATE = "mvn -B test -Dtest='aom/migration/reliability/*Test'"
            + " && cp target/reliability/RELIABILITY.md docs/RELIABILITY.md";
    private static final int MAX_MESSAGE = 300;
    private static final int MAX_NOTE = 600;
    /** What this environment cannot show, written by hand: it is not a test outcome but the map of its limits. */
    private static final List<String> LIMITS = List.of(
            "There is no real mongod here (VERSIONS.md): every target is mongo-java-server 1.47.0. What it cannot"
                    + " imitate was played by the wire proxy (authentication, error 13 Unauthorized, dropped"
                    + " connections) or is named below.",
            "Its H2 (file) backend does not really rename: it keeps a renamed collection's documents under the"
                    + " old name, where a new collection of that name finds them and a drop by that name deletes them"
                    + " (issue 18). So every import first checks renames in scratch collections of its own"
                    + " (RenameCheck) and, where they do not keep data, swaps by copying (the swap the tool uses for"
                    + " sharded clusters); section 1, cases 1.9 and 1.11, show it on H2. The rename swap is tested"
                    + " with the tool's own process killed (section 2), and for a cancel or crash in the middle of it"
                    + " against the in-memory server in restore/ImportSafetyTest.",
            "H2 writes its file about once a second. Killed at once, it loses up to a second of writes, always as a"
                    + " whole: the restarted server holds the state of an earlier moment, journal included, and the"
                    + " recovery restores from there (section 1, \"without waiting for H2's commit\"). The other"
                    + " kill cases wait until H2 has written its file, so that they test the recovery, not H2.",
            "No TLS server: only TLS against a server that does not speak it. No replica set or sharded cluster:"
                    + " the copy swap stands in for the sharded case. No Kerberos, x.509 or LDAP server: SASL PLAIN is"
                    + " checked by the proxy; a wrong SCRAM password is refused by the proxy at saslStart (a real"
                    + " mongod refuses at saslContinue; the driver reports both the same way).",
            "A full disk was simulated with a file-size limit (ulimit -f) on the exporting JVM: the writes fail with"
                    + " EFBIG (\"File too large\") where a full disk gives ENOSPC (\"No space left on device\");"
                    + " the code path is the same. A read-only folder cannot be tested here because the tests run as"
                    + " root.",
            "Types mongo-java-server cannot store (binary subtypes 1, 2, 5-9, 0xff, short UUIDs, DBPointer, symbol,"
                    + " code with scope) are shown byte for byte through the bundle writer and reader only; against"
                    + " the server the import fails clearly and rolls back (section 6).",
            "Canonical Extended JSON, the format of the metadata lines, has one spelling for NaN: a Decimal128 NaN"
                    + " with its sign bit set and a double NaN with a sign bit or payload come back as the canonical"
                    + " NaN (section 6). The .bson data entries keep every bit.",
            "The manifest has no checksum of its own (format version 1): a change that keeps it valid and"
                    + " consistent with the entries, in a field the import only shows (createdAt), is not detected"
                    + " (section 5). Every entry it lists is covered by its SHA-256.");

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
        // Within an area, the order the cases ran in, which @Order makes the order they are written in.
        rows.sort(Comparator.<JsonNode>comparingInt(row -> row.path("area").asInt())
                .thenComparingInt(row -> row.path("sequence").asInt()));
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        ZonedDateTime ran = Files.getLastModifiedTime(results).toInstant().atZone(ZoneOffset.UTC);
        Files.writeString(markdown, render(rows, ran), StandardCharsets.UTF_8);
    }

    static String render(List<JsonNode> rows, ZonedDateTime ran) {
        long failed = rows.stream().filter(row -> !row.path("outcome").asText().equals("passed")).count();
        long millis = rows.stream().mapToLong(row -> row.path("millis").asLong()).sum();
        StringBuilder text = new StringBuilder();
        text.append("# Reliability and security: what the tests tried, and what happened\n\n");
        text.append("Generated from a test run of the classes in `src/test/java/aom/migration/reliability` (issue 8),"
                + " which run with every `mvn verify`; this file is the record of one run. Do not edit by hand;"
                + " regenerate with\n\n```\n").append(REGENERATE).append("\n```\n\n");
        text.append("Run of ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                        .format(ran))
                .append(" on Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(": ").append(rows.size()).append(" cases, ")
                .append(rows.size() - failed).append(" passed, ").append(failed).append(" not passed, ")
                .append(String.format(Locale.ROOT, "%.0f s", millis / 1000.0)).append(" in total.\n\n");
        text.append("Exit codes: 0 done, 1 failed (the target is restored), 2 bad input, 3 refused. \"Observed\" is"
                + " the line the user saw (stderr) or what the engine threw, and notes the test recorded.\n");
        text.append("\n## Limits of this test environment\n\n");
        LIMITS.forEach(limit -> text.append("- ").append(limit).append("\n"));
        Map<Integer, List<JsonNode>> areas = new LinkedHashMap<>();
        rows.forEach(row -> areas.computeIfAbsent(row.path("area").asInt(), key -> new ArrayList<>()).add(row));
        for (List<JsonNode> area : areas.values()) {
            JsonNode first = area.get(0);
            text.append("\n## ").append(first.path("area").asInt()).append(". ").append(first.path("title").asText())
                    .append("\n\n").append(first.path("promise").asText()).append("\n\n");
            text.append("| # | Case | Result | Exit | Observed | Time |\n|---|---|---|---|---|---|\n");
            int number = 0;
            for (JsonNode row : area) {
                text.append("| ").append(first.path("area").asInt()).append('.').append(++number).append(" | ")
                        .append(cell(caseName(row))).append(" | ").append(row.path("outcome").asText())
                        .append(" | ").append(row.has("exitCode") ? row.path("exitCode").asText() : "")
                        .append(" | ").append(cell(observed(row))).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f s", row.path("millis").asLong() / 1000.0))
                        .append(" |\n");
            }
        }
        return text.toString();
    }

    /** The case's display name; parameterized cases name themselves (their method's name is in "test"). */
    private static String caseName(JsonNode row) {
        return row.path("case").asText();
    }

    private static String observed(JsonNode row) {
        List<String> parts = new ArrayList<>();
        if (row.hasNonNull("message")) {
            parts.add("`" + shortened(row.path("message").asText(), MAX_MESSAGE) + "`");
        }
        row.path("notes").forEach(note -> parts.add(shortened(note.asText(), MAX_NOTE)));
        if (row.hasNonNull("failure")) {
            parts.add("**Failure:** " + shortened(row.path("failure").asText(), MAX_MESSAGE));
        }
        return String.join("<br>", parts);
    }

    private static String shortened(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
