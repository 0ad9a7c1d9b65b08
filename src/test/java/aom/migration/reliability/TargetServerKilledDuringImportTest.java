package aom.migration.reliability;

import aom.migration.cli.CliRun;
import aom.migration.demo.EmbeddedServer;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.ImportFailedException;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.SwapStrategy;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 1, title = "Target server killed during an import",
        promise = "The target is a file-backed mongo-java-server (H2 backend) in its own JVM, started with the hidden"
                + " `serve --data FILE` command. The import runs through a proxy that reads the wire protocol; at"
                + " the named command the server is killed with SIGKILL and the connections drop; unless the case"
                + " says otherwise, the proxy first holds every request until H2 has written its file (at least 1.5"
                + " s; H2 writes about once a second), so that the case tests the recovery, not H2. The import must"
                + " fail saying that the next run restores the target. Then the file is opened again, a dry run"
                + " must report the interrupted import, the recovery must restore every database of the target"
                + " (application databases and `apiomat`) byte for byte, and a second import must succeed and"
                + " verify. \"Kept/lost\" compares the server's collections and counts just before the kill with"
                + " those after the restart.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetServerKilledDuringImportTest extends ImportFaults {

    @TempDir
    Path directory;

    private EmbeddedServer reopened;

    @AfterEach
    void closeReopened() {
        if (reopened != null) {
            reopened.close();
        }
    }

    @Order(1)
    @Test
    @DisplayName("killed while loading the staging collections (before the 6th insert)")
    void killedWhileLoading(Observed observed) {
        assertThat(killAt(STAGING_INSERT, 6, true, ImportOptions.defaults(), observed)).isEqualTo("LOADING");
        recoverAndImportAgain(observed);
    }

    @Order(2)
    @Test
    @DisplayName("killed while building the indexes (before the 4th createIndexes)")
    void killedWhileBuildingIndexes(Observed observed) {
        assertThat(killAt(INDEX_BUILD, 4, true, ImportOptions.defaults(), observed)).isEqualTo("LOADING");
        recoverAndImportAgain(observed);
    }

    @Order(3)
    @Test
    @DisplayName("killed while saving the target's metadata slice (before its 4th insert)")
    void killedWhileSavingTheMetadataSlice(Observed observed) {
        assertThat(killAt(SLICE_SAVE, 4, true, ImportOptions.defaults(), observed)).isEqualTo("LOADING");
        recoverAndImportAgain(observed);
    }

    @Order(4)
    @Test
    @DisplayName("killed in the middle of the metadata merge (before the 5th write to apiomat)")
    void killedWhileMergingMetadata(Observed observed) {
        assertThat(killAt(METADATA_WRITE, 5, true, ImportOptions.defaults(), observed)).isEqualTo("MERGING");
        recoverAndImportAgain(observed);
    }

    @Order(5)
    @Test
    @DisplayName("killed in the middle of the merge without waiting for H2's commit (before the 5th write)")
    void killedWhileMergingWithinH2sCommitWindow(Observed observed) {
        try {
            killAt(METADATA_WRITE, 5, false, ImportOptions.defaults(), observed);
            recoverAndImportAgain(observed);
        } catch (RuntimeException e) {
            // A kill inside H2's commit window can leave mongo-java-server's H2 store with an index entry whose
            // document it never wrote (seen about once in four loaded runs). That is the test server's own file
            // out of step with itself, which no client can repair; a real mongod replays its journal instead.
            Throwable cause = e;
            while (cause != null && !String.valueOf(cause.getMessage()).contains("Found no position for")) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw e;
            }
            observed.note("The kill left the H2 file inconsistent in itself (" + firstLine(cause)
                    + "): a limit of the test server, so this run cannot tell anything about the recovery.");
            Assumptions.abort("mongo-java-server's H2 file was left inconsistent by the kill: " + firstLine(cause));
        }
    }

    @Order(6)
    @Test
    @DisplayName("killed in the middle of a copy swap, one live collection dropped (before the 3rd copy-in)")
    void killedWhileSwappingByCopy(Observed observed) {
        assertThat(killAt(COPY_IN, 3, true, ImportOptions.defaults().withSwapStrategy(SwapStrategy.COPY), observed))
                .isEqualTo("SWAPPING");
        recoverAndImportAgain(observed);
    }

    @Order(7)
    @Test
    @DisplayName("killed while verifying after a copy swap (at its first read)")
    void killedWhileVerifying(Observed observed) {
        assertThat(killAt(verifyRead, 1, true, ImportOptions.defaults().withSwapStrategy(SwapStrategy.COPY),
                observed)).isEqualTo("SWAPPING");
        // The message names the step the connection broke in (it said "While swapping collections" for a while).
        assertThat(lastFailure).hasMessageStartingWith("While verifying, the connection to");
        recoverAndImportAgain(observed);
    }

    @Order(8)
    @Test
    @DisplayName("killed after the commit, while dropping the set-aside collections: the recovery finishes the import")
    void killedWhileCleaningUpAfterTheCommit(Observed observed) {
        assertThat(killAt(DROP_SET_ASIDE, 2, true, ImportOptions.defaults().withSwapStrategy(SwapStrategy.COPY),
                observed)).isEqualTo("COMMITTED");
        recoverAndImportAgain(observed);
    }

    @Order(9)
    @Test
    @DisplayName("killed in the middle of the swap with the default options: the rename check chose the copy swap")
    void killedWhileSwappingWithTheDefaultOptions(Observed observed) {
        assertThat(killAt(COPY_IN, 3, true, ImportOptions.defaults(), observed)).isEqualTo("SWAPPING");
        observed.note("Before the swap the import renamed a scratch collection and found the documents left under"
                + " the old name, so it copied instead of renaming (case 1.10 shows the backend's fault).");
        recoverAndImportAgain(observed);
    }

    @Order(10)
    @Test
    @DisplayName("mongo-java-server's H2 backend itself loses documents of renamed collections")
    void theH2BackendLosesRenamedCollections(Observed observed) {
        Path file = directory.resolve("rename.mv");
        try (EmbeddedServer first = EmbeddedServer.fileBacked(file, 0);
             MongoClient client = MongoClients.create(first.uri())) {
            MongoDatabase db = client.getDatabase("db");
            db.getCollection("live").insertOne(new Document("_id", 1));
            db.getCollection("staging").insertOne(new Document("_id", 2));
            rename(client, "live", "aside");
            rename(client, "staging", "live");
            db.getCollection("live").drop();
            rename(client, "aside", "live");
            assertThat(db.getCollection("live").countDocuments())
                    .as("if this fails, mongo-java-server fixed it: use the rename swap in the H2 cases").isZero();
            db.getCollection("renamed").insertOne(new Document("_id", 3));
            rename(client, "renamed", "kept");
        }
        try (EmbeddedServer second = EmbeddedServer.fileBacked(file, 0);
             MongoClient client = MongoClients.create(second.uri())) {
            assertThat(client.getDatabase("db").listCollectionNames()).contains("kept");
            assertThat(client.getDatabase("db").getCollection("kept").countDocuments()).isZero();
        }
        observed.note("Renaming `live` aside, `staging` in, dropping `live` and renaming `aside` back (a rename swap"
                + " and its rollback) leaves `live` with 0 of its 1 document while the server runs; a renamed"
                + " collection also holds 0 documents after a clean shutdown and reopen. The in-memory backend and a"
                + " real mongod keep them, so this is the test server's limitation, not the tool's. The import checks"
                + " renames in scratch collections of its own before its swap and copies where they fail (1.9,"
                + " 1.11).");
    }

    @Order(11)
    @Test
    @DisplayName("the same bundle imported twice into the file-backed server, then the server restarted")
    void theSameBundleImportedTwiceIntoTheFileBackedServer(Observed observed) {
        for (int run = 1; run <= 2; run++) {
            CliRun imported = CliRun.of("import", "--target", targetUri(), ConferenceBundle.file().toString(),
                    "--yes", "--no-progress");
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("PASSED");
            assertThat(imported.err()).contains("renaming is not safe there");
            try (MongoClient client = MongoClients.create(targetUri())) {
                assertThat(ConferenceBundle.databases(client)).isEqualTo(ConferenceBundle.sourceDatabases());
                assertThat(Listing.of(client).counts().keySet()).noneMatch(name -> name.contains("__aom"));
            }
        }
        observed.exitCode(0);
        observed.message("both imports: exit 0, verification PASSED");
        observed.note("Each import found the backend's rename fault in its check and swapped by copying; after each"
                + " the target held the source's data and no working collection.");
        waitForH2Commit();
        server.kill();
        reopened = server.reopenInProcess();
        movedTo(reopened.uri());
        try (MongoClient client = MongoClients.create(targetUri())) {
            assertThat(ConferenceBundle.databases(client)).isEqualTo(ConferenceBundle.sourceDatabases());
        }
        observed.note("After a restart of the server the file still held the source's data, byte for byte.");
    }

    /**
     * Waits until H2 has written its file after this moment (the proxy holds every request meanwhile, so that
     * write holds everything the import did), at least 1.5 s, and gives the write a moment to complete. Waiting
     * for the file rather than a fixed time keeps the case reliable on a busy machine.
     */
    private void waitForH2Commit() {
        long start = System.currentTimeMillis();
        try {
            while (System.currentTimeMillis() - start < 10_000
                    && (Files.getLastModifiedTime(server.file()).toMillis() <= start
                    || System.currentTimeMillis() - start < 1_500)) {
                sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sleep(300);
    }

    private static void rename(MongoClient client, String from, String to) {
        client.getDatabase("admin").runCommand(new Document("renameCollection", "db." + from)
                .append("to", "db." + to));
    }

    /**
     * Kills the server at the {@code nth} command matching {@code point} and opens its file again in this JVM.
     *
     * @param waitForCommit wait until H2 has written everything before the kill; then nothing may be lost
     * @return the journal state the restarted server holds
     */
    /** What the last {@link #killAt} import threw, or {@code null}. */
    private Throwable lastFailure;

    private String killAt(Predicate<WireProxy.Command> point, int nth, boolean waitForCommit, ImportOptions options,
                          Observed observed) {
        AtomicReference<Listing> atKill = new AtomicReference<>();
        AtomicReference<WireProxy.Command> killedAt = new AtomicReference<>();
        proxy.addRule(WireProxy.Rule.nth(point, nth, WireProxy.Action.cutBefore(command -> {
            killedAt.set(command);
            if (waitForCommit) {
                waitForH2Commit();
            }
            atKill.set(listing());
            server.kill();
        })));

        Throwable failure = importThroughProxy(options, ProgressListener.NONE, CancellationToken.none());
        lastFailure = failure;

        assertThat(killedAt.get()).as("the kill point was reached").isNotNull();
        // After the commit the import may return before the proxy thread has finished killing (it waits for H2 first).
        long deadline = System.currentTimeMillis() + 30_000;
        while (server.isAlive() && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        assertThat(server.isAlive()).isFalse();
        observed.note("Killed at `" + killedAt.get() + "`" + (waitForCommit ? " once H2 had written its file" : " at once")
                + (options.swapStrategy() == SwapStrategy.COPY ? " (copy swap)" : "") + ".");
        observed.message(failure == null ? "no failure: the import reported success" : firstLine(failure));
        if (killedAt.get().name().equals("drop")) {
            assertThat(failure).as("the import was committed: only its clean-up failed").isNull();
        } else {
            assertThat(failure).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("could not be restored right now")
                    .hasMessageContaining("the next import or plan of ConferenceApp");
        }
        reopened = server.reopenInProcess();
        movedTo(reopened.uri());
        Listing afterRestart = listing();
        List<String> lost = atKill.get().lostIn(afterRestart);
        observed.note("After the restart the journal says " + afterRestart.journal() + "; "
                + (lost.isEmpty() ? "the file kept every write made before the kill."
                : "the file lost " + lost.size() + " change(s): " + String.join(", ", lost) + "."));
        if (waitForCommit && !killedAt.get().name().equals("renameCollection")) {
            assertThat(lost).as("writes H2 lost although it had written its file since").isEmpty();
        }
        return afterRestart.journal();
    }
}
