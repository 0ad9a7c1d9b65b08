package aom.migration.cli;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the user typed the command, for the usage and the hints: {@code aom-migration} for the installed launcher,
 * {@code java -jar migration.jar} for the jar (with the jar's own file name).
 */
final class InvocationName {

    /** Where a launcher made by jpackage says which program was started. */
    static final String LAUNCHER_PROPERTY = "jpackage.app-path";
    private static final String JAR = "migration.jar";

    private InvocationName() {
    }

    /** The name of this process's command line. */
    static String current() {
        return of(System.getProperty(LAUNCHER_PROPERTY), InvocationName.class.getProtectionDomain().getCodeSource()
                == null ? null : InvocationName.class.getProtectionDomain().getCodeSource().getLocation());
    }

    /**
     * The name for a process started by the launcher {@code launcher} (or none) from the classes at
     * {@code codeSource}: the launcher's file name, else {@code java -jar} and the jar's name.
     */
    static String of(String launcher, URL codeSource) {
        if (launcher != null && !launcher.isBlank()) {
            String name = Path.of(launcher).getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".exe")) {
                name = name.substring(0, name.length() - ".exe".length());
            }
            return name.contains(" ") ? "\"" + name + "\"" : name;
        }
        return "java -jar " + jarName(codeSource);
    }

    private static String jarName(URL codeSource) {
        if (codeSource != null) {
            try {
                Path location = Path.of(codeSource.toURI());
                String name = location.getFileName() == null ? "" : location.getFileName().toString();
                if (name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                    return name;
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a file: the usual name
            }
        }
        return JAR;
    }
}
