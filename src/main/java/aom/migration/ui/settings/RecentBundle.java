package aom.migration.ui.settings;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A bundle the user exported or opened recently.
 *
 * @param path     the bundle file
 * @param lastUsed when it was last written or opened
 */
public record RecentBundle(Path path, Instant lastUsed) {

    /** The file name, for lists. */
    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
