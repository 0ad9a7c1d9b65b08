package aom.migration.bundle;

import aom.migration.model.PrivateFiles;
import aom.migration.model.SystemKind;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a bundle (format v1, DESIGN.md section 4) to a part file of its own beside it ({@code <file>.<random>.part},
 * created new and owner-only) and moves it to {@code <file>} when {@link #finish} succeeds, never over a file that
 * appeared meanwhile unless told to overwrite; {@link #close()} without a finish (a cancel or a failure) deletes the
 * part file and the spool, so nothing half-written is ever left behind.
 *
 * <p>Entries are produced as {@link EntrySpool}s (possibly on several threads at once, each compressing its own
 * data) and copied into the zip one after the other with {@link #add}, so every entry is contiguous. The zip is
 * written with commons-compress to a seekable file, which gives Zip64 where an entry or the archive passes 4 GB and
 * lets already-compressed data be copied without inflating it again.
 */
public final class BundleWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BundleWriter.class);
    private static final int DIRECT_BUFFER = 256 * 1024;

    private final Path target;
    private final Path part;
    private final Compression compression;
    private final SpoolStore spool;
    private final ZipArchiveOutputStream zip;
    private final List<Manifest.Entry> entries = new ArrayList<>();
    private long entryTime = System.currentTimeMillis();
    private boolean finished;
    private boolean closed;
    /** Whether {@link #finish} may replace a file that exists under the bundle's name. */
    private boolean overwrite;
    private boolean encrypted;
    /** The path of the entry started with {@link #startStoredEntry} and not yet added, or null. */
    private String openEntry;

    private BundleWriter(Path target, Path part, Compression compression, SpoolStore spool,
                         ZipArchiveOutputStream zip) {
        this.target = target;
        this.part = part;
        this.compression = compression;
        this.spool = spool;
        this.zip = zip;
    }

    /**
     * Starts a bundle at {@code target}.
     *
     * @param memoryBudget bytes of compressed entries that may wait in memory before spooling to disk
     * @throws FileAlreadyExistsException when {@code target} or its part file exists and {@code overwrite} is false
     */
    public static BundleWriter create(Path target, Compression compression, long memoryBudget, boolean overwrite)
            throws IOException {
        return create(target, compression, memoryBudget, overwrite, null);
    }

    /**
     * Starts a bundle at {@code target}, encrypted with {@code passphrase} unless it is null: the whole file is then
     * an age file ({@link AgeFormat}) whose plaintext is the bundle's zip, written front to back (stored entries are
     * spooled first, as a stream that is encrypted chunk by chunk cannot go back to patch a header).
     */
    public static BundleWriter create(Path target, Compression compression, long memoryBudget, boolean overwrite,
                                      Passphrase passphrase) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        PrivateFiles.folder(directory);
        if (!overwrite && Files.exists(absolute)) {
            throw alreadyExists(absolute);
        }
        // A part file of this export's own, never one another export to the same name is writing.
        Path part = PrivateFiles.partFile(absolute);
        SpoolStore spool = SpoolStore.create(directory, absolute.getFileName().toString(), memoryBudget);
        try {
            ZipArchiveOutputStream zip = passphrase == null
                    ? new ZipArchiveOutputStream(DirectWriteChannel.create(part))
                    : new ZipArchiveOutputStream(encryptedFile(part, passphrase));
            zip.setUseZip64(Zip64Mode.AsNeeded);
            zip.setEncoding(StandardCharsets.UTF_8.name());
            zip.setUseLanguageEncodingFlag(true);
            BundleWriter writer = new BundleWriter(absolute, part, compression, spool, zip);
            writer.overwrite = overwrite;
            writer.encrypted = passphrase != null;
            return writer;
        } catch (IOException | RuntimeException e) {
            spool.close();
            Files.deleteIfExists(part);
            throw e;
        }
    }

    private static OutputStream encryptedFile(Path part, Passphrase passphrase) throws IOException {
        OutputStream file = new BufferedOutputStream(PrivateFiles.createNew(part), DIRECT_BUFFER);
        try {
            return new AgeWriter(file, passphrase);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Whether the bundle is encrypted. */
    public boolean encrypted() {
        return encrypted;
    }

    /**
     * Whether stored entries can stream straight into the zip ({@link #startStoredEntry}): only without compression
     * and into a plain file, whose headers the zip library patches afterwards.
     */
    public boolean streamsStoredEntries() {
        return !compression.deflates() && !encrypted;
    }

    /** The final bundle path. */
    public Path target() {
        return target;
    }

    /** The file being written until {@link #finish}. */
    public Path partFile() {
        return part;
    }

    /** Whether entries waiting for their turn spill to disk cheaply: {@link SpoolStore#spillsCheaply()}. */
    public boolean spillsCheaply() {
        return spool.spillsCheaply();
    }

    /** What may wait in spool files beside a bundle of {@code bundleBytes}: {@link SpoolStore#spareDiskBytes}. */
    public long spareSpoolBytes(long bundleBytes) {
        return spool.spareDiskBytes(bundleBytes);
    }

    public Compression compression() {
        return compression;
    }

    /**
     * The modification time recorded for every entry (the export's creation time), as the zip's own DOS time only:
     * a {@code FileTime} would add NTFS and extended timestamp fields to every entry, whose conversions (through
     * {@code BigDecimal}) cost more CPU, when writing and again when reading, than everything else in a header. The
     * manifest keeps the exact time.
     */
    public void entryTime(Instant time) {
        this.entryTime = time.toEpochMilli();
    }

    /** A new entry to write into; thread-safe, so workers can encode entries in parallel. */
    public EntrySpool newEntry(String path) {
        return new EntrySpool(path, compression, spool);
    }

    /**
     * Copies a finished entry into the zip and records it for the manifest. Frees the spool either way.
     *
     * @param kind       what the entry holds
     * @param system     for data entries the system, else {@code null}
     * @param database   the entry's database, or {@code null}
     * @param collection the entry's collection, or {@code null}
     */
    public synchronized Manifest.Entry add(SpooledEntry entry, EntryKind kind, SystemKind system, String database,
                                           String collection) throws IOException {
        if (entry.inZip()) {
            return closeStoredEntry(entry, kind, system, database, collection);
        }
        if (openEntry != null) {
            throw new IllegalStateException("The entry " + openEntry + " is still being written");
        }
        try {
            ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.path());
            zipEntry.setMethod(entry.compression().deflates() ? ZipArchiveEntry.DEFLATED : ZipArchiveEntry.STORED);
            zipEntry.setSize(entry.size());
            zipEntry.setCompressedSize(entry.compressedSize());
            zipEntry.setCrc(entry.crc32());
            zipEntry.setTime(entryTime);
            try (InputStream raw = entry.open()) {
                zip.addRawArchiveEntry(zipEntry, raw);
            }
            Manifest.Entry recorded = new Manifest.Entry(entry.path(), kind, name(system), database, collection,
                    entry.size(), entry.documents(), entry.sha256());
            entries.add(recorded);
            return recorded;
        } finally {
            entry.discard();
        }
    }

    /**
     * Starts a stored entry whose data streams straight into the zip ({@link EntrySpool#streamInto}) while it is
     * produced, possibly on another thread; its sizes and CRC are written when the finished entry is {@link #add}ed,
     * which must be the next call on this writer. Only one such entry can be open at a time.
     *
     * @return the stream to hand to {@link EntrySpool#streamInto}; buffered, so flush it at the end of the data
     */
    public synchronized OutputStream startStoredEntry(String path) throws IOException {
        if (openEntry != null) {
            throw new IllegalStateException("The entry " + openEntry + " is still being written");
        }
        ZipArchiveEntry zipEntry = new ZipArchiveEntry(path);
        zipEntry.setMethod(ZipArchiveEntry.STORED);
        zipEntry.setTime(entryTime);
        zip.putArchiveEntry(zipEntry);
        openEntry = path;
        // Unsynchronized on purpose: the producer writes while the caller waits for it, and nothing else may touch
        // the zip until the entry is added. Buffered for producers that write small pieces (the zip writes each call
        // to the file); writes of a buffer's size or more, like the exporter's blocks of about 1 MB, go straight
        // through without a copy. The producer flushes when it finishes (EntrySpool.finish).
        return new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                zip.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                zip.write(bytes, offset, length);
            }
        }, DIRECT_BUFFER);
    }

    private Manifest.Entry closeStoredEntry(SpooledEntry entry, EntryKind kind, SystemKind system,
                                            String database, String collection) throws IOException {
        if (!entry.path().equals(openEntry)) {
            throw new IllegalStateException("The entry " + entry.path() + " was not started with startStoredEntry");
        }
        zip.closeArchiveEntry();
        openEntry = null;
        Manifest.Entry recorded = new Manifest.Entry(entry.path(), kind, name(system), database, collection,
                entry.size(), entry.documents(), entry.sha256());
        entries.add(recorded);
        entry.discard();
        return recorded;
    }

    /** Writes a small entry from bytes in memory. */
    public Manifest.Entry add(String path, byte[] content, EntryKind kind, SystemKind system, String database,
                              String collection, long documents) throws IOException {
        EntrySpool spool = newEntry(path);
        spool.write(content);
        spool.countDocuments(documents);
        return add(spool.finish(), kind, system, database, collection);
    }

    /**
     * The order the manifest lists the entries in: the metadata and its keys first, then the rest, each in zip
     * order. The export adds the metadata to the zip after the data (it reads it alongside), but a reader of the
     * manifest, and the preview's checksum list, should meet it first, as in every bundle before.
     */
    static List<Manifest.Entry> listed(List<Manifest.Entry> entries) {
        List<Manifest.Entry> listed = new ArrayList<>(entries.size());
        for (boolean metadata : new boolean[] {true, false}) {
            for (Manifest.Entry entry : entries) {
                boolean isMetadata = entry.kind().isMetadata();
                if (isMetadata == metadata) {
                    listed.add(entry);
                }
            }
        }
        return listed;
    }

    /** The entries added so far, in zip order. */
    public synchronized List<Manifest.Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Adds the README, then the manifest (with every entry added so far), closes the zip and renames the part file
     * to the bundle's name.
     *
     * @return the complete manifest as written
     */
    public synchronized Manifest finish(Manifest draft) throws IOException {
        if (finished || closed) {
            throw new IllegalStateException("The bundle " + target + " is already finished or closed");
        }
        add(EntryKind.README.path(null, null),
                Readme.text(draft.withEntries(listed(entries))).getBytes(StandardCharsets.UTF_8), EntryKind.README,
                null, null, null, 0);
        Manifest manifest = draft.withEntries(listed(entries));
        List<String> problems = manifest.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The manifest would be invalid: " + String.join("; ", problems));
        }
        EntrySpool manifestEntry = newEntry(BundlePaths.MANIFEST);
        manifestEntry.write(manifest.toJson());
        SpooledEntry written = manifestEntry.finish();
        ZipArchiveEntry zipEntry = new ZipArchiveEntry(BundlePaths.MANIFEST);
        zipEntry.setMethod(written.compression().deflates() ? ZipArchiveEntry.DEFLATED : ZipArchiveEntry.STORED);
        zipEntry.setSize(written.size());
        zipEntry.setCompressedSize(written.compressedSize());
        zipEntry.setCrc(written.crc32());
        zipEntry.setTime(entryTime);
        try (InputStream raw = written.open()) {
            zip.addRawArchiveEntry(zipEntry, raw);
        } finally {
            written.discard();
        }
        zip.finish();
        zip.close();
        try {
            PrivateFiles.publish(part, target, overwrite);
        } catch (FileAlreadyExistsException e) {
            // Another export (or a person) put a file there meanwhile: it stays; close() deletes our part file.
            throw alreadyExists(target);
        }
        finished = true;
        spool.close();
        return manifest;
    }

    private static FileAlreadyExistsException alreadyExists(Path file) {
        return new FileAlreadyExistsException(file.toString(), null,
                "the bundle file already exists; choose another name or delete it");
    }

    /** Whether {@link #finish} completed. */
    public boolean isFinished() {
        return finished;
    }

    /**
     * Without a successful {@link #finish}: closes the zip and deletes the part file and the spool. After a finish:
     * nothing to do.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (finished) {
            return;
        }
        try {
            zip.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the unfinished bundle {} failed", part, e);
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the unfinished bundle " + part, e);
        } finally {
            spool.close();
        }
    }

    /** How the manifest records a system: its name, or nothing for entries of no system. */
    private static String name(SystemKind system) {
        return system == null ? null : system.name();
    }
}
