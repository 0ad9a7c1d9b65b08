package aom.migration.ui.pages.selection;

import aom.migration.bundle.BundlePaths;
import aom.migration.session.BundleExport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;

/** Names of bundle files: {@code <App>-<yyyyMMdd-HHmmss>.aombundle}, so exports of one app sort by time. */
public final class BundleFileName {

    /** The bundle extension ({@link BundlePaths#EXTENSION}). */
    public static final String EXTENSION = BundlePaths.EXTENSION;

    private BundleFileName() {
    }

    /** The proposed file name for an export of {@code application} now: the command line's default. */
    public static String defaultFor(String application, Clock clock) {
        return BundleExport.defaultFileName(application, LocalDateTime.now(clock));
    }

    /** {@code name} ({@code App-20240301-120000.aombundle}) with {@code number} before its extension. */
    public static String numbered(String name, int number) {
        String base = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        return base + "-" + number + EXTENSION;
    }

    /** {@code file}, with {@code .aombundle} appended unless it ends so already. */
    public static Path withExtension(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION) ? file : file.resolveSibling(name + EXTENSION);
    }
}
