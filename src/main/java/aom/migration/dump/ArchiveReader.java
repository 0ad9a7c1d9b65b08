package aom.migration.dump;

import aom.migration.data.CorruptDataException;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.ProgressTracker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a {@code mongodump --archive} file, plain or gzipped (told apart by content), for import.
 *
 * <p>Collections in an archive are interleaved, while the importer reads one collection at a time and may read it
 * twice. So opening makes one validating pass that checks the whole archive (magic number, prelude, every block,
 * every document's framing, each namespace's EOF block and CRC-64) and notes where each namespace's documents
 * lie; {@link aom.migration.data.CollectionSource#openDocuments()} then streams just those byte ranges. A plain
 * archive is read in place. A gzipped archive cannot be read at an offset, so the pass unpacks it once into a
 * temporary file next to the other temporary files (it needs as much free disk as the uncompressed archive) and
 * {@link DumpArchive#close()} deletes it. A damaged archive is refused before anything is imported.
 */
public final class ArchiveReader {

    private static final int READ_BUFFER = 256 * 1024;

    private ArchiveReader() {
    }

    /** Opens and validates {@code archive}, unpacking a gzipped one into the system's temporary folder. */
    public static DumpArchive open(Path archive) throws IOException {
        return open(archive, Path.of(System.getProperty("java.io.tmpdir")), ProgressListener.NONE,
                CancellationToken.none());
    }

    /**
     * Opens and validates {@code archive}.
     *
     * @param unpackFolder where a gzipped archive's uncompressed copy goes
     * @param progress     receives the pass's progress (bytes of the file read) in phase {@link Phase#PLAN}
     * @throws CorruptDataException if the archive is damaged, truncated or not an archive; the message names
     *                              the namespace and the problem
     */
    public static DumpArchive open(Path archive, Path unpackFolder, ProgressListener progress,
                                   CancellationToken cancel) throws IOException {
        DetectedFormat detected = DumpFormat.detect(archive);
        String name = archive.getFileName() == null ? archive.toString() : archive.getFileName().toString();
        ProgressTracker tracker = new ProgressTracker(progress, Phase.PLAN);
        tracker.expect(name, -1, Files.size(archive));
        if (detected.format() == DumpFormat.GZIP_ARCHIVE) {
            return openGzipped(archive, name, unpackFolder, tracker, cancel);
        }
        try (CountingInputStream file = new CountingInputStream(Files.newInputStream(archive))) {
            Runnable report = file.reporter(tracker, name);
            ArchiveIndex index = new ArchiveParser(new BufferedInputStream(file, READ_BUFFER), null, name, cancel,
                    report).parse();
            report.run();
            tracker.finish(name);
            return new DumpArchive(archive, DumpFormat.ARCHIVE, index, archive, false);
        }
    }

    /**
     * Reads {@code archive} once, as {@link #open} does (every block, every document's framing, every namespace's
     * CRC-64), but keeps nothing: no unpacked copy of a gzipped archive. What {@code inspect} shows.
     *
     * @throws CorruptDataException if the archive is damaged, truncated or not an archive; the message names the
     *                              namespace and the problem
     */
    public static DumpSummary summarize(Path archive, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        DetectedFormat detected = DumpFormat.detect(archive);
        String name = archive.getFileName() == null ? archive.toString() : archive.getFileName().toString();
        boolean gzip = detected.format() == DumpFormat.GZIP_ARCHIVE;
        ProgressTracker tracker = new ProgressTracker(progress, Phase.PLAN);
        tracker.expect(name, -1, Files.size(archive));
        ArchiveIndex index;
        try (CountingInputStream file = new CountingInputStream(Files.newInputStream(archive));
             InputStream in = new BufferedInputStream(gzip ? new GZIPInputStream(file, READ_BUFFER) : file,
                     READ_BUFFER)) {
            Runnable report = file.reporter(tracker, name);
            index = new ArchiveParser(in, null, name, cancel, report).parse();
            report.run();
            tracker.finish(name);
        } catch (ZipException | EOFException e) {
            throw new CorruptDataException(name + ": the gzip compression is damaged or the file is truncated ("
                    + e.getMessage() + ")", e);
        }
        // The sources of this view are never opened: it only counts what the pass found.
        return new DumpArchive(archive, detected.format(), index, archive, false).summary();
    }

    private static DumpArchive openGzipped(Path archive, String name, Path unpackFolder, ProgressTracker tracker,
                                           CancellationToken cancel) throws IOException {
        Files.createDirectories(unpackFolder);
        Path copy = Files.createTempFile(unpackFolder, "aom-archive-", ".unpacked");
        copy.toFile().deleteOnExit();
        boolean done = false;
        try (CountingInputStream file = new CountingInputStream(Files.newInputStream(archive));
             InputStream in = new BufferedInputStream(new GZIPInputStream(file, READ_BUFFER), READ_BUFFER);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(copy), READ_BUFFER)) {
            Runnable report = file.reporter(tracker, name);
            ArchiveIndex index = new ArchiveParser(in, out, name, cancel, report).parse();
            report.run();
            tracker.finish(name);
            done = true;
            return new DumpArchive(archive, DumpFormat.GZIP_ARCHIVE, index, copy, true);
        } catch (ZipException | EOFException e) {
            throw new CorruptDataException(name + ": the gzip compression is damaged or the file is truncated ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IOException(name + ": unpacking into " + unpackFolder + " failed (it needs as much free"
                    + " disk as the uncompressed archive): " + e.getMessage(), e);
        } finally {
            if (!done) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** Counts the bytes taken from the file, so progress is reported against the file's size. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;
        private long reported;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        Runnable reporter(ProgressTracker tracker, String name) {
            return () -> {
                tracker.advance(name, 0, count - reported);
                reported = count;
            };
        }
    }
}
