package aom.migration.dump;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;
import aom.migration.dump.ArchiveIndex.NamespaceData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** One collection of a validated archive; its documents are re-read from the archive's segments on each open. */
final class ArchiveCollectionSource implements CollectionSource {

    private final ArchiveCollection entry;
    private final CollectionMetadata metadata;
    private final NamespaceData data;
    private final Path file;
    private final String archiveName;

    ArchiveCollectionSource(ArchiveCollection entry, CollectionMetadata metadata, NamespaceData data, Path file,
                            String archiveName) {
        this.entry = entry;
        this.metadata = metadata;
        this.data = data;
        this.file = file;
        this.archiveName = archiveName;
    }

    @Override
    public String database() {
        return entry.database();
    }

    @Override
    public String collection() {
        return entry.collection();
    }

    @Override
    public CollectionMetadata metadata() {
        return metadata;
    }

    /** Counted and CRC-checked when the archive was opened. */
    @Override
    public long expectedDocuments() {
        return data.documents();
    }

    @Override
    public long expectedBytes() {
        return data.bytes();
    }

    /** The archive format carries a CRC-64, not a SHA-256; {@link #openDocuments()} checks the CRC itself. */
    @Override
    public Optional<String> expectedSha256() {
        return Optional.empty();
    }

    @Override
    public InputStream openDocuments() throws IOException {
        return new SegmentInputStream(file, data.offsets(), data.lengths(), data.crc(),
                archiveName + ", namespace " + data.namespace());
    }

    /** How many blocks the documents came in (more than one when mongodump interleaved collections). */
    int segments() {
        return data.segments();
    }

    @Override
    public String toString() {
        return namespace() + " (" + data.documents() + " documents in " + archiveName + ")";
    }
}
