package aom.migration.session;

import aom.migration.export.ExportResult;

/**
 * A finished export as the wizard shows it.
 *
 * @param result    what the export job returned (the file, its manifest, the time it took)
 * @param fileBytes the bundle file's size on disk
 */
public record ExportedBundle(ExportResult result, long fileBytes) {
}
