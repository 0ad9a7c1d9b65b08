package aom.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool's command line in a process of its own, as a user starts it ({@code aom.migration.Main}, the jar's entry
 * point), for what only a real process shows: a terminal, a pipe, a signal.
 */
final class ToolProcess {

    private ToolProcess() {
    }

    /** {@code java ... aom.migration.Main <args>} with its own tool home, as a list of words. */
    static List<String> command(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "-Daom.home=" + home,
                "aom.migration.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code command} as one line for a shell, every word quoted. */
    static String shellLine(List<String> command) {
        List<String> quoted = new ArrayList<>();
        for (String word : command) {
            quoted.add("'" + word.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }
}
