package aom.migration.restore;

import aom.migration.data.CollectionSource;
import aom.migration.demo.EmbeddedServer;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ServerInfo;
import aom.migration.mongo.Topology;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPlannerTest extends ImportTestSupport {

    private ImportPlan plan(ImportRequest importRequest, ServerInfo server) {
        return new ImportPlanner(target.client(), server, "target.example:27017")
                .plan(importRequest, ImportOptions.defaults(), CancellationToken.none());
    }

    private ImportRequest from(SourceDescription description, DatabaseNaming targetNaming) {
        return new ImportRequest(request.application(), targetNaming, request.data(), request.metadata(),
                request.profile(), description);
    }

    @Test
    void aTargetOlderThanTheSourceAndADifferentNamingAreWarnedAbout() {
        ImportPlan plan = plan(from(new SourceDescription("source.example", "7.0.2", DatabaseNaming.DASHED),
                DatabaseNaming.SUFFIXED), target.serverInfo());

        assertThat(plan.warnings()).anyMatch(warning -> warning.contains("older than the source's 7.0.2"))
                .anyMatch(warning -> warning.contains("the target suffixed: the data goes to ConferenceApp,"
                        + " ConferenceAppSTAGING, ConferenceAppTEST"));
        assertThat(plan.systems()).extracting(SystemPlan::targetDatabase)
                .containsExactly("ConferenceApp", "ConferenceAppSTAGING", "ConferenceAppTEST");
        assertThat(plan.systems().get(1).collections()).allMatch(c -> c.action() == CollectionAction.CREATE);
    }

    @Test
    void aShardedTargetFallsBackToDropAndLoadAndThePlanSaysSo() {
        ImportPlan plan = plan(request, new ServerInfo("6.0.0", Topology.SHARDED, null, 17));

        assertThat(plan.swapStrategy()).isEqualTo(SwapStrategy.COPY);
        assertThat(plan.warnings()).anyMatch(warning -> warning.contains("sharded cluster")
                && warning.contains("drop-and-load"));
        assertThat(plan.toText()).contains("Swap: copy");
    }

    @Test
    void aSystemWithoutDataEndsEmptyAndAnAbsentSystemIsNotTouched() {
        ImportRequest onlyStaging = new ImportRequest(request.application(), request.targetNaming(),
                Map.of(SystemKind.STAGING, List.of()), null, request.profile(), null);

        ImportPlan plan = plan(onlyStaging, target.serverInfo());

        assertThat(plan.systems()).singleElement().satisfies(system -> {
            assertThat(system.targetDatabase()).isEqualTo("ConferenceApp-staging");
            assertThat(system.collections()).isNotEmpty().allMatch(c -> c.action() == CollectionAction.DROP);
        });
        assertThat(plan.metadata()).isEmpty();
        assertThat(plan.rollbackFile()).isEmpty();
    }

    @Test
    void everySystemListsItsCollectionsByNameWhateverOrderTheBundleHoldsThem() {
        Map<SystemKind, List<CollectionSource>> reversed = new java.util.EnumMap<>(SystemKind.class);
        request.data().forEach((system, sources) -> {
            List<CollectionSource> copy = new ArrayList<>(sources);
            java.util.Collections.reverse(copy);
            reversed.put(system, copy);
        });
        ImportRequest largestFirst = new ImportRequest(request.application(), request.targetNaming(), reversed,
                request.metadata(), request.profile(), null);

        ImportPlan plan = plan(largestFirst, target.serverInfo());

        assertThat(plan.systems()).hasSize(3).allSatisfy(system -> assertThat(system.collections())
                .hasSizeGreaterThan(3).extracting(CollectionChange::collection).isSorted());
        assertThat(plan.systems().get(0).collections()).extracting(CollectionChange::action)
                .contains(CollectionAction.CREATE, CollectionAction.REPLACE, CollectionAction.DROP);
    }

    @Test
    void aTargetWithoutTheMetadataDatabaseIsWarnedAboutBeforeAnythingIsWritten() {
        try (EmbeddedServer other = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(other.uri())) {
            ImportPlan plan = new ImportPlanner(client, target.serverInfo(), "other.example:27017")
                    .plan(request, ImportOptions.defaults(), CancellationToken.none());

            assertThat(plan.warnings()).contains("other.example:27017 has no 'apiomat' database, so it does not look"
                    + " like the MongoDB of an ApiOmat installation. The import creates it with the metadata of"
                    + " ConferenceApp, as on a new installation. If the target is an existing installation, check the"
                    + " connection string.");
            // nothing written (mongo-java-server lists a database that was only read from, but empty)
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("ConferenceApp");
            assertThat(client.getDatabase("apiomat").listCollectionNames().into(new ArrayList<>())).isEmpty();
            // planned again, with that empty database listed now, it still warns
            assertThat(new ImportPlanner(client, target.serverInfo(), "other.example:27017")
                    .plan(request, ImportOptions.defaults(), CancellationToken.none()).warnings())
                    .anyMatch(warning -> warning.startsWith("other.example:27017 has no 'apiomat' database"));
        }
        assertThat(plan(request, target.serverInfo()).warnings()).noneMatch(w -> w.contains("has no 'apiomat'"));
    }

    @Test
    void aTargetThatIsTheBundlesSourceIsWarnedAbout() {
        ImportPlan elsewhere = plan(from(new SourceDescription("db2.example:27017,TARGET.example", "5.0.0",
                DatabaseNaming.DASHED), DatabaseNaming.DASHED), target.serverInfo());
        // the planner's target is "target.example:27017"
        assertThat(elsewhere.warnings()).noneMatch(warning -> warning.contains("exported from"));

        ImportPlan back = plan(from(new SourceDescription("TARGET.example", "5.0.0", DatabaseNaming.DASHED),
                DatabaseNaming.DASHED), target.serverInfo());
        assertThat(back.warnings()).contains("The target target.example:27017 is the installation the bundle was"
                + " exported from: the import replaces ConferenceApp there with the bundle's copy of it. That is right"
                + " for restoring a backup; for a migration, check the target's connection string.");

        assertThat(back.warnings()).noneMatch(warning -> warning.contains("tunnel"));
        ImportPlan tunnelled = new ImportPlanner(target.client(), target.serverInfo(), "localhost:27017")
                .plan(from(new SourceDescription("localhost", "5.0.0", DatabaseNaming.DASHED), DatabaseNaming.DASHED),
                        ImportOptions.defaults(), CancellationToken.none());
        assertThat(tunnelled.warnings()).anyMatch(warning -> warning.startsWith("The target localhost:27017 is the"
                + " installation the bundle was exported from") && warning.endsWith("(An address on this computer may"
                + " lead elsewhere now, through a tunnel or on another computer than the export's; then this does"
                + " not apply.)"));
        assertThat(ImportPlanner.loopback("localhost:27017,127.0.0.1:27018")).isTrue();
        assertThat(ImportPlanner.loopback("[::1]")).isTrue();
        assertThat(ImportPlanner.loopback("localhost,db1.example")).isFalse();

        assertThat(ImportPlanner.sameHosts("a:1,B:2", "b:2, a:1")).isTrue();
        assertThat(ImportPlanner.sameHosts("a", "A:27017")).isTrue();
        assertThat(ImportPlanner.sameHosts("a:1", "a:2")).isFalse();
        assertThat(ImportPlanner.sameHosts("[::1]", "[::1]:27017")).isTrue();
    }
}
