package aom.migration.cli;

import aom.migration.demo.EmbeddedServer;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static aom.migration.cli.ImportFixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code import --as NAME} and {@code import --map SYSTEM=SYSTEM} of a bundle (DESIGN.md section 7). */
class ImportPlacementTest extends ConferenceBundleTests {

    private static final List<String> ORIGINAL = List.of("ConferenceApp", "ConferenceApp-staging");

    @Test
    void conferenceAppImportedAsConferenceCopyBesideTheOriginalLeavesTheOriginalUntouched() {
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            Map<String, Map<String, List<String>>> originalData = new TreeMap<>();
            ORIGINAL.forEach(database -> originalData.put(database, TargetSnapshot.of(target.getDatabase(database))));
            Map<String, BsonDocument> apiomatBefore = documents(target.getDatabase("apiomat"));

            CliRun run = CliRun.of("import", "--target", server.uri(), bundle.toString(), "--as", "ConferenceCopy",
                    "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Import plan for ConferenceCopy")
                    .contains("Placement: ConferenceApp is imported as ConferenceCopy")
                    .contains("LIVE: ConferenceApp -> ConferenceCopy (new database)")
                    .contains("Note: ConferenceApp is imported as ConferenceCopy").contains("PASSED");
            for (String suffix : List.of("", "-staging", "-test")) {
                assertThat(TargetSnapshot.of(target.getDatabase("ConferenceCopy" + suffix))).as(suffix)
                        .isEqualTo(TargetSnapshot.of(source.getDatabase(APP + suffix)));
            }
            Document copy = target.getDatabase("apiomat").getCollection("applications")
                    .find(new Document("applicationName", "ConferenceCopy")).first();
            assertThat(copy).isNotNull();
            assertThat(copy.getString("applicationDisplayName")).isEqualTo("ConferenceCopy");
            // Nothing of the original changed: its databases and every metadata document the target had.
            ORIGINAL.forEach(database -> assertThat(TargetSnapshot.of(target.getDatabase(database))).as(database)
                    .isEqualTo(originalData.get(database)));
            Map<String, BsonDocument> apiomatAfter = documents(target.getDatabase("apiomat"));
            apiomatBefore.forEach((id, document) -> assertThat(apiomatAfter.get(id)).as(id).isEqualTo(document));
            assertThat(target.getDatabase("apiomat").getCollection("applications")
                    .countDocuments(new Document("applicationName", APP))).isEqualTo(1);
        }
    }

    @Test
    void anInvalidNameOrAnExistingOneWithoutReplaceIsRefusedInOneSentence() {
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            Map<String, Map<String, List<String>>> before = TargetSnapshot.of(target);

            CliRun invalid = CliRun.of("import", "--target", server.uri(), bundle.toString(), "--as", "Conference.Copy",
                    "--yes", "--no-progress");
            CliRun existing = CliRun.of("import", "--target", server.uri(), bundle.toString(), "--as", "HelpDesk",
                    "--yes", "--no-progress");

            assertThat(invalid.exitCode()).isEqualTo(2);
            assertThat(invalid.err().strip()).isEqualTo("Error: The application name 'Conference.Copy' contains '.',"
                    + " which MongoDB does not allow in database names (forbidden: /\\. \"$*<>:|?)"
                    .replace("(forbidden: /\\. ", "(forbidden: /\\.space "));
            assertThat(existing.exitCode()).isEqualTo(3);
            assertThat(existing.err().strip()).isEqualTo("Error: Not imported: the target already has an application"
                    + " called HelpDesk, which importing ConferenceApp as HelpDesk would replace. Pass --replace to"
                    + " confirm that, or choose another name. Nothing was changed.");
            assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target))).isEmpty();
        }
    }

    @Test
    void theBundlesLiveDataGoesIntoStagingAndTheOtherSystemsStayAsTheyAre() {
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            Map<String, List<String>> liveBefore = TargetSnapshot.of(target.getDatabase(APP));

            CliRun run = CliRun.of("import", "--target", server.uri(), bundle.toString(), "--map", "LIVE=STAGING",
                    "--map", "STAGING=SKIP", "--map", "TEST=SKIP", "--no-metadata", "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Placement: the bundle's LIVE data goes into STAGING"
                            + " (ConferenceApp-staging)")
                    .contains("STAGING: ConferenceApp -> ConferenceApp-staging").doesNotContain("\nLIVE:")
                    .contains("Note: the bundle's LIVE data goes into STAGING").contains("PASSED");
            assertThat(TargetSnapshot.of(target.getDatabase(APP + "-staging")))
                    .isEqualTo(TargetSnapshot.of(source.getDatabase(APP)));
            assertThat(TargetSnapshot.of(target.getDatabase(APP))).isEqualTo(liveBefore);
            assertThat(target.listDatabaseNames().into(new ArrayList<>())).doesNotContain(APP + "-test");
        }
    }

    @Test
    void twoSystemsIntoOneIsRefusedInOneSentence() {
        CliRun run = CliRun.of("import", "--target", demo.target().uri(), bundle.toString(), "--map", "LIVE=STAGING",
                "--yes", "--no-progress");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("Error: The bundle's LIVE and STAGING data would both go into STAGING;"
                + " map one of them elsewhere or leave it out (--map LIVE=SKIP, or --map STAGING=SKIP)");
    }

    @Test
    void aSuffixedApplicationsLiveDataGoesIntoItsTestDatabase(@TempDir Path dir) throws Exception {
        Path shop = new ExportJob(demo.source().settings(), "ShopApp", Selection.everything(),
                dir.resolve("shop.aombundle"), ExtractionProfile.defaults(), ExportOptions.defaults())
                .run(ProgressListener.NONE, CancellationToken.none()).bundle();
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            CliRun run = CliRun.of("import", "--target", server.uri(), shop.toString(), "--map", "LIVE=TEST",
                    "--map", "TEST=SKIP", "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Placement: the bundle's LIVE data goes into TEST (ShopAppTEST)")
                    .contains("TEST: ShopApp -> ShopAppTEST (new database)").contains("PASSED");
            assertThat(TargetSnapshot.of(target.getDatabase("ShopAppTEST")))
                    .isEqualTo(TargetSnapshot.of(source.getDatabase("ShopApp")));
            assertThat(target.listDatabaseNames().into(new ArrayList<>())).doesNotContain("ShopApp");
        }
    }

    /** Every document of every collection of a database, by collection and id. */
    private static Map<String, BsonDocument> documents(MongoDatabase database) {
        Map<String, BsonDocument> documents = new TreeMap<>();
        for (String collection : database.listCollectionNames()) {
            for (BsonDocument document : database.getCollection(collection, BsonDocument.class).find()) {
                documents.put(collection + " " + document.get("_id"), document);
            }
        }
        return documents;
    }
}
