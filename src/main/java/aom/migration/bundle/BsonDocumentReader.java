package aom.migration.bundle;

import org.bson.RawBsonDocument;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads raw BSON documents laid back to back (mongodump's {@code .bson} format) without decoding them, checking
 * each document's length prefix and terminator. The bytes are handed on untouched, so they reach the target
 * exactly as they left the source.
 */
public final class BsonDocumentReader {

    /** MongoDB's maximum document size. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    private static final int MIN_DOCUMENT_BYTES = 5;

    private final InputStream in;
    private final String source;
    private final byte[] prefix = new byte[4];
    private long offset;
    private long documents;

    /**
     * @param in     the stream, positioned at a document boundary; buffering is the caller's job
     * @param source names the stream in error messages ({@code dump/App/users.bson})
     */
    public BsonDocumentReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /**
     * Returns the next document, or {@code null} at a clean end of the stream.
     *
     * @throws CorruptDataException when the stream ends inside a document or a document is malformed
     */
    public RawBsonDocument next() throws IOException {
        byte[] bytes = nextBytes();
        return bytes == null ? null : new RawBsonDocument(bytes);
    }

    /** Like {@link #next()} but returns the document's bytes. */
    public byte[] nextBytes() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        prefix[0] = (byte) first;
        readFully(prefix, 1, 3);
        int length = (prefix[0] & 0xff) | (prefix[1] & 0xff) << 8 | (prefix[2] & 0xff) << 16 | (prefix[3] & 0xff) << 24;
        if (length < MIN_DOCUMENT_BYTES || length > MAX_DOCUMENT_BYTES) {
            throw new CorruptDataException(source + ": document " + (documents + 1) + " at byte " + offset
                    + " claims a length of " + Integer.toUnsignedString(length) + " bytes"
                    + (length > MAX_DOCUMENT_BYTES ? ", more than MongoDB's 16 MiB limit" : ", which is impossible"));
        }
        byte[] bytes = new byte[length];
        System.arraycopy(prefix, 0, bytes, 0, 4);
        readFully(bytes, 4, length - 4);
        if (bytes[length - 1] != 0) {
            throw new CorruptDataException(source + ": document " + (documents + 1) + " at byte " + offset
                    + " does not end with the BSON terminator");
        }
        offset += length;
        documents++;
        return bytes;
    }

    /** Documents read so far. */
    public long documents() {
        return documents;
    }

    /** Bytes read so far. */
    public long bytes() {
        return offset;
    }

    private void readFully(byte[] buffer, int from, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int read = in.read(buffer, from + done, length - done);
            if (read < 0) {
                throw new CorruptDataException(source + ": the data ends in the middle of document "
                        + (documents + 1) + " (byte " + (offset + from + done) + "); the file is truncated",
                        new EOFException());
            }
            done += read;
        }
    }
}
