package aom.migration.dump;

import aom.migration.model.ToolVersion;

/**
 * The header document at the start of a mongodump archive.
 *
 * @param concurrentCollections how many namespaces the writer had open at once ({@code --numParallelCollections});
 *                              mongorestore restores at least that many in parallel, so an archive must never
 *                              interleave more namespaces than this
 * @param formatVersion         the archive format version, {@code "0.1"} (the only one there is)
 * @param serverVersion         the MongoDB version of the source server, or {@code "unknown"}
 * @param toolVersion           the version of the tool that wrote the archive
 */
public record ArchiveHeader(int concurrentCollections, String formatVersion, String serverVersion,
                            String toolVersion) {

    /** mongodump's default for {@code --numParallelCollections}. */
    public static final int DEFAULT_CONCURRENT_COLLECTIONS = 4;

    public ArchiveHeader {
        formatVersion = formatVersion == null ? "" : formatVersion;
        serverVersion = serverVersion == null ? "" : serverVersion;
        toolVersion = toolVersion == null ? "" : toolVersion;
    }

    /**
     * The header this tool writes: format 0.1, mongodump's default concurrency, the source server's version
     * ({@code null} or blank becomes {@code "unknown"}, as mongodump writes it) and this tool's name and version.
     */
    public static ArchiveHeader forExport(String serverVersion) {
        String server = serverVersion == null || serverVersion.isBlank() ? "unknown" : serverVersion;
        return new ArchiveHeader(DEFAULT_CONCURRENT_COLLECTIONS, ArchiveFormat.FORMAT_VERSION, server,
                "aom-migration " + ToolVersion.version());
    }
}
