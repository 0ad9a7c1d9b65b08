package aom.migration.restore;

/**
 * What a collection holds, in a form two installations can compare: the number of documents, their total BSON size
 * and a content hash.
 *
 * <p>The content hash is the sum, modulo 2^128, of the 128-bit {@link DocumentHash} of every document's raw bytes.
 * A sum does not depend on the order in which documents come back (mongo-java-server returns insertion order, a real
 * mongod its own natural order), so the import computes the expected value while it streams the source, without a
 * second pass and without sorting by {@code _id}; yet any changed, missing or extra document changes it (but for a
 * chance of 2^-128).
 *
 * @param documents   number of documents
 * @param bytes       total size of their BSON
 * @param contentHash 32 hex digits
 */
public record CollectionDigest(long documents, long bytes, String contentHash) {

    /** The average document size, 0 for an empty collection. */
    public long averageBytes() {
        return documents == 0 ? 0 : bytes / documents;
    }

    /** The digest of an empty collection. */
    public static CollectionDigest empty() {
        return new DigestAccumulator().result();
    }
}
