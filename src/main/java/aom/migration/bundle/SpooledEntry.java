package aom.migration.bundle;

import java.io.IOException;
import java.io.InputStream;

/**
 * A finished, compressed entry waiting to be copied into the bundle, with the figures the zip and the manifest
 * need. {@link #discard()} frees its memory and deletes its spool file.
 */
public final class SpooledEntry {

    private final String path;
    private final Compression compression;
    private final long size;
    private final long compressedSize;
    private final long crc32;
    private final String sha256;
    private final long documents;
    private final SpillBuffer buffer;
    private final boolean inZip;

    SpooledEntry(String path, Compression compression, long size, long compressedSize, long crc32, String sha256,
                 long documents, SpillBuffer buffer, boolean inZip) {
        this.path = path;
        this.compression = compression;
        this.size = size;
        this.compressedSize = compressedSize;
        this.crc32 = crc32;
        this.sha256 = sha256;
        this.documents = documents;
        this.buffer = buffer;
        this.inZip = inZip;
    }

    /** Whether the data already streamed into the zip ({@link EntrySpool#streamInto}); only its end is missing. */
    boolean inZip() {
        return inZip;
    }

    /** Path inside the bundle. */
    public String path() {
        return path;
    }

    public Compression compression() {
        return compression;
    }

    /** Uncompressed bytes. */
    public long size() {
        return size;
    }

    /** Bytes as stored in the zip. */
    public long compressedSize() {
        return compressedSize;
    }

    /** CRC-32 of the uncompressed bytes; -1 when the data streamed into the zip, which computed its own. */
    public long crc32() {
        return crc32;
    }

    /** SHA-256 of the uncompressed bytes, hex. */
    public String sha256() {
        return sha256;
    }

    /** Documents in the entry, 0 for files that hold none. */
    public long documents() {
        return documents;
    }

    /** The stored (compressed) bytes. */
    InputStream open() throws IOException {
        return buffer.open();
    }

    /** Frees the memory and deletes the spool file. */
    public void discard() {
        buffer.discard();
    }
}
