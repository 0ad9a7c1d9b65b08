package aom.migration.bundle;

import java.util.Optional;

/**
 * What a bundle entry holds (DESIGN.md section 4): the word the manifest records, where such an entry lives in the
 * zip, what it must name, and how {@code inspect --verify} checks it beyond its size and SHA-256. A new kind of entry
 * is added here, in the writer that writes it and in the reader that reads it.
 */
public enum EntryKind {

    /** The README for people who open the zip by hand. */
    README("readme", Verification.BYTES, false, false),
    /** One metadata collection's documents, canonical Extended JSON, one per line. */
    METADATA("metadata", Verification.JSON_LINES, false, true),
    /** Natural key, shared flag and parent of every metadata document ({@link BundlePaths#KEYS}). */
    KEYS("keys", Verification.JSON_LINES, false, false),
    /** A collection's raw BSON documents, as mongodump writes them. */
    DOCUMENTS("documents", Verification.BSON_DOCUMENTS, true, true),
    /** A collection's mongodump {@code .metadata.json}: its options and indexes. */
    DEFINITION("definition", Verification.BYTES, true, true);

    /** How an entry's content is checked beyond its size and checksum. */
    public enum Verification {
        /** Size and SHA-256 only. */
        BYTES,
        /** Every line a JSON document. */
        JSON_LINES,
        /** Every document a whole BSON document, and as many as the manifest says. */
        BSON_DOCUMENTS
    }

    private final String word;
    private final Verification verification;
    private final boolean namesDatabase;
    private final boolean namesCollection;

    EntryKind(String word, Verification verification, boolean namesDatabase, boolean namesCollection) {
        this.word = word;
        this.verification = verification;
        this.namesDatabase = namesDatabase;
        this.namesCollection = namesCollection;
    }

    /** The word the manifest records. */
    public String word() {
        return word;
    }

    public Verification verification() {
        return verification;
    }

    /** Whether the entry belongs to the metadata closure (read by the preview and merged by the import). */
    public boolean isMetadata() {
        return this == METADATA || this == KEYS;
    }

    /** The kind the manifest's {@code word} names, if any. */
    public static Optional<EntryKind> ofWord(String word) {
        for (EntryKind kind : values()) {
            if (kind.word.equals(word)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the export puts an entry of this kind: its path in the zip for {@code database} and {@code collection}
     * ({@code null} where the kind names none).
     */
    public String path(String database, String collection) {
        return switch (this) {
            case README -> BundlePaths.README;
            case METADATA -> BundlePaths.metadata(collection);
            case KEYS -> BundlePaths.KEYS;
            case DOCUMENTS -> BundlePaths.documents(database, collection);
            case DEFINITION -> BundlePaths.definition(database, collection);
        };
    }

    /**
     * What an entry of this kind at {@code path} lacks: the database or collection it must name. Empty when it names
     * them. (Where it lives is not checked: the reader finds entries by the manifest's path, and bundles written for
     * tests put entries of a kind elsewhere.)
     */
    Optional<String> problem(String path, String database, String collection) {
        if (namesDatabase && (database == null || collection == null)) {
            return Optional.of("the entry " + path + " names no database or collection");
        }
        if (namesCollection && collection == null) {
            return Optional.of("the entry " + path + " names no collection");
        }
        return Optional.empty();
    }
}
