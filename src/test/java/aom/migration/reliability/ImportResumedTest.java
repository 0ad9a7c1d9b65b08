package aom.migration.reliability;

import aom.migration.cli.CliRun;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.model.WorkingNames;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 12, title = "Resume an interrupted import",
        promise = "`migration import --yes` runs in a child JVM against the demo target (in memory, in the test's"
                + " JVM) through the wire proxy, in batches of 4 documents, and is killed with SIGKILL at the named"
                + " command. `import --resume` of the same bundle must then keep the collections that were loaded and"
                + " verified, go on after what the target acknowledged in a partly loaded one, put back first what"
                + " the killed import had changed live, and end with the target exactly as a fresh import of the"
                + " bundle leaves it: every database byte for byte, no working collection. A resume of another"
                + " bundle, or with nothing to resume, is refused in one sentence and changes nothing.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportResumedTest extends ImportFaults {

    /** The demo target after a fresh, uninterrupted import of the bundle: what every resume must end with. */
    private static Map<String, Map<String, List<String>>> freshImport;
    private static EmbeddedServer freshServer;
    private static String freshUri;

    @TempDir
    Path home;

    private final AtomicInteger runs = new AtomicInteger();

    @Override
    int startServer() {
        return startInMemory();
    }

    @AfterAll
    static void stopFreshImport() {
        if (freshServer != null) {
            freshServer.close();
        }
        freshServer = null;
        freshImport = null;
    }

    @Order(1)
    @Test
    @DisplayName("killed after the first collections were loaded and verified, then resumed")
    void killedWhileLoadingThenResumed(Observed observed) {
        killAt(STAGING_INSERT, 40, observed);
        CliRun plan = CliRun.of("import", "--target", targetUri(), ConferenceBundle.file().toString(), "--dry-run",
                "--no-progress");
        assertThat(plan.out()).containsPattern("It was of this same bundle and can be resumed \\([1-9]\\d* of 29"
                + " collection\\(s\\) already loaded and verified\\)");
        CliRun resumed = resume(observed);
        assertThat(resumed.out()).containsPattern("Note: resumed the interrupted import started \\S+: [1-9]\\d*"
                + " collection\\(s\\) kept as loaded and verified");
        assertLikeAFreshImport(observed);
    }

    @Order(2)
    @Test
    @DisplayName("killed in the middle of a collection, after the target acknowledged part of it, then resumed")
    void killedInTheMiddleOfACollectionThenResumed(Observed observed) {
        String collection = "Speakers_Talk";
        Predicate<WireProxy.Command> intoTalks = STAGING_INSERT.and(c -> c.database().equals("ConferenceApp")
                && c.collection().startsWith(collection + "."));
        killAt(intoTalks, 4, observed, () -> waitForAcknowledged(collection));
        CliRun resumed = resume(observed);
        assertThat(resumed.out()).containsPattern("[1-9]\\d* went on after [1-9]\\d* document\\(s\\) the target had"
                + " acknowledged");
        assertLikeAFreshImport(observed);
    }

    @Order(3)
    @Test
    @DisplayName("killed in the middle of the swap, then resumed: the swap is put back first")
    void killedWhileSwappingThenResumed(Observed observed) {
        killAt(SWAP_RENAME, 8, observed);
        CliRun resumed = resume(observed);
        // Everything had been loaded and verified before the swap: all of it is kept, nothing sent again.
        assertThat(resumed.out()).contains(": 29 collection(s) kept as loaded and verified, 0 went on");
        assertThat(resumed.err() + resumed.out()).doesNotContain("Error");
        assertLikeAFreshImport(observed);
    }

    @Order(4)
    @Test
    @DisplayName("resumed, killed again while loading, resumed again")
    void aResumeThatIsKilledIsResumedAgain(Observed observed) {
        killAt(STAGING_INSERT, 20, observed);
        killAt(STAGING_INSERT, 30, observed, "--resume");
        observed.note("The first resume was killed too.");
        resume(observed);
        assertLikeAFreshImport(observed);
    }

    @Order(5)
    @Test
    @DisplayName("resume with another bundle of the same application, and with nothing to resume")
    void aResumeOfAnotherBundleIsRefused(Observed observed) throws IOException {
        CliRun nothing = CliRun.of("import", "--target", targetUri(), ConferenceBundle.file().toString(), "--resume",
                "--yes", "--no-progress");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(Observed.firstErrorLine(nothing)).isEqualTo("Error: There is no interrupted import of"
                + " ConferenceApp in this target to resume; run the import without --resume.");

        killAt(STAGING_INSERT, 30, observed);
        Listing interrupted = listing();
        Path other = anotherBundle();
        CliRun refused = CliRun.of("import", "--target", targetUri(), other.toString(), "--resume", "--yes",
                "--no-progress");
        observed.exitCode(refused.exitCode());
        observed.message(Observed.firstErrorLine(refused));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(Observed.firstErrorLine(refused)).startsWith("Error: The interrupted import of ConferenceApp in"
                + " this target, started ").contains("was of another bundle").endsWith("roll it back and start"
                + " over.");
        assertThat(listing().counts()).isEqualTo(interrupted.counts());
        observed.note("Refused in one sentence with exit 2; the target, its working collections included, as the"
                + " killed import left it. The resume with the right bundle then worked.");
        resume(observed);
        assertLikeAFreshImport(observed);
    }

    private void killAt(Predicate<WireProxy.Command> point, int nth, Observed observed, String... extra) {
        killAt(point, nth, observed, () -> { }, extra);
    }

    /** Starts the import through the proxy and kills it with SIGKILL at the {@code nth} command matching. */
    private void killAt(Predicate<WireProxy.Command> point, int nth, Observed observed, Runnable beforeKill,
                        String... extra) {
        AtomicReference<Process> tool = new AtomicReference<>();
        AtomicReference<WireProxy.Command> killedAt = new AtomicReference<>();
        // Killed as the command arrives; the proxy lets it through after, as a network would have delivered it.
        // (Not holding the other connections meanwhile, so that the journal can be written while beforeKill waits.)
        proxy.addRule(WireProxy.Rule.atNth(point, nth, command -> {
            beforeKill.run();
            killedAt.set(command);
            tool.get().destroyForcibly();
        }));
        List<String> args = new java.util.ArrayList<>(List.of("import", "--target", proxy.uri("", ""),
                ConferenceBundle.file().toString(), "--yes", "--no-progress", "--batch-documents", "4"));
        args.addAll(List.of(extra));
        try {
            int run = runs.incrementAndGet();
            tool.set(ChildJvm.command(home, args.toArray(String[]::new))
                    .redirectOutput(home.resolve("out-" + run + ".txt").toFile())
                    .redirectError(home.resolve("err-" + run + ".txt").toFile()).start());
            assertThat(tool.get().waitFor(120, TimeUnit.SECONDS)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(killedAt.get()).as("the kill point was reached").isNotNull();
        observed.note("Killed at `" + killedAt.get() + "`.");
    }

    /** Waits (holding the proxy) until the journal records documents of {@code collection} as acknowledged. */
    private void waitForAcknowledged(String collection) {
        long deadline = System.currentTimeMillis() + 10_000;
        try (MongoClient client = MongoClients.create(targetUri())) {
            while (System.currentTimeMillis() < deadline) {
                Document journal = client.getDatabase("apiomat").getCollection(WorkingNames.journal(
                        ConferenceBundle.APP)).find().first();
                boolean recorded = journal != null && journal.getList("entries", Document.class).stream()
                        .anyMatch(entry -> entry.getString("database").equals("ConferenceApp")
                                && entry.getString("collection").equals(collection)
                                && entry.get("load", Document.class).getLong("acknowledged") > 0);
                if (recorded) {
                    return;
                }
                sleep(20);
            }
        }
    }

    private CliRun resume(Observed observed) {
        CliRun resumed = CliRun.of("import", "--target", targetUri(), ConferenceBundle.file().toString(), "--resume",
                "--yes", "--no-progress");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("PASSED").contains("Recovered: Resuming the interrupted import started");
        String note = resumed.out().lines().filter(line -> line.startsWith("Note: resumed")).findFirst().orElse("");
        observed.exitCode(0);
        observed.message(note);
        return resumed;
    }

    /**
     * The target is what a fresh import of the bundle into the demo target gives: every database but the metadata
     * byte for byte, the metadata equal by natural keys (an entity whose id the target uses for something else gets
     * a new ObjectId, in every import another one), as {@code verify} compares them.
     */
    private void assertLikeAFreshImport(Observed observed) {
        try (MongoClient client = MongoClients.create(targetUri())) {
            Map<String, Map<String, List<String>>> fresh = new TreeMap<>(freshImport());
            Map<String, Map<String, List<String>>> resumed = new TreeMap<>(TargetSnapshot.of(client));
            fresh.remove("apiomat");
            resumed.remove("apiomat");
            assertThat(TargetSnapshot.differences(fresh, resumed)).as("databases that differ from a fresh import's")
                    .isEmpty();
            assertThat(Listing.of(client).counts().keySet()).noneMatch(name -> name.contains("__aom"));
        }
        CliRun compared = CliRun.of("verify", ConferenceBundle.APP, "--source", freshUri, "--target", targetUri());
        assertThat(compared.exitCode()).as(compared.out() + compared.err()).isZero();
        observed.note("The target equals the demo target after a fresh import of the bundle: every application"
                + " database byte for byte, the metadata by `verify`.");
    }

    private static synchronized Map<String, Map<String, List<String>>> freshImport() {
        if (freshImport == null) {
            freshServer = EmbeddedServer.inMemory();
            freshUri = freshServer.uri();
            try (MongoClient client = MongoClients.create(freshUri)) {
                DemoInstallation.writeTarget(client, DemoScale.TESTS);
                CliRun fresh = CliRun.of("import", "--target", freshUri, ConferenceBundle.file().toString(),
                        "--yes", "--no-progress");
                assertThat(fresh.exitCode()).as(fresh.err()).isZero();
                freshImport = TargetSnapshot.of(client);
            }
        }
        return freshImport;
    }

    /** Another export of the same application (another bundle: another manifest). */
    private Path anotherBundle() throws IOException {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(server.uri())) {
            DemoInstallation.writeSource(client, DemoScale.TESTS);
            Path out = Files.createDirectories(home).resolve("other.aombundle");
            return new ExportJob(server.settings(), ConferenceBundle.APP, Selection.everything(), out,
                    ExtractionProfile.defaults(), ExportOptions.defaults()).run(ProgressListener.NONE,
                    CancellationToken.none()).bundle();
        }
    }
}
