package aom.migration.data;

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
    /** The length of the document whose prefix {@link #nextLength} read, or -1. */
    private int pending = -1;

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
        int length = nextLength();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        readDocument(bytes, 0);
        return bytes;
    }

    /**
     * Reads the length prefix of the next document: for callers that read documents into buffers of their own,
     * with {@link #readDocument} next.
     *
     * @return the document's length in bytes, or -1 at a clean end of the stream
     * @throws CorruptDataException when the stream ends inside the prefix or the length is impossible
     */
    public int nextLength() throws IOException {
        if (pending >= 0) {
            throw new IllegalStateException("The document of " + pending + " bytes has not been read yet");
        }
        int first = in.read();
        if (first < 0) {
            return -1;
        }
        prefix[0] = (byte) first;
        readFully(prefix, 1, 3, 1);
        int length = (prefix[0] & 0xff) | (prefix[1] & 0xff) << 8 | (prefix[2] & 0xff) << 16 | (prefix[3] & 0xff) << 24;
        if (length < MIN_DOCUMENT_BYTES || length > MAX_DOCUMENT_BYTES) {
            throw new CorruptDataException(source + ": document " + (documents + 1) + " at byte " + offset
                    + " claims a length of " + Integer.toUnsignedString(length) + " bytes"
                    + (length > MAX_DOCUMENT_BYTES ? ", more than MongoDB's 16 MiB limit" : ", which is impossible"));
        }
        pending = length;
        return length;
    }

    /**
     * Reads the whole document whose length {@link #nextLength} returned, prefix included, into
     * {@code target[at, at + length)}.
     *
     * @throws CorruptDataException when the stream ends inside the document or it lacks its terminator
     */
    public void readDocument(byte[] target, int at) throws IOException {
        int length = pending;
        if (length < 0) {
            throw new IllegalStateException("No document length was read");
        }
        System.arraycopy(prefix, 0, target, at, 4);
        readFully(target, at + 4, length - 4, 4);
        if (target[at + length - 1] != 0) {
            throw new CorruptDataException(source + ": document " + (documents + 1) + " at byte " + offset
                    + " does not end with the BSON terminator");
        }
        pending = -1;
        offset += length;
        documents++;
    }

    /** Documents read so far. */
    public long documents() {
        return documents;
    }

    /** Bytes read so far. */
    public long bytes() {
        return offset;
    }

    /** Fills {@code buffer[from, from + length)}; {@code inDocument} is where that range starts in the document. */
    private void readFully(byte[] buffer, int from, int length, int inDocument) throws IOException {
        int done = 0;
        while (done < length) {
            int read = in.read(buffer, from + done, length - done);
            if (read < 0) {
                throw new CorruptDataException(source + ": the data ends in the middle of document "
                        + (documents + 1) + " (byte " + (offset + inDocument + done) + "); the file is truncated",
                        new EOFException());
            }
            done += read;
        }
    }
}
