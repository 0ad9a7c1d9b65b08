package aom.migration.dump;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;
import aom.migration.dump.ArchiveIndex.NamespaceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A mongodump archive that {@link ArchiveReader} has checked from end to end (structure, counts and CRC-64 of
 * every namespace). Its collections stream their documents straight out of the archive file, or, for a gzipped
 * archive, out of the unpacked temporary copy that {@link #close()} deletes.
 */
public final class DumpArchive implements DumpContents {

    private final Path location;
    private final DumpFormat format;
    private final ArchiveIndex index;
    private final Path dataFile;
    private final boolean temporary;
    private final List<CollectionSource> collections;
    private final List<String> notes;

    DumpArchive(Path location, DumpFormat format, ArchiveIndex index, Path dataFile, boolean temporary) {
        this.location = location;
        this.format = format;
        this.index = index;
        this.dataFile = dataFile;
        this.temporary = temporary;
        List<CollectionSource> sources = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        String name = location.getFileName() == null ? location.toString() : location.getFileName().toString();
        for (ArchiveCollection entry : index.prelude()) {
            Optional<String> leftOut = SpecialCollections.whyLeftOut(entry.database(), entry.collection());
            if (leftOut.isPresent()) {
                remarks.add(leftOut.get());
                continue;
            }
            NamespaceData data = index.data().get(entry.dataNamespace());
            sources.add(new ArchiveCollectionSource(entry, metadata(entry, name), data, dataFile, name));
        }
        sources.sort(Comparator.comparing(CollectionSource::database).thenComparing(CollectionSource::collection));
        if (temporary) {
            remarks.add("the gzipped archive was unpacked to a temporary file of " + index.archiveBytes()
                    + " bytes (" + dataFile.getParent() + "), deleted when the archive is closed");
        }
        this.collections = List.copyOf(sources);
        this.notes = List.copyOf(remarks);
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public DumpFormat format() {
        return format;
    }

    @Override
    public DumpCompression compression() {
        return format == DumpFormat.GZIP_ARCHIVE ? DumpCompression.GZIP_ARCHIVE : DumpCompression.NONE;
    }

    /** The archive's header: format version, source server version, the tool that wrote it. */
    public ArchiveHeader header() {
        return index.header();
    }

    /** The prelude as written, special collections included, in archive order. */
    public List<ArchiveCollection> prelude() {
        return index.prelude();
    }

    /** The size of the uncompressed archive in bytes (for a gzipped archive, the disk its copy takes). */
    public long uncompressedBytes() {
        return index.archiveBytes();
    }

    @Override
    public List<CollectionSource> collections() {
        return collections;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public DumpSummary summary() {
        return new DumpSummary(location, format, compression(), header().toolVersion(), header().serverVersion(),
                DumpSummary.databases(collections, CollectionSource::expectedDocuments,
                        CollectionSource::expectedBytes), notes);
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(dataFile);
        }
    }

    private static CollectionMetadata metadata(ArchiveCollection entry, String archiveName) {
        if (entry.metadataJson().isBlank()) {
            String type = entry.isView() ? "view" : entry.isTimeseries() ? "timeseries" : "collection";
            return new CollectionMetadata(entry.collection(), type, null, List.of(), null, null);
        }
        return CollectionMetadata.parse(entry.metadataJson(), archiveName + " (metadata of " + entry.namespace()
                + ")");
    }
}
