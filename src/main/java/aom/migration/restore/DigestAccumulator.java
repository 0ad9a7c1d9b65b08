package aom.migration.restore;

import aom.migration.mongo.RawDocumentCodec;
import org.bson.RawBsonDocument;
import org.bson.io.BsonInput;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds a {@link CollectionDigest} document by document. Not thread-safe: one per thread, then {@link #merge}. As a
 * {@link RawDocumentCodec.Sink} it hashes documents straight out of a cursor's reply.
 */
final class DigestAccumulator implements RawDocumentCodec.Sink {

    private final MessageDigest sha256 = newSha256();
    /** The 256-bit sum as four words, most significant first. */
    private final long[] sum = new long[4];
    private long documents;
    private long bytes;
    /** The current document when it comes from a reply; grown for larger ones (up to 16 MiB). */
    private byte[] scratch = new byte[64 * 1024];

    void add(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        bytes += buffer.remaining();
        sha256.update(buffer);
        addHash(sha256.digest());
        documents++;
    }

    void add(byte[] document) {
        append(document, 0, document.length);
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
        sha256.update(document, offset, length);
        addHash(sha256.digest());
        documents++;
    }

    void merge(DigestAccumulator other) {
        documents += other.documents;
        bytes += other.bytes;
        addWords(other.sum);
    }

    CollectionDigest result() {
        ByteBuffer out = ByteBuffer.allocate(32);
        for (long word : sum) {
            out.putLong(word);
        }
        return new CollectionDigest(documents, bytes, HexFormat.of().formatHex(out.array()));
    }

    private void addHash(byte[] hash) {
        ByteBuffer in = ByteBuffer.wrap(hash);
        addWords(new long[] {in.getLong(), in.getLong(), in.getLong(), in.getLong()});
    }

    private void addWords(long[] words) {
        long carry = 0;
        for (int i = 3; i >= 0; i--) {
            long a = sum[i];
            long partial = a + words[i];
            long carryOut = Long.compareUnsigned(partial, a) < 0 ? 1 : 0;
            long total = partial + carry;
            if (Long.compareUnsigned(total, partial) < 0) {
                carryOut = 1;
            }
            sum[i] = total;
            carry = carryOut;
        }
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
