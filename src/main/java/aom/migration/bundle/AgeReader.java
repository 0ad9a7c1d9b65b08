package aom.migration.bundle;

import aom.migration.data.CorruptDataException;

import javax.crypto.Cipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The plaintext of an age file ({@link AgeFormat}) as a read-only, seekable channel: each read decrypts and
 * authenticates the 64 KiB chunks it touches, so a zip library can read a bundle's directory and manifest at its end
 * without decrypting the rest, and several entries can stream at once (the methods are synchronized; a few recent
 * chunks are kept, so streams that read in turn do not decrypt a chunk twice). A chunk that fails authentication, a
 * truncated file and data after the last chunk are {@link CorruptDataException}s.
 */
final class AgeReader implements SeekableByteChannel {

    private static final int ENCRYPTED_CHUNK = AgeFormat.CHUNK + AgeFormat.TAG;
    private static final int HEADER_LIMIT = 64 * 1024;
    private static final int KEPT_CHUNKS = 16;

    private final FileChannel file;
    private final String origin;
    private final byte[] payloadKey;
    private final long payloadStart;
    private final long chunks;
    private final long size;
    private final Map<Long, byte[]> recent = new LinkedHashMap<>(KEPT_CHUNKS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > KEPT_CHUNKS;
        }
    };
    private long position;
    private boolean open = true;

    private AgeReader(FileChannel file, String origin, byte[] payloadKey, long payloadStart) throws IOException {
        this.file = file;
        this.origin = origin;
        this.payloadKey = payloadKey;
        this.payloadStart = payloadStart;
        long payload = file.size() - payloadStart;
        long count = Math.max(1, (payload + ENCRYPTED_CHUNK - 1) / ENCRYPTED_CHUNK);
        long lastLength = payload - (count - 1) * ENCRYPTED_CHUNK;
        if (lastLength < AgeFormat.TAG || count > 1 && lastLength == AgeFormat.TAG) {
            throw new CorruptDataException(origin + " is truncated or damaged: its encrypted data ends in the"
                    + " middle of a chunk");
        }
        this.chunks = count;
        this.size = payload - count * AgeFormat.TAG;
    }

    /**
     * Opens {@code path} with {@code passphrase}: reads and authenticates the header (the passphrase's key
     * derivation is the slow part, by design).
     *
     * @throws WrongPassphraseException when the passphrase does not fit
     * @throws CorruptDataException     when the header is damaged or the file truncated
     */
    static AgeReader open(Path path, Passphrase passphrase) throws IOException {
        return open(path, (start, origin) -> AgeFormat.open(start, passphrase, origin));
    }

    /** Opens {@code path} with its file key itself, as the specification's test vectors give it. */
    static AgeReader open(Path path, byte[] fileKey) throws IOException {
        return open(path, (start, origin) -> AgeFormat.open(start, AgeFormat.parse(start, origin), fileKey.clone(),
                origin));
    }

    /** How the header yields the keys. */
    @FunctionalInterface
    private interface Unlock {
        AgeFormat.Opened open(byte[] start, String origin);
    }

    private static AgeReader open(Path path, Unlock unlock) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
        try {
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(HEADER_LIMIT, file.size()));
            while (start.hasRemaining() && file.read(start, start.position()) > 0) {
                // fill
            }
            String origin = path.getFileName().toString();
            AgeFormat.Opened opened = unlock.open(Arrays.copyOf(start.array(), start.position()), origin);
            Arrays.fill(opened.fileKey(), (byte) 0);
            return new AgeReader(file, origin, opened.payloadKey(), opened.payloadStart());
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Decrypts every chunk once without keeping any: a whole-file check of the authentication. The chunks are
     * independent, so the cores share them (positioned reads of the file need no lock).
     */
    void authenticateAll() throws IOException {
        try {
            LongStream.range(0, chunks).parallel().forEach(index -> {
                try {
                    decrypt(index, ByteBuffer.allocate(ENCRYPTED_CHUNK));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public synchronized int read(ByteBuffer target) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        int total = 0;
        while (target.hasRemaining() && position < size) {
            long index = position / AgeFormat.CHUNK;
            byte[] plain = chunk(index);
            int offset = (int) (position - index * AgeFormat.CHUNK);
            int n = Math.min(target.remaining(), plain.length - offset);
            target.put(plain, offset, n);
            position += n;
            total += n;
        }
        return total;
    }

    private byte[] chunk(long index) throws IOException {
        byte[] plain = recent.get(index);
        if (plain == null) {
            plain = decrypt(index, ByteBuffer.allocate(ENCRYPTED_CHUNK));
            recent.put(index, plain);
        }
        return plain;
    }

    private byte[] decrypt(long index, ByteBuffer encrypted) throws IOException {
        encrypted.clear();
        long at = payloadStart + index * ENCRYPTED_CHUNK;
        while (encrypted.hasRemaining()) {
            int n = file.read(encrypted, at + encrypted.position());
            if (n < 0) {
                break;
            }
        }
        boolean last = index == chunks - 1;
        try {
            return AgeFormat.chacha(Cipher.DECRYPT_MODE, payloadKey, AgeFormat.chunkNonce(index, last),
                    encrypted.array(), 0, encrypted.position());
        } catch (CorruptDataException e) {
            throw new CorruptDataException(origin + " is damaged or was changed: its encrypted data fails"
                    + " authentication at byte " + at + (last ? " (its last chunk: truncated?)" : ""), e);
        }
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("Negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    /** The plaintext size. */
    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() throws IOException {
        if (open) {
            open = false;
            recent.clear();
            Arrays.fill(payloadKey, (byte) 0);
            file.close();
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
