package aom.migration.comparison;

import aom.migration.model.AppHome;
import aom.migration.restore.CollectionDigest;
import aom.migration.restore.ReportFiles;
import aom.migration.restore.VerificationReport;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * How one application compares between two installations ({@link ApplicationComparison}): per collection of each
 * system database the document counts and content hashes on both sides, per metadata collection how many entities
 * match by natural key, and every difference in words. Holds names, counts and hashes only, never document content
 * or passwords.
 *
 * @param application the application
 * @param source      the source's hosts (never credentials)
 * @param target      the target's hosts
 * @param comparedAt  when (ISO-8601, UTC)
 * @param equal       whether nothing differs
 * @param collections one row per collection present on either side
 * @param metadata    one row per metadata collection of the application's slice
 * @param differences everything that differs, in words
 */
public record ComparisonReport(String application, String source, String target, String comparedAt, boolean equal,
                               List<CollectionRow> collections, List<MetadataRow> metadata,
                               List<String> differences) {

    /** How many differences the text form lists before it says "and n more". */
    private static final int SHOWN_DIFFERENCES = 30;

    public ComparisonReport {
        collections = List.copyOf(collections);
        metadata = List.copyOf(metadata);
        differences = List.copyOf(differences);
    }

    /**
     * One collection.
     *
     * @param sourceDocuments documents in the source, -1 when the source lacks the collection
     * @param targetDocuments documents in the target, -1 when the target lacks it
     * @param sourceHash      content hash ({@link CollectionDigest}) in the source, or {@code null}
     * @param targetHash      content hash in the target, or {@code null}
     * @param view            whether it is a view (compared by definition, not content)
     */
    public record CollectionRow(String system, String sourceDatabase, String targetDatabase, String collection,
                                long sourceDocuments, long targetDocuments, String sourceHash, String targetHash,
                                boolean view, boolean equal) {
    }

    /**
     * One metadata collection of the application's slice.
     *
     * @param sourceEntities entities in the source's slice
     * @param targetEntities entities in the target's slice
     * @param matching       entities equal on both sides (shared ones by key only)
     */
    public record MetadataRow(String collection, int sourceEntities, int targetEntities, int matching,
                              boolean equal) {
    }

    /** The report as indented JSON. */
    public String toJson() {
        return ReportFiles.json(this);
    }

    /** The report as a table for people. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Comparison of ").append(application).append(": source ").append(source).append(", target ")
                .append(target).append(", at ").append(comparedAt).append('\n');
        int width = Math.max(10, collections.stream().mapToInt(row -> namespace(row).length()).max().orElse(0));
        text.append(String.format("  %-7s %-" + width + "s %10s %10s  %s%n", "SYSTEM", "COLLECTION", "SOURCE",
                "TARGET", "RESULT"));
        for (CollectionRow row : collections) {
            text.append(String.format("  %-7s %-" + width + "s %10s %10s  %s%n", row.system(), namespace(row),
                    count(row.sourceDocuments()), count(row.targetDocuments()), result(row)));
        }
        for (MetadataRow row : metadata) {
            text.append(String.format("  %-7s %-" + width + "s %10d %10d  %s%n", "META", row.collection(),
                    row.sourceEntities(), row.targetEntities(), row.equal() ? "equal"
                            : (Math.max(row.sourceEntities(), row.targetEntities()) - row.matching()) + " differ"));
        }
        text.append(equal ? "Result: EQUAL\n" : "Result: DIFFERENT (" + differences.size() + " difference"
                + (differences.size() == 1 ? "" : "s") + ")\n");
        differences.stream().limit(SHOWN_DIFFERENCES).forEach(line -> text.append("  - ").append(line).append('\n'));
        if (differences.size() > SHOWN_DIFFERENCES) {
            text.append("  ... and ").append(differences.size() - SHOWN_DIFFERENCES).append(" more (see the JSON"
                    + " report)\n");
        }
        return text.toString();
    }

    /** Saves the JSON and the text form under {@link AppHome#reports()}. */
    public VerificationReport.Saved save() {
        return save(AppHome.reports());
    }

    /** Saves the JSON and the text form into {@code directory}. */
    public VerificationReport.Saved save(Path directory) {
        return ReportFiles.save(directory, application, "verify", Instant.parse(comparedAt), toJson(), toText());
    }

    private static String namespace(CollectionRow row) {
        String database = row.sourceDatabase().equals(row.targetDatabase()) ? row.sourceDatabase()
                : row.sourceDatabase() + "->" + row.targetDatabase();
        return row.collection() == null ? database : database + "." + row.collection();
    }

    private static String count(long documents) {
        return documents < 0 ? "-" : String.valueOf(documents);
    }

    private static String result(CollectionRow row) {
        if (row.equal()) {
            return row.collection() == null ? "absent on both" : row.view() ? "equal (view)" : "equal";
        }
        if (row.sourceDocuments() < 0) {
            return "only in the target";
        }
        if (row.targetDocuments() < 0) {
            return "missing in the target";
        }
        return row.view() ? "view differs" : "content differs";
    }
}
