package aom.migration.dump;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;
import aom.migration.data.CorruptDataException;
import aom.migration.dump.DirectoryLayout.DatabaseFolder;
import org.bson.BsonDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Opens a mongodump directory dump for import: {@code dump/<db>/<collection>.bson} with
 * {@code <collection>.metadata.json}, or the same gzipped per file ({@code --gzip}). Which folders are databases
 * follows {@link DirectoryLayout}. Within a database folder:
 * <ul>
 *   <li>every metadata shape is read ({@link CollectionMetadata#parse}); a collection without a metadata file gets
 *       empty options and, in a 2.x dump, its indexes from {@code system.indexes.bson};</li>
 *   <li>a view has a metadata file and no (or an empty) data file; a time-series collection's documents are read
 *       from its {@code system.buckets.<name>} data file;</li>
 *   <li>collection names are taken from the file names with mongodump's escaping undone, or from the metadata's
 *       {@code collectionName} where mongodump cut a long name short;</li>
 *   <li>a zero-byte gzip file reads as empty; {@code system.profile}, {@code $}-prefixed user and role files and
 *       the root's {@code oplog.bson} are left out with a note, as mongorestore leaves them out;</li>
 *   <li>two files for the same collection ({@code a.bson} and {@code a.bson.gz}) are refused as ambiguous.</li>
 * </ul>
 * Only metadata is read here; data files are read when the importer opens them (or by {@code summary()}).
 */
public final class DumpDirectoryReader {

    private final List<String> notes = new ArrayList<>();
    private final List<CollectionSource> sources = new ArrayList<>();
    private int gzipFiles;
    private int plainFiles;
    private String serverVersion;
    private String toolVersion;

    private DumpDirectoryReader() {
    }

    /**
     * Reads the layout and all metadata of the dump in {@code folder}.
     *
     * @throws UnknownFormatException if the folder is not a dump
     * @throws CorruptDataException   if a metadata file cannot be read or two files claim one collection
     */
    public static DumpDirectory read(Path folder) throws IOException {
        DirectoryLayout layout = DirectoryLayout.of(folder);
        DumpDirectoryReader reader = new DumpDirectoryReader();
        if (!layout.singleDatabase()) {
            reader.readRoot(layout);
        }
        for (DatabaseFolder database : layout.databaseFolders()) {
            reader.readDatabase(database);
        }
        DumpCompression compression = reader.gzipFiles == 0 ? DumpCompression.NONE
                : reader.plainFiles == 0 ? DumpCompression.GZIP_FILES : DumpCompression.SOME_GZIP_FILES;
        return new DumpDirectory(folder, layout.describe(), reader.sources, reader.notes, compression,
                reader.toolVersion, reader.serverVersion);
    }

    private void readRoot(DirectoryLayout layout) throws IOException {
        List<Path> databaseFolders = layout.databaseFolders().stream().map(DatabaseFolder::folder).toList();
        for (Path child : DirectoryLayout.list(layout.root())) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                if (!databaseFolders.contains(child)) {
                    notes.add("folder " + name + " holds no dump files and is ignored");
                }
            } else if (DirectoryLayout.isRootFile(name)) {
                SpecialCollections.whyLeftOut("", "oplog").ifPresent(notes::add);
            } else if (DumpFile.of(child).kind() == DumpFile.Kind.PRELUDE) {
                readVersions(DumpFile.of(child));
            } else {
                notes.add("file " + name + " is not part of a database folder and is ignored");
            }
        }
    }

    private void readDatabase(DatabaseFolder database) throws IOException {
        Map<String, DumpFile> data = new TreeMap<>();
        Map<String, DumpFile> metadataFiles = new TreeMap<>();
        DumpFile systemIndexes = null;
        for (Path child : DirectoryLayout.list(database.folder())) {
            if (Files.isDirectory(child)) {
                notes.add("subfolder " + database.database() + "/" + child.getFileName() + " is ignored");
                continue;
            }
            DumpFile file = DumpFile.of(child);
            switch (file.kind()) {
                case PRELUDE -> readVersions(file);
                case OTHER -> notes.add("file " + database.database() + "/" + child.getFileName() + " is ignored");
                case DATA -> {
                    count(file);
                    if (file.stem().equals("system.indexes")) {
                        systemIndexes = file;
                    } else {
                        claim(data, file);
                    }
                }
                case METADATA -> {
                    count(file);
                    claim(metadataFiles, file);
                }
                default -> throw new IllegalStateException(file.kind().name());
            }
        }
        Map<String, List<BsonDocument>> legacyIndexes = systemIndexes == null ? Map.of()
                : LegacyIndexes.read(systemIndexes);
        if (systemIndexes != null) {
            SpecialCollections.whyLeftOut(database.database(), "system.indexes").ifPresent(notes::add);
        }
        Map<String, Entry> entries = new TreeMap<>();
        for (String stem : union(data, metadataFiles)) {
            DumpFile metadataFile = metadataFiles.get(stem);
            DumpFile dataFile = data.get(stem);
            CollectionMetadata metadata = metadataFile == null ? null : readMetadata(metadataFile);
            String name = collectionName(metadataFile != null ? metadataFile : dataFile, metadata);
            if (entries.put(name, new Entry(metadata, dataFile)) != null) {
                throw new CorruptDataException(database.folder() + ": two sets of files hold collection " + name);
            }
        }
        pairTimeseries(entries);
        entries.forEach((name, entry) -> add(database.database(), name, entry, legacyIndexes));
    }

    private void add(String database, String name, Entry entry, Map<String, List<BsonDocument>> legacyIndexes) {
        Optional<String> leftOut = SpecialCollections.whyLeftOut(database, name);
        if (leftOut.isPresent()) {
            notes.add(leftOut.get());
            return;
        }
        CollectionMetadata metadata = entry.metadata() != null ? entry.metadata()
                : new CollectionMetadata(null, "collection", null, legacyIndexes.getOrDefault(name, List.of()),
                null, null);
        if (entry.data() == null && !metadata.isView()) {
            notes.add(database + "." + name + " has a metadata file but no data file; it is imported empty");
        }
        sources.add(new DirectoryCollectionSource(database, name, metadata, entry.data()));
    }

    /** A time-series collection's documents live in the data file of {@code system.buckets.<name>}. */
    private static void pairTimeseries(Map<String, Entry> entries) {
        for (String name : List.copyOf(entries.keySet())) {
            Entry entry = entries.get(name);
            if (entry == null || entry.metadata() == null || !"timeseries".equals(entry.metadata().type())) {
                continue;
            }
            Entry buckets = entries.get(ArchiveFormat.BUCKETS_PREFIX + name);
            if (buckets != null && buckets.metadata() == null && entry.data() == null) {
                entries.remove(ArchiveFormat.BUCKETS_PREFIX + name);
                entries.put(name, new Entry(entry.metadata(), buckets.data()));
            }
        }
    }

    private static String collectionName(DumpFile file, CollectionMetadata metadata) {
        if (file.nameIsTruncated()) {
            if (metadata == null || metadata.collectionName() == null) {
                throw new CorruptDataException(file.path() + ": mongodump shortened this collection's name in the"
                        + " file name, and no metadata file gives the full name");
            }
            return metadata.collectionName();
        }
        return file.collectionName();
    }

    private static CollectionMetadata readMetadata(DumpFile file) throws IOException {
        String text;
        try (InputStream in = file.gzip() ? GzipFileStream.open(file.path()) : Files.newInputStream(file.path())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (text.isBlank()) {
            return new CollectionMetadata(null, "collection", null, List.of(), null, null);
        }
        return CollectionMetadata.parse(text, file.path().toString());
    }

    /** mongo-tools 100.9+ write {"ServerVersion": ..., "ToolVersion": ...} into prelude.json. */
    private void readVersions(DumpFile file) throws IOException {
        try (InputStream in = file.gzip() ? GzipFileStream.open(file.path()) : Files.newInputStream(file.path())) {
            BsonDocument prelude = BsonDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (prelude.isString("ServerVersion")) {
                serverVersion = prelude.getString("ServerVersion").getValue();
            }
            if (prelude.isString("ToolVersion")) {
                toolVersion = prelude.getString("ToolVersion").getValue();
            }
        } catch (RuntimeException e) {
            notes.add(file.path().getFileName() + " cannot be read (" + e.getMessage() + "); versions unknown");
        }
    }

    private void count(DumpFile file) {
        if (file.gzip()) {
            gzipFiles++;
        } else {
            plainFiles++;
        }
    }

    private static void claim(Map<String, DumpFile> files, DumpFile file) {
        DumpFile other = files.put(file.stem(), file);
        if (other != null) {
            throw new CorruptDataException(file.path().getParent() + ": both " + other.path().getFileName()
                    + " and " + file.path().getFileName() + " claim collection " + file.stem()
                    + "; remove the one that does not belong");
        }
    }

    private static List<String> union(Map<String, DumpFile> a, Map<String, DumpFile> b) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(key -> keys.put(key, true));
        b.keySet().forEach(key -> keys.put(key, true));
        return List.copyOf(keys.keySet());
    }

    /** The files found for one collection. */
    private record Entry(CollectionMetadata metadata, DumpFile data) {
    }
}
