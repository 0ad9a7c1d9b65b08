package aom.migration.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a support engineer meets at a terminal before any data moves: the usage under the name they typed, an output
 * path that cannot work refused at once, and the legacy forms saying which address they use when none is set.
 */
class CommandLineHabitsTest {

    @TempDir
    Path dir;

    @Test
    void theUsageNamesTheInstalledLauncherOrTheJarAsTyped() throws Exception {
        assertThat(InvocationName.of("/opt/apiomat-migration-wizard/bin/aom-migration", null))
                .isEqualTo("aom-migration");
        assertThat(InvocationName.of(null, new URL("file:/home/support/tools/migration.jar")))
                .isEqualTo("java -jar migration.jar");
        assertThat(InvocationName.of(null, new URL("file:/work/project/target/classes/")))
                .isEqualTo("java -jar migration.jar");

        String before = System.getProperty(InvocationName.LAUNCHER_PROPERTY);
        System.setProperty(InvocationName.LAUNCHER_PROPERTY, "/opt/apiomat-migration-wizard/bin/aom-migration");
        try {
            assertThat(CliRun.of("--help").out()).startsWith("Usage: aom-migration [-hV]")
                    .contains("Legacy forms: aom-migration <App>").contains("130 cancelled with Ctrl+C");
            assertThat(CliRun.of("export", "--help").out()).startsWith("Usage: aom-migration export");
        } finally {
            if (before == null) {
                System.clearProperty(InvocationName.LAUNCHER_PROPERTY);
            } else {
                System.setProperty(InvocationName.LAUNCHER_PROPERTY, before);
            }
        }
        assertThat(CliRun.of("--help").out()).startsWith("Usage: java -jar migration.jar [-hV]")
                .doesNotContain("Usage: migration");
    }

    @Test
    void exportIntoAFolderIsRefusedBeforeAnyWorkEvenWithForce() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bundles"));

        // A source that cannot be reached: had the export started, it would have failed on it (exit 1).
        CliRun run = CliRun.of("export", "ConferenceApp", "--source", unreachable(), "--out", folder.toString(),
                "--force", "--no-progress");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("Error: " + folder.toAbsolutePath() + " is a folder; --out names the"
                + " bundle file to write, e.g. --out " + folder.toAbsolutePath().resolve("<name>") + ".aombundle");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExistingFileIsRefusedBeforeAnyWorkWithoutForce() throws IOException {
        Path existing = Files.writeString(dir.resolve("old.aombundle"), "an older bundle");

        CliRun run = CliRun.of("export", "ConferenceApp", "--source", unreachable(), "--out", existing.toString(),
                "--no-progress");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(existing.toAbsolutePath() + " already exists; choose another --out or pass"
                + " --force");
        assertThat(Files.readString(existing)).isEqualTo("an older bundle");
    }

    @Test
    void theLegacyExportSaysItUsesTheDefaultAddressAndHowToSetAnother() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = LegacyCommand.run(new String[] {"ConferenceApp"}, new PrintWriter(out, true),
                new PrintWriter(err, true), Map.of(), dir, unreachable());

        List<String> lines = err.toString().lines().toList();
        String note = "Note: AOM_SOURCE_URI is not set, so this uses the default address " + unreachableHost();
        assertThat(code).isEqualTo(ExitCode.FAILED);
        assertThat(lines.get(0)).startsWith(note).contains("e.g. AOM_SOURCE_URI=mongodb://host:27017/");
        assertThat(lines).anyMatch(line -> line.startsWith("Error: Connection refused by 127.0.0.1:" + CLOSED_PORT));
        assertThat(lines.get(lines.size() - 1)).startsWith(note);
    }

    @Test
    void theLegacyImportNamesAomTargetUri() {
        StringWriter err = new StringWriter();

        LegacyCommand.run(new String[] {"ConferenceApp", "false", dir.resolve("missing.aombundle").toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), Map.of(), dir, unreachable());

        assertThat(err.toString().lines().findFirst().orElse(""))
                .startsWith("Note: AOM_TARGET_URI is not set, so this uses the default address " + unreachableHost());
    }

    @Test
    void aSetVariableNeedsNoNote() {
        StringWriter err = new StringWriter();

        LegacyCommand.run(new String[] {"ConferenceApp"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), Map.of("AOM_SOURCE_URI", unreachable()), dir, "mongodb://unused:1/");

        assertThat(err.toString()).doesNotContain("Note: AOM_SOURCE_URI is not set").contains("Error: ");
    }

    private static final int CLOSED_PORT = closedPort();

    private static String unreachable() {
        return "mongodb://127.0.0.1:" + CLOSED_PORT + "/?serverSelectionTimeoutMS=1000";
    }

    private static String unreachableHost() {
        return "mongodb://127.0.0.1:" + CLOSED_PORT + "/";
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
