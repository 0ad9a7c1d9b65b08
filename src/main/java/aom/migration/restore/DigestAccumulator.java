package aom.migration.restore;

import org.bson.RawBsonDocument;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds a {@link CollectionDigest} document by document. Not thread-safe: one per thread, then {@link #merge}. */
final class DigestAccumulator {

    private final MessageDigest sha256 = newSha256();
    /** The 256-bit sum as four words, most significant first. */
    private final long[] sum = new long[4];
    private long documents;
    private long bytes;

    void add(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        bytes += buffer.remaining();
        sha256.update(buffer);
        addHash(sha256.digest());
        documents++;
    }

    void add(byte[] document) {
        bytes += document.length;
        addHash(sha256.digest(document));
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
