package aom.migration.dump;

import aom.migration.data.CorruptDataException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one gzipped file of a dump ({@code .bson.gz}, {@code .metadata.json.gz}). A file of zero bytes reads as
 * empty (mongodump writes an empty gzip stream for an empty collection, but copies and downloads sometimes leave
 * nothing at all), and damaged or truncated compression becomes a {@link CorruptDataException} naming the file.
 */
final class GzipFileStream extends FilterInputStream {

    private final Path file;

    private GzipFileStream(InputStream in, Path file) {
        super(in);
        this.file = file;
    }

    static InputStream open(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return InputStream.nullInputStream();
        }
        InputStream raw = Files.newInputStream(file);
        try {
            return new GzipFileStream(new GZIPInputStream(new BufferedInputStream(raw, 64 * 1024), 64 * 1024),
                    file);
        } catch (ZipException | EOFException e) {
            raw.close();
            throw damaged(file, e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException | EOFException e) {
            throw damaged(file, e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (ZipException | EOFException e) {
            throw damaged(file, e);
        }
    }

    @Override
    public long skip(long count) throws IOException {
        try {
            return super.skip(count);
        } catch (ZipException | EOFException e) {
            throw damaged(file, e);
        }
    }

    private static CorruptDataException damaged(Path file, IOException cause) {
        return new CorruptDataException(file + ": the gzip compression is damaged or the file is truncated ("
                + cause.getMessage() + ")", cause);
    }
}
