package aom.migration.session;

import aom.migration.comparison.ComparisonReport;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.dump.ArchiveHeader;
import aom.migration.dump.ArchiveWriter;
import aom.migration.dump.DumpContents;
import aom.migration.export.ExportOptions;
import aom.migration.model.BadInputException;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.NamingDetection;
import aom.migration.model.Selection;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.DemoImport;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.ImportResult;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What both front ends drive, against real servers: a dump planned and imported, a bundle exported, an application
 * compared in two installations.
 */
class SessionTest {

    private static final String APP = "ConferenceApp";

    private static EmbeddedServer sourceServer;
    private static MongoClient source;
    private static Path archive;

    @TempDir
    static Path shared;

    /** A mongodump archive of ConferenceApp's LIVE and TEST databases and of ShopApp's LIVE database. */
    @BeforeAll
    static void writeArchive() throws Exception {
        sourceServer = EmbeddedServer.inMemory();
        source = MongoClients.create(sourceServer.uri());
        DemoInstallation.writeSource(source, DemoScale.TESTS);
        List<aom.migration.data.CollectionSource> collections = new ArrayList<>();
        for (String database : List.of(APP, APP + "-test", "ShopApp")) {
            collections.addAll(DemoImport.drain(source.getDatabase(database)));
        }
        archive = shared.resolve("conference.archive");
        ArchiveWriter.write(archive, false, ArchiveHeader.forExport("7.0.0"), collections);
    }

    @AfterAll
    static void stop() {
        source.close();
        sourceServer.close();
    }

