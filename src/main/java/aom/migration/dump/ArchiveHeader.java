package aom.migration.dump;

import aom.migration.model.ToolVersion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header document at the start of a mongodump archive.
 *
 * @param concurrentCollections how many namespaces the writer had open at once ({@code --numParallelCollections});
 *                              mongorestore restores at least that many in parallel, so an archive must never
 *                              interleave more namespaces than this
 * @param formatVersion         the archive format version, {@code "0.1"} (the only one there is)
 * @param serverVersion         the MongoDB version of the source server ({@code "unknown"} in some archives)
 * @param toolVersion           the version of the tool that wrote the archive
 */
public record ArchiveHeader(int concurrentCollections, String formatVersion, String serverVersion,
                            String toolVersion) {

    /** mongodump's default for {@code --numParallelCollections}. */
    public static final int DEFAULT_CONCURRENT_COLLECTIONS = 4;

    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+){0,2})([-+].*)?");

    public ArchiveHeader {
        formatVersion = formatVersion == null ? "" : formatVersion;
        serverVersion = serverVersion == null ? "" : serverVersion;
        toolVersion = toolVersion == null ? "" : toolVersion;
    }

    /**
     * The header this tool writes with mongodump's default concurrency; see {@link #forExport(String, int)}.
     */
    public static ArchiveHeader forExport(String serverVersion) {
        return forExport(serverVersion, DEFAULT_CONCURRENT_COLLECTIONS);
    }

    /**
     * The header this tool writes: format 0.1, the source server's version as {@link #restorableVersion} makes it,
     * and this tool's name and version.
     *
     * @param concurrentCollections the most namespaces the writer will interleave (at least 1)
     */
    public static ArchiveHeader forExport(String serverVersion, int concurrentCollections) {
        return new ArchiveHeader(concurrentCollections, ArchiveFormat.FORMAT_VERSION,
                restorableVersion(serverVersion), "aom-migration " + ToolVersion.version());
    }

    /**
     * A server version that mongorestore can parse: recent mongorestore 100.x reads the header's server version as
     * {@code major.minor.patch} (to decide where time-series data travels) and refuses an archive whose version it
     * cannot parse, so {@code "7.0"} becomes {@code "7.0.0"} and an unknown version (null, blank, anything else)
     * {@code "0.0.0"}. Build suffixes ({@code -rc1}, {@code +ent}) are kept: mongorestore ignores them.
     */
    static String restorableVersion(String serverVersion) {
        String version = serverVersion == null ? "" : serverVersion.strip();
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            return "0.0.0";
        }
        String numbers = matcher.group(1);
        int dots = (int) numbers.chars().filter(c -> c == '.').count();
        return numbers + ".0".repeat(2 - dots) + (matcher.group(2) == null ? "" : matcher.group(2));
    }
}
