package aom.migration.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes one bundle entry while its content streams in: counts the bytes, computes SHA-256 (for the manifest) and
 * CRC-32 (for the zip) of the uncompressed data, and compresses it into a spool. Compressing here, on the thread
 * that reads the collection, lets several collections compress in parallel; the bundle writer later only copies
 * the compressed bytes. Not thread-safe: one producer per entry.
 */
public final class EntrySpool extends OutputStream {

    private static final int DEFLATE_BUFFER = 256 * 1024;
    private static final long WINDOW_BYTES = 1024 * 1024;
    private static final int SKIPPED_WINDOWS = 8;

    private final String path;
    private final Compression compression;
    private final SpillBuffer buffer;
    private final MessageDigest sha256;
    private final CRC32 crc = new CRC32();
    private final Deflater deflater;
    private final byte[] deflated;
    private final byte[] single = new byte[1];
    private long size;
    private long documents;
    private boolean finished;
    private boolean storing;
    /** Whether the deflater currently writes stored blocks (because of {@link #storing} or a skipped window). */
    private boolean levelStored;
    private int skipWindows;
    private long windowIn;
    private long windowOut;
    /** Where the data goes once the entry streams straight into the zip ({@link #streamInto}), else null. */
    private OutputStream direct;

    EntrySpool(String path, Compression compression, SpoolStore store) {
        this.path = path;
        this.compression = compression;
        this.buffer = new SpillBuffer(store);
        this.sha256 = newSha256();
        this.deflater = compression.deflates() ? new Deflater(compression.level(), true) : null;
        this.deflated = compression.deflates() ? new byte[DEFLATE_BUFFER] : null;
    }

    /** The entry's path in the bundle. */
    public String path() {
        return path;
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("The entry " + path + " is already finished");
        }
        if (length == 0) {
            return;
        }
        size += length;
        sha256.update(bytes, offset, length);
        if (direct != null) {
            // The zip computes the CRC of what streams into it.
            direct.write(bytes, offset, length);
            return;
        }
        crc.update(bytes, offset, length);
        if (deflater == null) {
            buffer.write(bytes, offset, length);
            return;
        }
        deflater.setInput(bytes, offset, length);
        while (!deflater.needsInput()) {
            drain();
        }
        if (compression == Compression.FAST && deflater.getBytesRead() - windowIn >= WINDOW_BYTES) {
            endWindow();
        }
    }

    /**
     * With {@link Compression#FAST}, every 1 MB: when the window just compressed shrank by less than a tenth
     * (images, jars, data that is compressed already), the next windows are stored instead, which costs nothing,
     * and compression is tried again after {@link #SKIPPED_WINDOWS} of them.
     */
    private void endWindow() {
        long in = deflater.getBytesRead() - windowIn;
        long out = deflater.getBytesWritten() - windowOut;
        if (skipWindows > 0) {
            skipWindows--;
        } else if (!storing && out * 10 > in * 9) {
            skipWindows = SKIPPED_WINDOWS;
        }
        windowIn = deflater.getBytesRead();
        windowOut = deflater.getBytesWritten();
        applyLevel();
    }

    private void applyLevel() {
        boolean store = storing || skipWindows > 0;
        if (store != levelStored) {
            levelStored = store;
            deflater.setLevel(store ? Deflater.NO_COMPRESSION : compression.level());
        }
    }

    /**
     * With {@link Compression#FAST}, lets the producer trade compression for speed while the data streams: with
     * {@code true} the following data goes into stored (uncompressed) deflate blocks, with {@code false} it is
     * compressed again. The deflate stream stays valid for every zip tool; only its size changes. The exporter
     * calls this when the compression cannot keep up with the server, so compressing never slows an export down.
     * Ignored for the other compressions.
     */
    public void preferSpeed(boolean speed) {
        if (deflater == null || compression != Compression.FAST || speed == storing) {
            return;
        }
        storing = speed;
        applyLevel();
    }

    /** Whether the entry can stream straight into the zip: stored entries only (the zip computes the CRC again). */
    public boolean canStreamDirectly() {
        return deflater == null && !finished;
    }

    /**
     * Sends what was written so far, and from now on everything written, straight into {@code out} (a zip entry that
     * {@link BundleWriter#startStoredEntry} opened for this path) instead of the spool, so the data is written to
     * disk once instead of three times (spool, read back, zip). Call on the producing thread.
     *
     * @throws IllegalStateException when the entry is compressed or already finished
     */
    public void streamInto(OutputStream out) throws IOException {
        if (!canStreamDirectly() || direct != null) {
            throw new IllegalStateException("The entry " + path + " cannot stream into the zip");
        }
        buffer.finish();
        try (InputStream spooled = buffer.open()) {
            spooled.transferTo(out);
        }
        buffer.discard();
        direct = out;
    }

    /** Records that {@code count} more documents were written (for the manifest). */
    public void countDocuments(long count) {
        documents += count;
    }

    /** Uncompressed bytes written so far. */
    public long size() {
        return size;
    }

    /**
     * Ends the entry and hands it over for {@link BundleWriter#add}.
     */
    public SpooledEntry finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("The entry " + path + " is already finished");
        }
        finished = true;
        try {
            if (deflater != null) {
                deflater.finish();
                while (!deflater.finished()) {
                    drain();
                }
            }
            if (direct == null) {
                buffer.finish();
            } else {
                direct.flush();
            }
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
        return new SpooledEntry(path, compression, size, direct == null ? buffer.size() : size,
                direct == null ? crc.getValue() : -1,
                HexFormat.of().formatHex(sha256.digest()), documents, buffer, direct != null);
    }

    /** Throws the entry away, freeing memory and deleting its spool file. */
    public void discard() {
        if (!finished && deflater != null) {
            deflater.end();
        }
        finished = true;
        buffer.discard();
    }

    /** Same as {@link #discard()} unless finished; lets try-with-resources clean up after a failure. */
    @Override
    public void close() {
        if (!finished) {
            discard();
        }
    }

    private void drain() throws IOException {
        int n = deflater.deflate(deflated, 0, deflated.length, Deflater.NO_FLUSH);
        if (n > 0) {
            buffer.write(deflated, 0, n);
        }
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256", e);
        }
    }
}
