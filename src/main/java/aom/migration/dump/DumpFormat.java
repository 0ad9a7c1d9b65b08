package aom.migration.dump;

import aom.migration.bundle.BundleReader;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The kinds of input the import understands, told apart by content, never by file name: a {@code .archive} file
 * that is really gzip is a {@link #GZIP_ARCHIVE}, a bundle renamed to {@code .zip} is still a {@link #BUNDLE}.
 */
public enum DumpFormat {
    /**
     * A migration bundle: a zip file (starts with {@code PK\3\4}, or {@code PK\5\6} when empty), or an encrypted
     * one (an age file, starting with {@code age-encryption.org/v1}).
     */
    BUNDLE,
    /** {@code mongodump --archive}: starts with the archive magic number {@code 6d e2 99 81}. */
    ARCHIVE,
    /** {@code mongodump --archive --gzip}: a gzip stream whose content starts with the archive magic number. */
    GZIP_ARCHIVE,
    /** A mongodump directory: a dump root with database folders, or one database folder (see DirectoryLayout). */
    DIRECTORY,
    /** None of these; {@link DetectedFormat#description()} says why. */
    UNKNOWN;

    private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] ARCHIVE_MAGIC = ArchiveFormat.intBytes(ArchiveFormat.MAGIC);

    /** Looks at {@code path}'s content and says what it is. Never throws; problems come back as UNKNOWN. */
    public static DetectedFormat detect(Path path) {
        if (!Files.exists(path)) {
            return unknown(path, path + " does not exist");
        }
        try {
            if (Files.isDirectory(path)) {
                return detectDirectory(path);
            }
            if (!Files.isRegularFile(path)) {
                return unknown(path, path + " is neither a file nor a folder");
            }
            return detectFile(path);
        } catch (IOException e) {
            return unknown(path, path + " cannot be read: " + e.getMessage());
        }
    }

    private static DetectedFormat detectDirectory(Path path) throws IOException {
        try {
            return new DetectedFormat(DIRECTORY, path, DirectoryLayout.of(path).describe());
        } catch (UnknownFormatException e) {
            return unknown(path, e.getMessage());
        }
    }

    private static DetectedFormat detectFile(Path path) throws IOException {
        byte[] start = readStart(path);
        if (start.length < 4) {
            return unknown(path, path + " is too short (" + start.length + " bytes) to be a bundle or a dump");
        }
        if (startsWith(start, ZIP_ENTRY) || startsWith(start, ZIP_EMPTY)) {
            return new DetectedFormat(BUNDLE, path, "zip file (migration bundle)");
        }
        if (BundleReader.isEncrypted(path)) {
            return new DetectedFormat(BUNDLE, path, "encrypted migration bundle (age file)");
        }
        if (startsWith(start, ARCHIVE_MAGIC)) {
            return new DetectedFormat(ARCHIVE, path, "mongodump archive");
        }
        if ((start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            return detectGzip(path);
        }
        if (looksLikeBson(start)) {
            return unknown(path, path + " looks like a single collection's BSON file; import the dump folder that"
                    + " holds it (" + parentOf(path) + ")");
        }
        return unknown(path, path + " is neither a migration bundle, a mongodump archive (plain or gzip) nor a"
                + " mongodump directory");
    }

    private static DetectedFormat detectGzip(Path path) throws IOException {
        byte[] content = new byte[4];
        int read;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            read = in.readNBytes(content, 0, 4);
        } catch (ZipException | EOFException e) {
            return unknown(path, path + " is a damaged gzip file: " + e.getMessage());
        }
        if (read == 4 && startsWith(content, ARCHIVE_MAGIC)) {
            return new DetectedFormat(GZIP_ARCHIVE, path, "gzip-compressed mongodump archive");
        }
        if (read == 4 && looksLikeBson(content)) {
            return unknown(path, path + " is a gzipped BSON file (one collection of a dump made with --gzip);"
                    + " import the dump folder that holds it (" + parentOf(path) + ")");
        }
        return unknown(path, path + " is a gzip file, but what it holds is not a mongodump archive");
    }

    private static byte[] readStart(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(4);
        }
    }

    private static boolean looksLikeBson(byte[] start) {
        int length = ArchiveFormat.readInt(start, 0);
        return length >= ArchiveFormat.MIN_DOCUMENT_BYTES && length <= ArchiveFormat.MAX_DOCUMENT_BYTES;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Path parentOf(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? path : parent;
    }

    private static DetectedFormat unknown(Path path, String why) {
        return new DetectedFormat(UNKNOWN, path, why);
    }
}
