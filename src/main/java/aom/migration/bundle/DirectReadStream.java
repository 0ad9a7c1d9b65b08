package aom.migration.bundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a file front to back with direct I/O ({@code O_DIRECT}), the counterpart of {@link DirectWriteChannel} for
 * the spool files an export reads back once: whole aligned chunks go from the disk into an aligned buffer without
 * passing through the page cache, which on the VMs measured costs more system time than the copy itself. The last
 * read may be short (the file's unaligned end); a direct read is allowed to run past the end of the file.
 *
 * <p>Where direct I/O is refused, {@link #open} returns an ordinary buffered stream.
 */
final class DirectReadStream extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(DirectReadStream.class);
    private static final int ALIGNMENT = 4096;
    /** Below half a G1 region at small heaps: an ordinary object, not a humongous one. */
    private static final int TRANSFER_BUFFER = 256 * 1024;

    private final Path file;
    private FileChannel channel;
    private boolean direct = true;
    private final ByteBuffer chunk;
    private long position;
    private boolean ended;

    private DirectReadStream(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.chunk = ByteBuffer.allocateDirect(DirectWriteChannel.CHUNK + ALIGNMENT).alignedSlice(ALIGNMENT);
        this.chunk.limit(0);
    }

    /** Opens {@code file} for reading, with direct I/O where the platform and file system allow it. */
    static InputStream open(Path file) throws IOException {
        if (DirectWriteChannel.directIoWanted()) {
            try {
                return new DirectReadStream(file, FileChannel.open(file, StandardOpenOption.READ,
                        com.sun.nio.file.ExtendedOpenOption.DIRECT));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException | LinkageError e) {
                LOG.debug("Direct I/O not available for reading {} ({}); reading through the page cache", file,
                        e.toString());
            }
        }
        return new java.io.BufferedInputStream(Files.newInputStream(file), DirectWriteChannel.CHUNK);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chunk.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chunk.remaining());
        chunk.get(target, offset, n);
        return n;
    }

    @Override
    public long transferTo(java.io.OutputStream out) throws IOException {
        byte[] buffer = new byte[TRANSFER_BUFFER];
        long total = 0;
        int n;
        while ((n = read(buffer, 0, buffer.length)) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /** Reads the next chunk; false at the end of the file. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        chunk.clear();
        chunk.limit(DirectWriteChannel.CHUNK);
        while (chunk.hasRemaining()) {
            int read = readAt(position + chunk.position());
            if (read <= 0) {
                ended = true;
                break;
            }
            if (chunk.position() % ALIGNMENT != 0) {
                // A short read that is not a whole number of blocks is the end of the file.
                ended = true;
                break;
            }
        }
        chunk.flip();
        position += chunk.remaining();
        return chunk.hasRemaining();
    }

    /**
     * One read at {@code at} into the chunk; a direct read refused after the open (some file systems only say so
     * then) switches to an ordinary channel for the rest.
     */
    private int readAt(long at) throws IOException {
        try {
            return channel.read(chunk, at);
        } catch (IOException e) {
            if (!direct) {
                throw e;
            }
            LOG.debug("Direct I/O read of {} failed ({}); reading through the page cache", file, e.toString());
            channel.close();
            channel = FileChannel.open(file, StandardOpenOption.READ);
            direct = false;
            return channel.read(chunk, at);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
