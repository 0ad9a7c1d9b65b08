package aom.migration.restore;

import aom.migration.model.AppHome;
import aom.migration.model.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of verifying an import: per collection the expected and actual document counts and content hashes,
 * per metadata collection how many entities were checked, and every problem found. Holds names, counts and hashes
 * only; never a password or a password hash.
 *
 * @param application the application
 * @param target      the target's hosts (never credentials)
 * @param verifiedAt  when (ISO-8601, UTC)
 * @param passed      whether everything matched
 * @param readBeforeSwap whether the collections' documents were read back from their staging collections right
 *                    after loading (and only counted once swapped in), rather than read after the swap
 * @param collections one check per collection of the import
 * @param metadata    one check per metadata collection, when the import included metadata
 * @param problems    everything that did not match, in words
 * @param notes       what the import did differently from a plain one (resumed, renamed, other systems)
 */
public record VerificationReport(String application, String target, String verifiedAt, boolean passed,
                                 boolean readBeforeSwap, List<CollectionCheck> collections,
                                 List<MetadataCheck> metadata, List<String> problems, List<String> notes) {

    public VerificationReport {
        collections = List.copyOf(collections);
        metadata = List.copyOf(metadata);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A report without notes. */
    public VerificationReport(String application, String target, String verifiedAt, boolean passed,
                              boolean readBeforeSwap, List<CollectionCheck> collections, List<MetadataCheck> metadata,
                              List<String> problems) {
        this(application, target, verifiedAt, passed, readBeforeSwap, collections, metadata, problems, List.of());
    }

    /** The same report with {@code more} notes. */
    public VerificationReport withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new VerificationReport(application, target, verifiedAt, passed, readBeforeSwap, collections, metadata,
                problems, all);
    }

    /**
     * One collection.
     *
     * @param action            what the import did with it
     * @param expectedDocuments documents the import brought (0 for a drop)
     * @param actualDocuments   documents the target has (-1 when the collection is missing)
     * @param expectedHash      content hash of the imported documents ({@link CollectionDigest}), or {@code null}
     * @param actualHash        content hash of the target's documents, or {@code null}
     */
    public record CollectionCheck(String system, String database, String collection, String action,
                                  long expectedDocuments, long actualDocuments, String expectedHash,
                                  String actualHash, boolean view, boolean passed) {
    }

    /**
     * One metadata collection.
     *
     * @param collection the metadata collection
     * @param written    documents the merge wrote and that were compared with the plan
     * @param present    entities that must exist (kept, identical, written)
     * @param removed    entities that must be gone
     * @param passed     whether all checks matched
     */
    public record MetadataCheck(String collection, int written, int present, int removed, boolean passed) {
    }

    /** The files a report was saved to. */
    public record Saved(Path json, Path text) {
    }

    /**
     * The report as indented JSON, every field present (hashes {@code null} where there are none). Written with the
     * tool's own JSON writer, not Jackson's object mapper: an import writes its report last, when a cold mapper's
     * few hundred milliseconds would be the whole of what the user waits for.
     */
    public String toJson() {
        JsonObject.Builder json = new JsonObject.Builder().put("application", application).put("target", target)
                .put("verifiedAt", verifiedAt).put("passed", passed).put("readBeforeSwap", readBeforeSwap);
        json.documents("collections", collections.stream().map(check -> new JsonObject.Builder()
                .put("system", check.system()).put("database", check.database())
                .put("collection", check.collection()).put("action", check.action())
                .put("expectedDocuments", check.expectedDocuments()).put("actualDocuments", check.actualDocuments())
                .putOrNull("expectedHash", check.expectedHash()).putOrNull("actualHash", check.actualHash())
                .put("view", check.view()).put("passed", check.passed()).build()).toList());
        json.documents("metadata", metadata.stream().map(check -> new JsonObject.Builder()
                .put("collection", check.collection()).put("written", check.written())
                .put("present", check.present()).put("removed", check.removed()).put("passed", check.passed())
                .build()).toList());
        json.strings("problems", problems);
        json.strings("notes", notes);
        return new String(JsonObject.write(json.build()), StandardCharsets.UTF_8);
    }

    /** The report for people. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Verification of ").append(application).append(" on ").append(target).append(" at ")
                .append(verifiedAt).append(": ").append(passed ? "PASSED" : "FAILED").append('\n');
        notes.forEach(note -> text.append("Note: ").append(note).append('\n'));
        if (readBeforeSwap) {
            text.append("Documents read back from the target's staging collections before the swap, counted again"
                    + " after it.\n");
        }
        for (CollectionCheck check : collections) {
            text.append(String.format("  %-4s %-7s %s.%s  %s%n", check.passed() ? "ok" : "FAIL", check.system(),
                    check.database(), check.collection(), detail(check)));
        }
        for (MetadataCheck check : metadata) {
            text.append(String.format("  %-4s %-7s %s  %d written, %d present, %d removed%n",
                    check.passed() ? "ok" : "FAIL", "META", check.collection(), check.written(), check.present(),
                    check.removed()));
        }
        if (!problems.isEmpty()) {
            text.append("Problems:\n");
            problems.forEach(problem -> text.append("  - ").append(problem).append('\n'));
        }
        return text.toString();
    }

    /** Saves the JSON and the text form under {@link AppHome#reports()}. */
    public Saved save() {
        return save(AppHome.reports());
    }

    /** Saves the JSON and the text form into {@code directory}. */
    public Saved save(Path directory) {
        return ReportFiles.save(directory, application, "import", Instant.parse(verifiedAt), toJson(), toText());
    }

    private static String detail(CollectionCheck check) {
        if (check.view()) {
            return check.action() + ", view" + (check.passed() ? "" : " missing or not a view");
        }
        if ("drop".equals(check.action())) {
            return check.passed() ? "dropped" : "still there";
        }
        String hash = check.actualHash() == null ? "" : ", hash " + check.actualHash().substring(0, 16) + "...";
        return check.action() + ", " + check.actualDocuments() + " of " + check.expectedDocuments() + " documents"
                + hash;
    }
}
