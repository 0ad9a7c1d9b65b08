package aom.migration.cli;

import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} of real mongodump output (../shared/interop, see its INDEX.md) into an empty installation: the
 * documented counts and the indexes arrive. Skipped where the folder is absent.
 */
class ImportRealDumpsTest {

    @Test
    void aDirectoryDumpOfTools3WithAGridFsBucketImports() {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient target = MongoClients.create(server.uri())) {
            CliRun run = CliRun.of("import", "--target", server.uri(), interop("mashenjun__Project-Kaizen/dump"),
                    "--app", "Kaizen", "--map", "test=LIVE", "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("The dump's database Drello is skipped").contains("PASSED");
            MongoDatabase live = target.getDatabase("Kaizen");
            assertCounts(live, Map.of("images.files", 6L, "images.chunks", 6L));
            assertThat(indexNames(live, "images.chunks")).hasSizeGreaterThan(1);
        }
    }

    /**
     * The embedded server ignores {@code partialFilterExpression}, so a partial unique index of this dump meets
     * duplicates there (a real mongod builds it): the import must say which index failed and leave the target as
     * it was.
     */
    @Test
    void anIndexTheTargetCannotBuildStopsTheImportAndNamesIt() {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient target = MongoClients.create(server.uri())) {
            CliRun run = CliRun.of("import", "--target", server.uri(), interop("frontend-coders__trudesk/dump"),
                    "--app", "formioapp", "--yes", "--no-progress");

            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(run.err()).contains("Cannot build the indexes of formioapp.actions")
                    .contains("The target was restored to its state before the import");
            assertThat(target.listDatabaseNames().into(new ArrayList<>())).doesNotContain("formioapp");
        }
    }

    @Test
    void aGzippedArchiveOfAnotherNameImportsMappedToLive() {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient target = MongoClients.create(server.uri())) {
            CliRun run = CliRun.of("import", "--target", server.uri(), interop("uRuiz__Kenjo_Code_Challenge/dump.gz"),
                    "--app", "Kenjo", "--map", "kenjo-cd-collection=LIVE", "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("gzip-compressed mongodump archive").contains("LIVE: kenjo-cd-collection ->"
                    + " Kenjo (new database)");
            assertCounts(target.getDatabase("Kenjo"), Map.of("artists", 7L, "albums", 9L));
        }
    }

    @Test
    void aDumpGzippedPerFileImportsAndSkipsTheAdminDatabase() {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient target = MongoClients.create(server.uri())) {
            CliRun run = CliRun.of("import", "--target", server.uri(),
                    interop("josephsamijona__backend_implementation_B_Ralbatech/dump"), "--app", "ecomm3d", "--yes",
                    "--no-progress");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("The dump's database admin is skipped");
            MongoDatabase live = target.getDatabase("ecomm3d");
            assertCounts(live, Map.of("users", 6L, "products", 4L, "stores", 4L, "otps", 0L));
            assertThat(live.listCollectionNames().into(new ArrayList<>())).hasSize(11);
        }
    }

    private static String interop(String relative) {
        Path path = Path.of("..", "shared", "interop").resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "no real mongodump output at " + path.toAbsolutePath());
        return path.toString();
    }

    private static void assertCounts(MongoDatabase database, Map<String, Long> counts) {
        counts.forEach((collection, count) -> assertThat(database.getCollection(collection).countDocuments())
                .as(database.getName() + "." + collection).isEqualTo(count));
    }

    private static List<String> indexNames(MongoDatabase database, String collection) {
        List<String> names = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach((Document index) -> names.add(index.getString("name")));
        return names;
    }
}
