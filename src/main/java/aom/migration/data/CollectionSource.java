package aom.migration.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * One collection's data as a bundle, a mongodump directory or a mongodump archive holds it: raw BSON documents
 * back to back plus the collection's definition. The importer loads any of them the same way.
 */
public interface CollectionSource {

    /** The database name as the bundle or dump recorded it (the source's name). */
    String database();

    /** The collection name. */
    String collection();

    /** Options, indexes and type. */
    CollectionMetadata metadata();

    /** The number of documents the source announced, or -1 when it did not. */
    long expectedDocuments();

    /** The number of (uncompressed) BSON bytes the source announced, or -1 when it did not. */
    long expectedBytes();

    /** The SHA-256 (hex) of the BSON bytes, when the source records one; the importer verifies it while loading. */
    Optional<String> expectedSha256();

    /**
     * Opens the documents: uncompressed BSON, back to back. Each call starts from the beginning. The caller closes
     * the stream.
     */
    InputStream openDocuments() throws IOException;

    /**
     * Whether the stream of {@link #openDocuments()} itself checks the size and {@link #expectedSha256()} and fails
     * at its end on a mismatch; the importer then need not hash the data a second time.
     */
    default boolean verifiesWhileReading() {
        return false;
    }

    /** {@code database.collection}. */
    default String namespace() {
        return database() + "." + collection();
    }
}
