package aom.migration.restore;

import aom.migration.demo.EmbeddedServer;
import aom.migration.demo.MovedDatabase;
import aom.migration.model.SystemKind;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** An import into a target whose STAGING database lives on a host of its own writes, checks and restores it there. */
class InstanceHostsImportTest extends ImportTestSupport {

    private static final String STAGING = "ConferenceApp-staging";

    private EmbeddedServer stagingServer;
    private MongoClient stagingClient;
    private SystemHosts hosts;
    private String stagingHost;

    @BeforeEach
    void moveStagingToItsOwnHost() {
        stagingServer = EmbeddedServer.inMemory();
        stagingClient = MongoClients.create(stagingServer.uri());
        MovedDatabase.move(target.client(), stagingClient, STAGING);
        stagingHost = stagingServer.settings().hostsOnly();
        hosts = SystemHosts.connect(target, InstanceHosts.none().with(SystemKind.STAGING, stagingServer.settings()));
    }

    @AfterEach
    void stopStagingHost() {
        hosts.close();
        stagingClient.close();
        stagingServer.close();
    }

    @Test
    void stagingDataLandsOnItsOwnHostAndTheMainHostKeepsItsOtherDatabases() {
        Map<String, Map<String, List<String>>> mainBefore = snapshot();

        ImportResult result = splitJob(ImportJob.Checkpoint.NONE).run(ProgressListener.NONE, CancellationToken.none());

        assertThat(result.report().passed()).as(String.join("; ", result.report().problems())).isTrue();
        assertThat(TargetSnapshot.of(stagingClient.getDatabase(STAGING)))
                .isEqualTo(TargetSnapshot.of(source.getDatabase(STAGING)));
        Map<String, Map<String, List<String>>> mainAfter = snapshot();
        assertThat(mainAfter).doesNotContainKey(STAGING);
        assertThat(TargetSnapshot.of(target.client().getDatabase("ConferenceApp")))
                .isEqualTo(TargetSnapshot.of(source.getDatabase("ConferenceApp")));
        for (String database : mainBefore.keySet()) {
            if (!database.startsWith("ConferenceApp") && !database.equals("apiomat")) {
                assertThat(mainAfter.get(database)).as(database).isEqualTo(mainBefore.get(database));
            }
        }
        assertThat(result.report().collections()).filteredOn(check -> check.system().equals("STAGING"))
                .isNotEmpty().allMatch(check -> check.database().equals(STAGING) && check.passed());
        assertThat(result.report().collections()).anyMatch(check -> check.system().equals("LIVE"));
        assertThat(result.report().target()).contains("STAGING on " + stagingHost);
        assertThat(leftovers(stagingClient)).isEmpty();
        assertThat(importLeftovers()).isEmpty();
    }

    @Test
    void thePlanShowsTheStagingDatabaseWithItsHost() {
        ImportPlan plan = splitJob(ImportJob.Checkpoint.NONE).plan(CancellationToken.none());

        assertThat(plan.systemHosts()).containsEntry(SystemKind.STAGING, stagingHost);
        assertThat(plan.toText()).contains("STAGING: " + STAGING + " -> " + STAGING + " on " + stagingHost);
        assertThat(plan.dropWarnings()).anyMatch(line -> line.startsWith(STAGING + ".")
                && line.contains(" on " + stagingHost + ": "));
        assertThat(plan.dropWarnings()).noneMatch(line -> line.startsWith("ConferenceApp.")
                && line.contains(stagingHost));
        // The counts come from the STAGING host: the main host has no STAGING database any more.
        SystemPlan staging = plan.systems().stream().filter(s -> s.system() == SystemKind.STAGING).findFirst()
                .orElseThrow();
        assertThat(staging.targetExists()).isTrue();
        assertThat(staging.targetDocumentsReplaced()).isPositive();
    }

