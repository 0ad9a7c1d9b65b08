package aom.migration.reliability;

import aom.migration.bundle.BundleReader;
import aom.migration.cli.CliRun;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.WorkingNames;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.BundleImport;
import aom.migration.restore.ImportJob;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.ImportRequest;
import aom.migration.restore.InterruptedImport;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the fault-injection cases share: a {@link WireProxy} in front of the target through which the import runs
 * (so a case can act at an exact command), the target's byte-level snapshot from before, and the checks after the
 * fault: a dry run reports the interrupted import, the recovery restores that snapshot, and a re-run verifies.
 * Every case gets a fresh target: the demo target in a file-backed server in a child JVM.
 */
abstract class ImportFaults {

    /** The commands that mark the points of an import (seen in the wire log of a complete import). */
    static final Predicate<WireProxy.Command> COUNT = c -> c.name().equals("count");
    static final Predicate<WireProxy.Command> STAGING_INSERT = c -> c.name().equals("insert")
            && WorkingNames.kind(c.collection()).filter(kind -> kind == WorkingNames.Kind.STAGING).isPresent();
    static final Predicate<WireProxy.Command> INDEX_BUILD = c -> c.name().equals("createIndexes");
    static final Predicate<WireProxy.Command> SLICE_SAVE = c -> c.name().equals("insert")
            && c.collection().equals(WorkingNames.slice(ConferenceBundle.APP));
    static final Predicate<WireProxy.Command> METADATA_WRITE = c -> c.database().equals("apiomat")
            && c.name().matches("insert|update|delete") && !c.collection().startsWith("__aom");
    /** With the copy swap: an insert into a live collection of the application (staging copied in). */
    static final Predicate<WireProxy.Command> COPY_IN = c -> c.name().equals("insert")
            && c.database().startsWith("ConferenceApp") && !c.collection().contains("__aom");
    static final Predicate<WireProxy.Command> DROP_SET_ASIDE = c -> c.name().equals("drop")
            && WorkingNames.kind(c.collection()).filter(kind -> kind == WorkingNames.Kind.ASIDE).isPresent();
    /** A rename of the swap (not the scratch collections of the import's rename check). */
    static final Predicate<WireProxy.Command> SWAP_RENAME = c -> c.name().equals("renameCollection")
            && !c.body().getString("renameCollection").getValue().contains("__aom_probe");

    private final AtomicReference<Phase> phase = new AtomicReference<>();
    /** A read of the verification: the first {@code find} once the job announced the VERIFY phase. */
    final Predicate<WireProxy.Command> verifyRead = c -> phase.get() == Phase.VERIFY && c.name().equals("find");

    ServerProcess server;
    /** The in-memory target of {@link #startInMemory()}, or {@code null}. */
    EmbeddedServer memory;
    WireProxy proxy;
    Map<String, Map<String, List<String>>> before;
    private String targetUri;

    /** Starts the target, points the proxy at it, takes the snapshot from before. */
    @BeforeEach
    void startTarget() throws IOException {
        ConferenceBundle.file();
        int port = startServer();
        proxy = new WireProxy(port);
        before = snapshot();
    }

    /** Starts this case's target and returns its port; by default the demo target in a child JVM (H2 file). */
    int startServer() {
        server = ServerProcess.demoTarget();
        targetUri = server.uri();
        return server.port();
    }

