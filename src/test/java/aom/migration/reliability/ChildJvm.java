package aom.migration.reliability;

import aom.migration.cli.MigrationCli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the tool's command line in a child JVM (as {@code java -jar migration.jar ...} would), and ends it when the
 * test JVM that started it goes away (its stdin closes), so that a crashed test run leaves no server behind.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static void main(String[] args) {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The parent never writes; read() returns -1 when it is gone.
                }
            } catch (IOException e) {
                // Same: the parent is gone.
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        System.exit(MigrationCli.run(args));
    }

    /** A process builder for {@code migration <args>} in a child JVM with its own tool home. */
    static ProcessBuilder command(Path home, String... args) {
        return command(home, List.of(), args);
    }

    /**
     * The same with system properties for the child ({@code -Daom.machine=...} plays another computer,
     * {@code -Daom.clockOffset=PT10M} a clock ten minutes ahead).
     */
    static ProcessBuilder command(Path home, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "-Daom.home=" + home));
        command.addAll(jvmOptions);
        command.add(ChildJvm.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
