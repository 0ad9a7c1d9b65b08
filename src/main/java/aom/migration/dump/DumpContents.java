package aom.migration.dump;

import aom.migration.data.CollectionSource;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mongodump directory or archive opened for import: its collections as {@link CollectionSource}s (the importer's
 * input, the same as a bundle's), grouped by the database names the dump recorded. Documents are never decoded;
 * {@link CollectionSource#openDocuments()} hands out the raw BSON. Close it when done: a gzipped archive keeps an
 * unpacked temporary copy until then.
 */
public interface DumpContents extends AutoCloseable {

    /** Opens whatever mongodump output {@code path} is, found from its content (see {@link DumpFormat#detect}). */
    static DumpContents open(Path path) throws IOException {
        DetectedFormat detected = DumpFormat.detect(path);
        return switch (detected.format()) {
            case ARCHIVE, GZIP_ARCHIVE -> ArchiveReader.open(path);
            case DIRECTORY -> DumpDirectoryReader.read(path);
            case BUNDLE -> throw new UnknownFormatException(path + " is a migration bundle, not a mongodump output;"
                    + " open it as a bundle");
            case UNKNOWN -> throw new UnknownFormatException(detected.description());
        };
    }

    /**
     * Reads the mongodump output at {@code path} once for {@code inspect}: a directory's every data file (document
     * framing, gzip CRC-32), an archive's every block and namespace CRC-64, without unpacking a gzipped archive.
     *
     * @throws UnknownFormatException if {@code path} is a bundle or no mongodump output
     * @throws aom.migration.data.CorruptDataException naming the file or namespace that is damaged
     */
    static DumpSummary inspect(Path path, ProgressListener progress, CancellationToken cancel) throws IOException {
        DetectedFormat detected = DumpFormat.detect(path);
        return switch (detected.format()) {
            case ARCHIVE, GZIP_ARCHIVE -> ArchiveReader.summarize(path, progress, cancel);
            case DIRECTORY -> DumpDirectoryReader.read(path).summary(progress, cancel);
            case BUNDLE -> throw new UnknownFormatException(path + " is a migration bundle, not a mongodump output;"
                    + " open it as a bundle");
            case UNKNOWN -> throw new UnknownFormatException(detected.description());
        };
    }

    /** The file or folder as the user named it. */
    Path location();

    DumpFormat format();

    DumpCompression compression();

    /** Every collection to import, database by database, each database's collections in name order. */
    List<CollectionSource> collections();

    /** Things left out or worth knowing (an oplog, special collections, ignored files), one line each. */
    List<String> notes();

    /**
     * Databases, collections, document counts and index definitions. For a directory this reads every
     * {@code .bson} file once (document framing only); for an archive the counts are already known.
     */
    DumpSummary summary() throws IOException;

    /** The database names in the dump, in name order. */
    default List<String> databases() {
        return List.copyOf(byDatabase().keySet());
    }

    /** The collections of one database (empty if the dump has no such database). */
    default List<CollectionSource> collections(String database) {
        return byDatabase().getOrDefault(database, List.of());
    }

    /** The collections grouped by database, databases in name order. */
    default Map<String, List<CollectionSource>> byDatabase() {
        Map<String, List<CollectionSource>> result = new LinkedHashMap<>();
        collections().stream().map(CollectionSource::database).sorted().distinct()
                .forEach(database -> result.put(database, new ArrayList<>()));
        collections().forEach(source -> result.get(source.database()).add(source));
        result.replaceAll((database, sources) -> List.copyOf(sources));
        return result;
    }

    /** Releases what opening took (the unpacked copy of a gzipped archive). */
    @Override
    void close() throws IOException;
}
