package aom.migration.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * What a rollback or a recovery checked of the target against what the import recorded before it changed anything
 * (DESIGN.md section 5, "A rollback proves itself"), and every difference it found. "Restored" is said only of a
 * proof that {@link #passed()}, and always with what was checked ({@link #checked()}, or the figures for a
 * translated sentence).
 *
 * @param collections       the collections of the application's databases that were checked (present or absent)
 * @param databases         the databases they are in
 * @param counted           of those, the ones compared by document count and index names taken just before they
 *                          were set aside
 * @param hashed            of those, the ones also compared by content hash (a copy set aside)
 * @param metadataDocuments the metadata documents compared with the copy saved before the merge
 * @param metadataDatabase  the metadata database's name, or {@code null} when no metadata was checked
 * @param differences       what did not match, one line each
 */
public record RollbackProof(int collections, int databases, int counted, int hashed, long metadataDocuments,
                            String metadataDatabase, List<String> differences) {

    public RollbackProof {
        differences = List.copyOf(differences);
    }

    /** The check of the metadata, to be added to the collections' with {@link #and}. */
    static RollbackProof metadata(String database, long documents, List<String> differences) {
        return new RollbackProof(0, 0, 0, 0, documents, database, differences);
    }

    /** This check and {@code other} together. */
    RollbackProof and(RollbackProof other) {
        List<String> all = new ArrayList<>(differences);
        all.addAll(other.differences);
        return new RollbackProof(collections + other.collections, databases + other.databases,
                counted + other.counted, hashed + other.hashed, metadataDocuments + other.metadataDocuments,
                metadataDatabase != null ? metadataDatabase : other.metadataDatabase, all);
    }

    /** This check with {@code more} differences found while putting the target back. */
    RollbackProof withDifferences(List<String> more) {
        List<String> all = new ArrayList<>(more);
        all.addAll(differences);
        return new RollbackProof(collections, databases, counted, hashed, metadataDocuments, metadataDatabase, all);
    }

    public boolean passed() {
        return differences.isEmpty();
    }

    /** Everything that was checked, as one sentence part: "31 collections ...; 57 metadata documents ...". */
    public String checked() {
        String text = collections + " collection(s) in " + databases + " database(s) present or absent as before the"
                + " import" + (counted == 0 ? "" : ", " + counted + " of them by document count and index names"
                + " taken just before they were set aside") + (hashed == 0 ? "" : ", " + hashed + " by content hash");
        return metadataDatabase == null ? text : text + "; " + metadataDocuments + " metadata document(s) of "
                + metadataDatabase + " compared with the copy saved before the merge";
    }
}
