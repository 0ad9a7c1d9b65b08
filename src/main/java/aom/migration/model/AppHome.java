package aom.migration.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tool's folder in the user's home ({@code ~/.aom-migration}): logs, reports, rollback bundles and settings.
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

    private static Path directory(String name) {
        Path dir = root().resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
