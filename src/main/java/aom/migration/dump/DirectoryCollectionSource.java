package aom.migration.dump;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One collection of a directory dump: its {@code .bson} (or {@code .bson.gz}) file, if any, and its metadata. A
 * view or a collection dumped with metadata only has no data file and opens as an empty stream.
 */
final class DirectoryCollectionSource implements CollectionSource {

    private final String database;
    private final String collection;
    private final CollectionMetadata metadata;
    private final DumpFile data;

    DirectoryCollectionSource(String database, String collection, CollectionMetadata metadata, DumpFile data) {
        this.database = database;
        this.collection = collection;
        this.metadata = metadata;
        this.data = data;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public String collection() {
        return collection;
    }

    @Override
    public CollectionMetadata metadata() {
        return metadata;
    }

    /** A directory dump does not record counts; 0 only when there is no data file at all. */
    @Override
    public long expectedDocuments() {
        return data == null ? 0 : -1;
    }

    /** The size of a plain {@code .bson} file; unknown for a gzipped one. */
    @Override
    public long expectedBytes() {
        if (data == null) {
            return 0;
        }
        if (data.gzip()) {
            return -1;
        }
        try {
            return Files.size(data.path());
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Optional<String> expectedSha256() {
        return Optional.empty();
    }

    @Override
    public InputStream openDocuments() throws IOException {
        if (data == null) {
            return InputStream.nullInputStream();
        }
        if (data.gzip()) {
            return GzipFileStream.open(data.path());
        }
        return new BufferedInputStream(Files.newInputStream(data.path()), 128 * 1024);
    }

    /** The data file, if the collection has one. */
    Optional<Path> dataFile() {
        return Optional.ofNullable(data).map(DumpFile::path);
    }

    boolean isGzipped() {
        return data != null && data.gzip();
    }

    @Override
    public String toString() {
        return namespace() + (data == null ? " (no data file)" : " (" + data.path() + ")");
    }
}
