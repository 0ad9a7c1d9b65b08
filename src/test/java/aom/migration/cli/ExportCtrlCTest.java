package aom.migration.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl+C on a running export, as a terminal sends it (SIGINT to the tool's process): the export stops, deletes its
 * unfinished file, says so and exits with 130. The source sits behind a proxy that slows its answers down, so that
 * the export is still running when the signal comes.
 */
@EnabledOnOs(OS.LINUX)
class ExportCtrlCTest extends ConferenceBundleTests {

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheExportLeavesNoFileAndSaysSo() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path bundle = out.resolve("conference.aombundle");
        try (SlowProxy source = new SlowProxy(demo.source().port(), Duration.ofMillis(40))) {
            List<String> command = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV"));
            // A process started in the background may inherit an ignored SIGINT, which Java then leaves ignored.
            command.addAll(ToolProcess.command(Files.createDirectories(dir.resolve("home")), "export",
                    "ConferenceApp", "--source", "mongodb://127.0.0.1:" + source.port() + "/", "--out",
                    bundle.toString()));
            Process export = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile()).start();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (isEmpty(out) && export.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(export.isAlive()).as("still exporting once its file appeared: %s", stderr()).isTrue();
            new ProcessBuilder("kill", "-INT", String.valueOf(export.pid())).start().waitFor();

            assertThat(export.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(export.exitValue()).as(stderr()).isEqualTo(ExitCode.CANCELLED);
            assertThat(stderr()).contains("Export cancelled with Ctrl+C. Nothing was left behind: neither " + bundle
                    + " nor a part file of it exists.");
            assertThat(isEmpty(out)).as("files left in the output folder").isTrue();
        }
    }

    private String stderr() throws Exception {
        return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    private static boolean isEmpty(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
