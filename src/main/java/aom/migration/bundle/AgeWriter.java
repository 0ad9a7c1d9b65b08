package aom.migration.bundle;

import javax.crypto.Cipher;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Encrypts what is written to it into an age file ({@link AgeFormat}) on {@code out}, one 64 KiB chunk at a time:
 * memory stays at two chunks whatever the size. A chunk is encrypted when the next byte arrives (only then is it
 * known not to be the last), and the last one on {@link #close()}.
 */
final class AgeWriter extends OutputStream {

    private final OutputStream out;
    private final byte[] payloadKey;
    private final byte[] chunk = new byte[AgeFormat.CHUNK];
    private int used;
    private long index;
    private boolean closed;

    AgeWriter(OutputStream out, Passphrase passphrase) throws IOException {
        this(out, passphrase, AgeFormat.WORK_FACTOR);
    }

    AgeWriter(OutputStream out, Passphrase passphrase, int workFactor) throws IOException {
        this.out = out;
        AgeFormat.Started started = AgeFormat.start(passphrase, workFactor);
        this.payloadKey = started.payloadKey();
        out.write(started.header());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("The encrypted stream is closed");
        }
        while (length > 0) {
            if (used == chunk.length) {
                seal(false);
            }
            int n = Math.min(length, chunk.length - used);
            System.arraycopy(bytes, offset, chunk, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        out.write(AgeFormat.chacha(Cipher.ENCRYPT_MODE, payloadKey, AgeFormat.chunkNonce(index, last), chunk, 0,
                used));
        index++;
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Encrypts the last chunk (empty only when nothing was written) and closes {@code out}. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            seal(true);
        } finally {
            Arrays.fill(chunk, (byte) 0);
            Arrays.fill(payloadKey, (byte) 0);
        }
    }
}
