package aom.migration.dump;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real mongodump outputs in {@code ../shared/interop} (relative to the project root; see its INDEX.md). Tests
 * that need them are skipped where the folder is absent.
 */
final class InteropDumps {

    private InteropDumps() {
    }

    static Path root() {
        Path root = Path.of("..", "shared", "interop");
        Assumptions.assumeTrue(Files.isDirectory(root), "no real mongodump outputs in " + root.toAbsolutePath());
        return root;
    }

    static Path path(String relative) {
        Path path = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "missing " + path);
        return path;
    }
}