    /**
     * For {@link #startServer}: the demo target in an in-memory server in this JVM (which survives what the case
     * does to the tool), closed after the case.
     */
    int startInMemory() {
        memory = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(memory.uri())) {
            DemoInstallation.writeTarget(client, DemoScale.TESTS);
        }
        movedTo(memory.uri());
        return memory.port();
    }

    /** The target is at {@code uri} (after a restart, or for a target a subclass started). */
    void movedTo(String uri) {
        targetUri = uri;
    }

    String targetUri() {
        return targetUri;
    }

    @AfterEach
    void stopTarget() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
        if (memory != null) {
            memory.close();
        }
    }

    /** Every database of the target, byte for byte, read past the proxy. */
    Map<String, Map<String, List<String>>> snapshot() {
        try (MongoClient client = MongoClients.create(targetUri)) {
            return TargetSnapshot.of(client);
        }
    }

    Listing listing() {
        try (MongoClient client = MongoClients.create(targetUri)) {
            return Listing.of(client);
        }
    }

    /** Imports the shared ConferenceApp bundle through the proxy, as the wizard would; returns what it threw. */
    Throwable importThroughProxy(ImportOptions options, ProgressListener listener, CancellationToken cancel) {
        try (Installation target = Installation.connect(proxy.settings());
             BundleReader bundle = BundleReader.open(ConferenceBundle.file())) {
            ImportRequest request = BundleImport.request(bundle, BundleImport.targetNaming(target, bundle),
                    BundleImport.systemsIn(bundle), true);
            ProgressListener watched = event -> {
                if (event.message() != null) {
                    phase.set(event.phase());
                }
                listener.onProgress(event);
            };
            return catchThrowable(() -> new ImportJob(target, request, options).run(watched, cancel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a fault: a dry run through the command line reports what the interrupted import left (if it left
     * anything), the recovery restores the target byte for byte (or, for an import that had been verified and
     * committed, finishes it), and the next import succeeds and verifies.
     */
    void recoverAndImportAgain(Observed observed) {
        try (Installation target = Installation.connect(direct())) {
            Optional<InterruptedImport> found = InterruptedImport.find(target, ConferenceBundle.APP,
                    DatabaseNaming.DASHED, ExtractionProfile.defaults());
            boolean committed = found.map(InterruptedImport::committed).orElse(false);
            if (found.isPresent()) {
                CliRun plan = CliRun.of("import", "--target", targetUri, ConferenceBundle.file().toString(),
                        "--dry-run", "--no-progress");
                assertThat(plan.exitCode()).as(plan.err()).isZero();
                assertThat(plan.out()).contains("was interrupted");
                observed.note("Recovery: " + String.join(" ", found.get().describe()));
                found.get().restore(ProgressListener.NONE);
            } else {
                observed.note("Nothing left to recover: the job had restored the target itself.");
            }
            if (committed) {
                assertThat(ConferenceBundle.databases(target.client())).isEqualTo(ConferenceBundle.sourceDatabases());
                observed.note("The interrupted import was finished: the target holds the bundle's data.");
            } else {
                assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target.client())))
                        .as("databases that differ from before the import").isEmpty();
                observed.note("Target byte for byte as before the import.");
            }
        }
        importAgain(observed);
    }

    /** Restores what an interrupted import left; returns what the recovery said it found. */
    List<String> restoreInterrupted() {
        try (Installation target = Installation.connect(direct())) {
            InterruptedImport interrupted = InterruptedImport.find(target, ConferenceBundle.APP,
                    DatabaseNaming.DASHED, ExtractionProfile.defaults()).orElseThrow();
            List<String> found = interrupted.describe();
            interrupted.restore(ProgressListener.NONE);
            return found;
        }
    }

    /** The next import through the command line succeeds, verifies, and the target holds the source's data. */
    void importAgain(Observed observed) {
        CliRun again = CliRun.of("import", "--target", targetUri, ConferenceBundle.file().toString(), "--yes",
                "--no-progress");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("PASSED");
        try (MongoClient client = MongoClients.create(targetUri)) {
            assertThat(ConferenceBundle.databases(client)).isEqualTo(ConferenceBundle.sourceDatabases());
        }
        observed.note("Re-run: imported and verified.");
    }

    /** The target past the proxy, with a short server-selection timeout. */
    ConnectionSettings direct() {
        return ConnectionSettings.fromUri(targetUri + "?serverSelectionTimeoutMS=3000");
    }

    static String firstLine(Throwable failure) {
        if (failure == null) {
            return "no exception";
        }
        return failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage()).lines().findFirst()
                .orElse("");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
