package aom.migration.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The tool's folder in the user's home ({@code ~/.aom-migration}): logs, reports, rollback files, settings and the
 * wizard's migration bundles, every folder readable by its user only.
 * The system property {@code aom.home} moves it (tests point it into {@code target/}).
 */
public final class AppHome {

    private AppHome() {
    }

    public static Path root() {
        String override = System.getProperty("aom.home");
        return override != null && !override.isBlank()
                ? Path.of(override) : Path.of(System.getProperty("user.home"), ".aom-migration");
    }

    public static Path logs() {
        return directory("logs");
    }

    public static Path reports() {
        return directory("reports");
    }

    public static Path rollbacks() {
        return directory("rollback");
    }

    public static Path settings() {
        return directory("settings");
    }

    /** Where the wizard keeps the bundle of each direct migration, as the backup of what it imported. */
    public static Path bundles() {
        return directory("bundles");
    }

    /**
     * The folder {@code name} under {@link #root()}, created if need be. The root and the folder are the tool's own,
     * so they are made owner-only (DESIGN.md section 10) even where an older version created them readable by all.
     */
    public static Path directory(String name) {
        Path dir = root().resolve(name);
        try {
            PrivateFiles.folder(dir);
            PrivateFiles.tighten(root());
            PrivateFiles.tighten(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
