package aom.migration.dump;

import aom.migration.data.CorruptDataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams one namespace's documents out of an (uncompressed) archive file by reading its segments in order, and
 * checks their CRC-64 again at the end: the file could have changed since the validating pass, and the importer
 * must not load a silently different collection.
 */
final class SegmentInputStream extends InputStream {

    private static final int BUFFER_BYTES = 128 * 1024;

    private final FileChannel channel;
    private final long[] offsets;
    private final long[] lengths;
    private final long expectedCrc;
    private final String what;
    private final Crc64 crc = new Crc64();
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int bufferStart;
    private int bufferEnd;
    private int segment;
    private long doneInSegment;
    private boolean verified;

    /**
     * @param what names the archive and namespace in messages ({@code dump.archive, namespace shop.users})
     */
    SegmentInputStream(Path file, long[] offsets, long[] lengths, long expectedCrc, String what) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.offsets = offsets;
        this.lengths = lengths;
        this.expectedCrc = expectedCrc;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        if (bufferStart == bufferEnd && !fill()) {
            return -1;
        }
        return buffer[bufferStart++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (bufferStart == bufferEnd && !fill()) {
            return -1;
        }
        int count = Math.min(length, bufferEnd - bufferStart);
        System.arraycopy(buffer, bufferStart, target, offset, count);
        bufferStart += count;
        return count;
    }

    @Override
    public int available() {
        return bufferEnd - bufferStart;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private boolean fill() throws IOException {
        while (segment < offsets.length && doneInSegment == lengths[segment]) {
            segment++;
            doneInSegment = 0;
        }
        if (segment == offsets.length) {
            verify();
            return false;
        }
        int want = (int) Math.min(buffer.length, lengths[segment] - doneInSegment);
        int read = channel.read(ByteBuffer.wrap(buffer, 0, want), offsets[segment] + doneInSegment);
        if (read <= 0) {
            throw new CorruptDataException(what + ": the file ended early; it changed after it was checked");
        }
        crc.update(buffer, 0, read);
        doneInSegment += read;
        bufferStart = 0;
        bufferEnd = read;
        return true;
    }

    private void verify() {
        if (verified) {
            return;
        }
        verified = true;
        if (crc.value() != expectedCrc) {
            throw new CorruptDataException(what + ": CRC-64 mismatch while reading (" + Crc64.hex(crc.value())
                    + " instead of " + Crc64.hex(expectedCrc) + "); the file changed after it was checked");
        }
    }
}
