package aom.migration.ui.pages.export;

import aom.migration.model.AppRef;
import aom.migration.model.Selection;
import aom.migration.mongo.ConnectionSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the Export page exports: the choices of the pages before it. Two equal requests are the same export, so
 * coming back to the page after a finished export shows it instead of running it again.
 *
 * @param source    the source installation
 * @param app       the application, with the naming convention found or chosen
 * @param selection metadata and systems
 * @param bundle    the bundle file to write
 * @param encrypted whether the bundle is encrypted with a passphrase (asked for when the export starts)
 */
record ExportRequest(ConnectionSettings source, AppRef app, Selection selection, Path bundle, boolean encrypted) {

    /**
     * The part files beside the bundle, as an export writes it until it is complete ({@code <bundle>.<random>.part},
     * see {@code PrivateFiles.partFile}).
     */
    List<Path> partFiles() {
        Path absolute = bundle.toAbsolutePath();
        Pattern part = Pattern.compile(Pattern.quote(absolute.getFileName().toString()) + "\\.[0-9a-f]+\\.part");
        try (Stream<Path> files = Files.list(absolute.getParent())) {
            return files.filter(file -> part.matcher(file.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
