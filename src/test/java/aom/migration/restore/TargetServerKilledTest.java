package aom.migration.restore;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.HostPort;
import aom.migration.mongo.Installation;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The target server is a file-backed mongo-java-server in another JVM, killed (SIGKILL) in the middle of the load
 * and restarted on the same file: the next run must find what the import left and restore the state from before,
 * and a second import must then succeed.
 */
class TargetServerKilledTest {

    @TempDir
    Path directory;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killServers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aTargetServerKilledMidLoadIsRestoredByTheNextRunAndASecondImportSucceeds() throws Exception {
        Path file = directory.resolve("target.mv");
        Process init = java("init", file);
        assertThat(init.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(init.exitValue()).isZero();
        try (EmbeddedServer sourceServer = EmbeddedServer.inMemory();
             MongoClient source = MongoClients.create(sourceServer.uri())) {
            DemoInstallation.writeSource(source, DemoScale.TESTS);
            ImportRequest request = DemoImport.conferenceRequest(source);

            Process server = java("serve", file);
            Map<String, Map<String, List<String>>> before;
            Throwable failure;
            try (Installation target = Installation.connect(settings(ready(server)))) {
                before = TargetSnapshot.of(target.client());
                failure = catchThrowable(() -> new ImportJob(target, request,
                        ImportOptions.defaults().withBatches(2, 1 << 20)).run(killAfterSomeBatches(server),
                        CancellationToken.none()));
            }
            assertThat(server.isAlive()).isFalse();
            assertThat(failure).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("restores the state from before it first");

            Process restarted = java("serve", file);
            try (Installation target = Installation.connect(settings(ready(restarted)))) {
                Optional<InterruptedImport> interrupted = InterruptedImport.find(target, DemoImport.APP,
                        request.targetNaming(), request.profile());
                assertThat(interrupted).as("leftovers persisted by the killed server").isPresent();
                assertThat(interrupted.get().describe()).anyMatch(line -> line.contains("loading the data"));
                assertThat(new ImportJob(target, request, ImportOptions.defaults()).plan(CancellationToken.none())
                        .leftovers()).isNotEmpty();

                interrupted.get().restore(ProgressListener.NONE);
                assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target.client()))).isEmpty();

                ImportResult second = new ImportJob(target, request, ImportOptions.defaults())
                        .run(ProgressListener.NONE, CancellationToken.none());
                assertThat(second.report().passed()).isTrue();
                assertThat(TargetSnapshot.of(target.client().getDatabase("ConferenceApp")))
                        .isEqualTo(TargetSnapshot.of(source.getDatabase("ConferenceApp")));
            }
        }
    }

    /**
     * Kills the server once some batches are in. It first waits a little longer than the H2 store's one-second
     * auto-commit, so that the journal and part of the staging data are on disk when the server dies.
     */
    private static ProgressListener killAfterSomeBatches(Process server) {
        AtomicBoolean killed = new AtomicBoolean();
        return event -> {
            if (event.phase() == Phase.LOAD && event.isOverall() && event.documentsDone() >= 40
                    && killed.compareAndSet(false, true)) {
                try {
                    Thread.sleep(1_500);
                    server.destroyForcibly().waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private Process java(String mode, Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Daom.home=" + System.getProperty("aom.home", directory.toString()),
                TargetServerProcess.class.getName(), mode, file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    private static int ready(Process server) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new IllegalStateException("The target server process ended without starting");
    }

    /** A short server-selection timeout, so that the job notices the dead server quickly. */
    private static ConnectionSettings settings(int port) {
        return new ConnectionSettings(List.of(new HostPort("127.0.0.1", port)), false, null, null, null, false,
                null, null, null, false, null, Duration.ofSeconds(1), Map.of());
    }
}
