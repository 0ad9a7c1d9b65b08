package aom.migration.bundle;

import aom.migration.data.CorruptDataException;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipException;

/**
 * Reads one bundle entry and holds it to what the manifest announced: it never reads more than the announced size
 * plus one byte (so a zip bomb stops there), and at the end of the data it checks the size and the SHA-256. Every
 * problem is a {@link CorruptDataException} naming the entry; a damaged deflate stream too.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final String origin;
    private final long expectedBytes;
    private final String expectedSha256;
    private final MessageDigest sha256 = EntrySpool.newSha256();
    private long read;
    private boolean checked;

    VerifyingInputStream(InputStream in, String origin, long expectedBytes, String expectedSha256) {
        super(in);
        this.origin = origin;
        this.expectedBytes = expectedBytes;
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long allowed = expectedBytes + 1 - read;
        int n;
        try {
            n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, allowed)));
        } catch (ZipException | EOFException e) {
            throw new CorruptDataException(origin + " is damaged: " + e.getMessage(), e);
        }
        if (n < 0) {
            check();
            return -1;
        }
        read += n;
        if (read > expectedBytes) {
            throw new CorruptDataException(origin + " holds more than the " + expectedBytes
                    + " bytes the manifest announces; the bundle is damaged or forged (a zip bomb?)");
        }
        sha256.update(buffer, offset, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int got = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (got < 0) {
                break;
            }
            skipped += got;
        }
        return skipped;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() {
        if (checked) {
            return;
        }
        checked = true;
        if (read != expectedBytes) {
            throw new CorruptDataException(origin + " ends after " + read + " of the " + expectedBytes
                    + " bytes the manifest announces; the bundle is truncated or damaged");
        }
        if (expectedSha256 != null && !HexFormat.of().formatHex(sha256.digest()).equalsIgnoreCase(expectedSha256)) {
            throw new CorruptDataException(origin + " does not match its SHA-256 checksum in the manifest;"
                    + " the bundle is damaged");
        }
    }
}
