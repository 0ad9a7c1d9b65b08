package aom.migration.dump;

import aom.migration.data.CollectionSource;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.ProgressTracker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mongodump directory dump read by {@link DumpDirectoryReader}: its collections (metadata read, data files
 * opened on demand) and what was left out.
 */
public final class DumpDirectory implements DumpContents {

    private final Path location;
    private final String description;
    private final List<CollectionSource> collections;
    private final List<String> notes;
    private final DumpCompression compression;
    private final String toolVersion;
    private final String serverVersion;

    DumpDirectory(Path location, String description, List<CollectionSource> collections, List<String> notes,
                  DumpCompression compression, String toolVersion, String serverVersion) {
        this.location = location;
        this.description = description;
        List<CollectionSource> sorted = new ArrayList<>(collections);
        sorted.sort(Comparator.comparing(CollectionSource::database).thenComparing(CollectionSource::collection));
        this.collections = List.copyOf(sorted);
        this.notes = List.copyOf(notes);
        this.compression = compression;
        this.toolVersion = toolVersion;
        this.serverVersion = serverVersion;
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public DumpFormat format() {
        return DumpFormat.DIRECTORY;
    }

    @Override
    public DumpCompression compression() {
        return compression;
    }

    /** "mongodump directory with databases a, b" or "mongodump folder of database a". */
    public String description() {
        return description;
    }

    @Override
    public List<CollectionSource> collections() {
        return collections;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    /** Reads every data file once to count its documents (framing only, nothing decoded). */
    @Override
    public DumpSummary summary() throws IOException {
        return summary(ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * Reads every data file once to count its documents: every document's length prefix and terminator are checked
     * and, for gzipped files, the gzip CRC-32 at the end; the content is never decoded. A directory dump has no
     * checksums of its own, so this is as far as it can be verified.
     *
     * @param progress receives documents per collection in phase {@link Phase#PLAN}
     * @throws aom.migration.data.CorruptDataException naming the file and the document that is damaged
     */
    public DumpSummary summary(ProgressListener progress, CancellationToken cancel) throws IOException {
        ProgressTracker tracker = new ProgressTracker(progress, Phase.PLAN);
        collections.forEach(source -> tracker.expect(source.namespace(), -1, source.expectedBytes()));
        Map<CollectionSource, long[]> counts = new IdentityHashMap<>();
        for (CollectionSource source : collections) {
            cancel.throwIfCancelled();
            try (InputStream in = source.openDocuments()) {
                String name = source instanceof DirectoryCollectionSource directory
                        ? directory.dataFile().map(Path::toString).orElse(source.namespace()) : source.namespace();
                long[] count = DocumentCounter.count(in, name);
                counts.put(source, count);
                tracker.advance(source.namespace(), count[0], count[1]);
                tracker.finish(source.namespace());
            }
        }
        return new DumpSummary(location, DumpFormat.DIRECTORY, compression, toolVersion, serverVersion,
                DumpSummary.databases(collections, source -> counts.get(source)[0],
                        source -> counts.get(source)[1]), notes);
    }

    /** Nothing to release: data files are opened per read. */
    @Override
    public void close() {
    }
}
