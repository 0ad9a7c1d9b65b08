package aom.migration.ui.pages.selection;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Names of bundle files: {@code <App>-<yyyyMMdd-HHmmss>.aombundle}, so exports of one app sort by time. */
public final class BundleFileName {

    public static final String EXTENSION = ".aombundle";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private BundleFileName() {
    }

    /** The proposed file name for an export of {@code application} now. */
    public static String defaultFor(String application, Clock clock) {
        return safe(application) + "-" + STAMP.format(LocalDateTime.now(clock)) + EXTENSION;
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

    // Application names are valid database names, which already excludes most characters file systems reject;
    // this covers the rest (control characters, and ones Windows rejects in file names).
    private static String safe(String application) {
        StringBuilder name = new StringBuilder();
        application.codePoints().forEach(c -> name.appendCodePoint(c < 32 || "\\/:*?\"<>|".indexOf(c) >= 0
                ? '_' : c));
        return name.length() == 0 ? "bundle" : name.toString();
    }
}
