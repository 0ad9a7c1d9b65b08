package aom.migration.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bytes kept in memory blocks while the store's budget allows, then appended to one temporary file. Blocks start
 * small and double, so thousands of tiny entries waiting their turn do not each hold a large block.
 */
final class SpillBuffer {

    private static final int FIRST_BLOCK = 8 * 1024;
    /** Below half a G1 region at small heaps, so that blocks are ordinary objects, not humongous ones. */
    private static final int LARGEST_BLOCK = 256 * 1024;

    private final SpoolStore store;
    private final List<byte[]> blocks = new ArrayList<>();
    private byte[] current;
    private int used;
    private long reserved;
    private Path file;
    private OutputStream fileOut;
    private long size;

    SpillBuffer(SpoolStore store) {
        this.store = store;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        size += length;
        while (length > 0) {
            if (fileOut != null) {
                fileOut.write(bytes, offset, length);
                return;
            }
            if (current == null || used == current.length) {
                if (!nextBlock()) {
                    spill();
                    continue;
                }
            }
            int n = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    /** Bytes written so far. */
    long size() {
        return size;
    }

    /** Whether part of the data went to a file. */
    boolean spilled() {
        return file != null;
    }

    /** Ends writing; the data can then be read with {@link #open()}. */
    void finish() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
    }

    /** Reads everything written, memory blocks first, then the file. */
    InputStream open() throws IOException {
        List<InputStream> parts = new ArrayList<>();
        for (byte[] block : blocks) {
            parts.add(new ByteArrayInputStream(block));
        }
        if (current != null) {
            parts.add(new ByteArrayInputStream(current, 0, used));
        }
        if (file != null) {
            parts.add(DirectReadStream.open(file));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** Frees the memory and deletes the file. */
    void discard() {
        blocks.clear();
        current = null;
        store.release(reserved);
        reserved = 0;
        try {
            if (fileOut != null) {
                fileOut.close();
                fileOut = null;
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // The whole spool directory is deleted at the end anyway.
        }
    }

    private boolean nextBlock() {
        int size = current == null ? FIRST_BLOCK : Math.min(LARGEST_BLOCK, current.length * 2);
        if (!store.reserve(size)) {
            return false;
        }
        reserved += size;
        if (current != null) {
            blocks.add(current);
        }
        current = new byte[size];
        used = 0;
        return true;
    }

    /** Goes on in a file, written (and later read back) with direct I/O where possible: see DirectWriteChannel. */
    private void spill() throws IOException {
        file = store.newFile();
        // The channel gathers whole chunks itself; no buffer in front of it.
        fileOut = Channels.newOutputStream(DirectWriteChannel.create(file));
    }
}
