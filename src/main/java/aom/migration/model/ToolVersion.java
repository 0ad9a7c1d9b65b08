package aom.migration.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's own version, as the build wrote it; recorded in every bundle and report. */
public final class ToolVersion {

    private static final String VERSION = load();

    private ToolVersion() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/aom/migration/version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "development");
            return version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            return "development";
        }
    }
}