    @Test
    void aDumpIsPlannedWithItsNotesAndRunsIntoAnEmptyTarget() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient target = MongoClients.create(server.uri());
             DumpContents dump = DumpContents.open(archive);
             PlannedImport planned = PlannedImport.plan(ConnectionSettings.fromUri(server.uri()),
                     InstanceHosts.none(), dump, new DumpChoice(APP, Map.of(), null, null), ImportOptions.defaults(),
                     CancellationToken.none())) {
            assertThat(planned.input()).isEqualTo(archive);
            assertThat(planned.notes()).contains("The dump's database ConferenceApp is loaded as LIVE.",
                    "The dump's database ConferenceApp-test is loaded as TEST.",
                    "The dump's database ShopApp is skipped: it maps to no system of ConferenceApp (use --map"
                            + " ShopApp=SYSTEM to load it).",
                    "A dump holds no metadata: the target's metadata stays as it is.",
                    "The target's metadata has no application ConferenceApp; the data is loaded anyway, but ApiOmat"
                            + " will not use it until the application exists there.");
            assertThat(planned.naming()).isEqualTo(DatabaseNaming.DASHED);
            assertThat(planned.plan().canProceed()).as(planned.plan().problems().toString()).isTrue();
            assertThat(target.listDatabaseNames().into(new ArrayList<>())).doesNotContain(APP, APP + "-test");

            ImportResult result = planned.run(ProgressListener.NONE, CancellationToken.none());

            assertThat(result.report().passed()).as(result.report().toText()).isTrue();
            for (String database : List.of(APP, APP + "-test")) {
                assertThat(TargetSnapshot.of(target.getDatabase(database)))
                        .isEqualTo(TargetSnapshot.of(source.getDatabase(database)));
            }
            assertThat(target.listDatabaseNames().into(new ArrayList<>())).doesNotContain("ShopApp", APP + "-staging");
        }
    }

    @Test
    void aDatabaseLeftOutByTheChosenSystemsIsSaidToBeLeftOutNotToMapToNothing() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             DumpContents dump = DumpContents.open(archive);
             PlannedImport planned = PlannedImport.plan(ConnectionSettings.fromUri(server.uri()),
                     InstanceHosts.none(), dump, new DumpChoice(APP, Map.of(), Set.of(SystemKind.LIVE), null),
                     ImportOptions.defaults(), CancellationToken.none())) {
            assertThat(planned.notes()).contains("The dump's database ConferenceApp-test is skipped: it holds TEST,"
                    + " which is not among the systems chosen.",
                    "The dump's database ShopApp is skipped: it maps to no system of ConferenceApp (use --map"
                            + " ShopApp=SYSTEM to load it).");
            assertThat(planned.choice().systems()).containsExactly(SystemKind.LIVE);
            assertThat(planned.plan().systems()).extracting(system -> system.system()).containsExactly(SystemKind.LIVE);
        }
    }

    @Test
    void aSystemNoDatabaseOfTheDumpMapsToIsRefusedBeforeConnecting() throws Exception {
        ConnectionSettings nobodyListens =
                ConnectionSettings.fromUri("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200");
        try (DumpContents dump = DumpContents.open(archive)) {
            assertThatThrownBy(() -> PlannedImport.plan(nobodyListens, InstanceHosts.none(), dump,
                    new DumpChoice(APP, Map.of(), Set.of(SystemKind.STAGING), null), ImportOptions.defaults(),
                    CancellationToken.none()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("No database of the dump maps to STAGING of ConferenceApp (the dump has: ConferenceApp,"
                            + " ConferenceApp-test, ShopApp); name it with --map <db>=STAGING");
        }
    }

    @Test
    void aBundleExportsWithItsSizeOnDiskAndComparesEqualAfterItsImport() throws Exception {
        Path file = shared.resolve("session-export.aombundle");
        ExportedBundle exported = new BundleExport(ConnectionSettings.fromUri(sourceServer.uri()), InstanceHosts.none(),
                APP, Selection.everything(), file, ExtractionProfile.defaults(), ExportOptions.defaults())
                .run(ProgressListener.NONE, CancellationToken.none());
        assertThat(exported.result().bundle()).isEqualTo(file);
        assertThat(exported.fileBytes()).isEqualTo(Files.size(file)).isPositive();

        try (EmbeddedServer server = EmbeddedServer.inMemory()) {
            ConnectionSettings target = ConnectionSettings.fromUri(server.uri());
            Comparison comparison = new Comparison(ConnectionSettings.fromUri(sourceServer.uri()), null, target, null,
                    null);
            assertThat(comparison.compare(APP, EnumSet.allOf(SystemKind.class), CancellationToken.none()).equal())
                    .isFalse();

            try (OpenedBundle bundle = OpenedBundle.open(file, CancellationToken.none());
                 PlannedImport planned = PlannedImport.plan(target, bundle, ImportChoice.everythingIn(bundle),
                         CancellationToken.none())) {
                assertThat(planned.input()).isEqualTo(file);
                assertThat(planned.run(ProgressListener.NONE, CancellationToken.none()).report().passed()).isTrue();
            }

            ComparisonReport after = comparison.compare(APP, EnumSet.allOf(SystemKind.class),
                    CancellationToken.none());
            assertThat(after.equal()).as(after.toText()).isTrue();
        }
    }

    @Test
    void anExportIsGivenTheMainHostsNamingOnlyWhereTheHostsCannotContradictIt() {
        NamingDetection onlyLive = NamingDetection.detect(APP, List.of(APP));
        NamingDetection detected = NamingDetection.detect(APP, List.of(APP, APP + "STAGING"));
        InstanceHosts stagingElsewhere = InstanceHosts.of(Map.of(SystemKind.STAGING,
                ConnectionSettings.fromUri("mongodb://127.0.0.1:27018")));

        assertThat(BundleExport.namingFor(onlyLive, InstanceHosts.none())).isEqualTo(DatabaseNaming.DASHED);
        assertThat(BundleExport.namingFor(onlyLive, stagingElsewhere)).isNull();
        assertThat(BundleExport.namingFor(detected, stagingElsewhere)).isEqualTo(DatabaseNaming.SUFFIXED);
    }
}
