package aom.migration.restore;

import aom.migration.mongo.RawDocumentCodec;
import org.bson.RawBsonDocument;
import org.bson.io.BsonInput;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds a {@link CollectionDigest} document by document: the sum of the documents' {@link DocumentHash}es. Not
 * thread-safe: one per thread, then {@link #merge}. As a {@link RawDocumentCodec.Sink} it hashes documents straight
 * out of a cursor's reply.
 */
final class DigestAccumulator implements RawDocumentCodec.Sink {

    /** The 128-bit sum: the high and the low word. */
    private long high;
    private long low;
    private long documents;
    private long bytes;
    private final long[] hash = new long[2];
    /** The current document when it comes from a reply; grown for larger ones (up to 16 MiB). */
    private byte[] scratch = new byte[64 * 1024];

    void add(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        append(bytes, 0, bytes.length);
    }

    @Override
    public void append(BsonInput input, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        input.readBytes(scratch, 0, length);
        append(scratch, 0, length);
    }

    @Override
    public void append(byte[] document, int offset, int length) {
        bytes += length;
        DocumentHash.hash(document, offset, length, hash);
        add(hash[0], hash[1]);
        documents++;
    }

    void merge(DigestAccumulator other) {
        documents += other.documents;
        bytes += other.bytes;
        add(other.high, other.low);
    }

    CollectionDigest result() {
        return new CollectionDigest(documents, bytes, HexFormat.of().toHexDigits(high) + HexFormat.of()
                .toHexDigits(low));
    }

    /** Adds a 128-bit number, modulo 2^128. */
    private void add(long otherHigh, long otherLow) {
        long sum = low + otherLow;
        long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
        low = sum;
        high += otherHigh + carry;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
