package aom.migration.cli;

import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static aom.migration.cli.ImportFixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import ... | tee log} at a terminal: the tool runs under {@code script}, which gives it a real terminal (a
 * pty) as a person's shell would, with its output piped into {@code tee}. The name is typed into that terminal.
 */
@EnabledOnOs(OS.LINUX)
class TerminalConfirmationTest extends ConferenceBundleTests {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void theNameTypedAtTheTerminalConfirmsAnImportWhoseOutputGoesThroughAPipe() throws Exception {
        try (EmbeddedServer target = ImportFixtures.demoTarget()) {
            Path log = dir.resolve("import.log");

            Session session = runAtTerminal(target, log, APP);

            assertThat(session.exitCode()).as(session.output()).isZero();
            assertThat(session.output()).contains("Type the application name (ConferenceApp)");
            assertThat(Files.readString(log)).contains("Drop warnings:", "Report saved to");
            try (MongoClient client = MongoClients.create(target.uri())) {
                assertThat(client.getDatabase("ConferenceApp-test").listCollectionNames()
                        .into(new java.util.ArrayList<>())).isNotEmpty();
            }
        }
    }

    @Test
    void anotherNameTypedAtTheTerminalRefusesTheImport() throws Exception {
        try (EmbeddedServer target = ImportFixtures.demoTarget()) {
            Session session = runAtTerminal(target, dir.resolve("import.log"), "ShopApp");

            assertThat(session.exitCode()).as(session.output()).isEqualTo(ExitCode.REFUSED);
            assertThat(session.output()).contains("Not imported: 'ShopApp' is not ConferenceApp. Nothing was changed.");
            try (MongoClient client = MongoClients.create(target.uri())) {
                assertThat(client.getDatabase("ConferenceApp-test").listCollectionNames()
                        .into(new java.util.ArrayList<>())).isEmpty();
            }
        }
    }

    /** What the terminal showed and the pipeline's exit code. */
    private record Session(int exitCode, String output) {
    }

    /**
     * Runs {@code import --target <target> <bundle> | tee <log>} under {@code script} and types {@code answer} once
     * the question shows.
     */
    private Session runAtTerminal(EmbeddedServer target, Path log, String answer) throws Exception {
        String pipeline = ToolProcess.shellLine(ToolProcess.command(Files.createDirectories(dir.resolve("home")),
                "import", "--target", target.uri(), bundle.toString(), "--no-progress")) + " | tee "
                + ToolProcess.shellLine(List.of(log.toString()));
        Process script = new ProcessBuilder("script", "--quiet", "--flush", "--return", "--command",
                "bash -o pipefail -c " + ToolProcess.shellLine(List.of(pipeline)), "/dev/null")
                .redirectErrorStream(true).start();
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Thread reader = copy(script.getInputStream(), shown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!text(shown).contains("to import it, or anything else to stop:") && System.nanoTime() < deadline
                && script.isAlive()) {
            Thread.sleep(100);
        }
        try (OutputStream keys = script.getOutputStream()) {
            keys.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertThat(script.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(text(shown)).isTrue();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return new Session(script.exitValue(), text(shown));
    }

    private static String text(ByteArrayOutputStream shown) {
        synchronized (shown) {
            return shown.toString(StandardCharsets.UTF_8);
        }
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                    synchronized (to) {
                        to.write(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "terminal-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
