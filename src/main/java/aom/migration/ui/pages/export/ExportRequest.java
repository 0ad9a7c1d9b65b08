package aom.migration.ui.pages.export;

import aom.migration.model.AppRef;
import aom.migration.model.Selection;
import aom.migration.mongo.ConnectionSettings;

import java.nio.file.Path;

/**
 * What the Export page exports: the choices of the pages before it. Two equal requests are the same export, so
 * coming back to the page after a finished export shows it instead of running it again.
 *
 * @param source    the source installation
 * @param app       the application, with the naming convention found or chosen
 * @param selection metadata and systems
 * @param bundle    the bundle file to write
 */
record ExportRequest(ConnectionSettings source, AppRef app, Selection selection, Path bundle) {

    /** The part file the bundle is written to until it is complete. */
    Path partFile() {
        Path absolute = bundle.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".part");
    }
}
