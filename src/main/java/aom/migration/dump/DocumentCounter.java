package aom.migration.dump;

import aom.migration.data.CorruptDataException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the documents of a raw BSON stream by their framing alone (length prefix, terminator byte), skipping the
 * content: how {@code inspect} counts a directory dump without decoding or holding any document.
 */
final class DocumentCounter {

    private DocumentCounter() {
    }

    /** Returns {documents, bytes}. */
    static long[] count(InputStream in, String source) throws IOException {
        byte[] prefix = new byte[4];
        long documents = 0;
        long bytes = 0;
        while (true) {
            int read = in.readNBytes(prefix, 0, 4);
            if (read == 0) {
                return new long[] {documents, bytes};
            }
            if (read < 4) {
                throw truncated(source, documents, bytes);
            }
            int length = ArchiveFormat.readInt(prefix, 0);
            if (length < ArchiveFormat.MIN_DOCUMENT_BYTES || length > ArchiveFormat.MAX_DOCUMENT_BYTES) {
                throw new CorruptDataException(source + ": document " + (documents + 1) + " at byte " + bytes
                        + " claims a length of " + Integer.toUnsignedString(length) + " bytes, which is impossible");
            }
            long toSkip = length - 5L;
            while (toSkip > 0) {
                long skipped = in.skip(toSkip);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw truncated(source, documents, bytes);
                    }
                    skipped = 1;
                }
                toSkip -= skipped;
            }
            int last = in.read();
            if (last < 0) {
                throw truncated(source, documents, bytes);
            }
            if (last != 0) {
                throw new CorruptDataException(source + ": document " + (documents + 1) + " at byte " + bytes
                        + " does not end with the BSON terminator");
            }
            documents++;
            bytes += length;
        }
    }

    private static CorruptDataException truncated(String source, long documents, long bytes) {
        return new CorruptDataException(source + ": the data ends in the middle of document " + (documents + 1)
                + " (byte " + bytes + "); the file is truncated");
    }
}
