package aom.migration.export;

import aom.migration.bundle.Manifest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What an export produced.
 *
 * @param bundle   the finished bundle file
 * @param manifest its manifest (counts, warnings, entries)
 * @param elapsed  how long the export took
 */
public record ExportResult(Path bundle, Manifest manifest, Duration elapsed) {
}
