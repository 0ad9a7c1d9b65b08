package aom.migration.export;

import aom.migration.bundle.Manifest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an archive export produced.
 *
 * @param archive       the finished archive file
 * @param gzip          whether it is gzipped ({@code mongorestore --gzip --archive=...})
 * @param sourceHosts   where the data came from, hosts only (never credentials)
 * @param serverVersion the server version written into the archive header
 * @param databases     per exported system: its database, collections, documents and bytes written
 * @param warnings      systems without a database and the like, one line each
 * @param elapsed       how long the export took
 */
public record ArchiveExportResult(Path archive, boolean gzip, String sourceHosts, String serverVersion,
                                  List<Manifest.DatabaseInfo> databases, List<String> warnings, Duration elapsed) {

    public ArchiveExportResult {
        databases = List.copyOf(databases);
        warnings = List.copyOf(warnings);
    }

    public long documents() {
        return databases.stream().mapToLong(Manifest.DatabaseInfo::documents).sum();
    }

    public long bytes() {
        return databases.stream().mapToLong(Manifest.DatabaseInfo::bytes).sum();
    }

    public int collections() {
        return databases.stream().mapToInt(Manifest.DatabaseInfo::collections).sum();
    }
}