    @Test
    void aFailureDuringTheSwapOnTheStagingHostRollsBackBothHosts() {
        Map<String, Map<String, List<String>>> mainBefore = snapshot();
        Map<String, Map<String, List<String>>> stagingBefore = TargetSnapshot.of(stagingClient);
        ImportJob.Checkpoint failOnStaging = nth(STAGING, 2, point -> {
            throw new IllegalStateException("simulated failure on the STAGING host");
        });

        assertThatThrownBy(() -> splitJob(failOnStaging).run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("simulated failure on the STAGING host")
                .hasMessageContaining("The target was restored to its state before the import; checked: ");
        assertThat(TargetSnapshot.differences(mainBefore, snapshot())).isEmpty();
        assertThat(TargetSnapshot.differences(stagingBefore, TargetSnapshot.of(stagingClient))).isEmpty();
    }

    @Test
    void aCrashIsRecoveredOnBothHostsButOnlyWhenTheStagingHostIsGiven() {
        Map<String, Map<String, List<String>>> mainBefore = snapshot();
        Map<String, Map<String, List<String>>> stagingBefore = TargetSnapshot.of(stagingClient);
        ImportJob.Checkpoint crash = nth(STAGING, 2, point -> {
            throw new SimulatedCrash(point);
        });
        assertThat(catchThrowable(() -> splitJob(crash).run(ProgressListener.NONE, CancellationToken.none())))
                .isInstanceOf(SimulatedCrash.class);
        Document journal = apiomat().getCollection(ImportJournal.collectionName(DemoImport.APP)).find()
                .first();
        assertThat(journal.get("systemHosts", Document.class)).isEqualTo(new Document("STAGING", stagingHost));
        assertThat(leftovers(stagingClient)).isNotEmpty();
        Map<String, Map<String, List<String>>> mainCrashed = snapshot();
        Map<String, Map<String, List<String>>> stagingCrashed = TargetSnapshot.of(stagingClient);

        InterruptedImport withoutStagingHost = InterruptedImport.find(target, DemoImport.APP,
                request.targetNaming(), request.profile()).orElseThrow();
        assertThat(withoutStagingHost.describe()).anyMatch(line -> line.contains("STAGING data was written to "
                + stagingHost + ", a host this run was not given"));
        assertThatThrownBy(() -> withoutStagingHost.restore(ProgressListener.NONE))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("its STAGING data to " + stagingHost)
                .hasMessageContaining("Nothing was changed");
        assertThat(snapshot()).isEqualTo(mainCrashed);
        assertThat(TargetSnapshot.of(stagingClient)).isEqualTo(stagingCrashed);

        InterruptedImport.find(hosts, DemoImport.APP, request.targetNaming(), request.profile()).orElseThrow()
                .restore(ProgressListener.NONE);
        assertThat(TargetSnapshot.differences(mainBefore, snapshot())).isEmpty();
        assertThat(TargetSnapshot.differences(stagingBefore, TargetSnapshot.of(stagingClient))).isEmpty();
    }

    @Test
    void theNextImportWithTheSameHostsRecoversACrashAndSucceeds() {
        ImportJob.Checkpoint crash = nth(STAGING, 1, point -> {
            throw new SimulatedCrash(point);
        });
        assertThat(catchThrowable(() -> splitJob(crash).run(ProgressListener.NONE, CancellationToken.none())))
                .isInstanceOf(SimulatedCrash.class);

        ImportResult result = splitJob(ImportJob.Checkpoint.NONE).run(ProgressListener.NONE, CancellationToken.none());

        assertThat(result.recovered()).anyMatch(line -> line.contains("stopped while swapping collections"));
        assertThat(result.report().passed()).isTrue();
        assertThat(TargetSnapshot.of(stagingClient.getDatabase(STAGING)))
                .isEqualTo(TargetSnapshot.of(source.getDatabase(STAGING)));
        assertThat(leftovers(stagingClient)).isEmpty();
        assertThat(importLeftovers()).isEmpty();
    }

    private ImportJob splitJob(ImportJob.Checkpoint checkpoint) {
        return new ImportJob(hosts, target.serverInfo(), request, ImportOptions.defaults(), checkpoint);
    }

    /** Acts when the {@code nth} collection of {@code database} has been swapped in. */
    private static ImportJob.Checkpoint nth(String database, int nth, ImportJob.Checkpoint action) {
        AtomicInteger seen = new AtomicInteger();
        return point -> {
            if (point.is(ImportJob.Checkpoint.Stage.SWAPPED_ONE) && point.namespace().startsWith(database + ".")
                    && seen.incrementAndGet() == nth) {
                action.reached(point);
            }
        };
    }

    private static List<String> leftovers(MongoClient client) {
        List<String> found = new ArrayList<>();
        for (String database : client.listDatabaseNames()) {
            for (String name : client.getDatabase(database).listCollectionNames()) {
                if (name.contains("__aom")) {
                    found.add(database + "." + name);
                }
            }
        }
        return found;
    }
}
