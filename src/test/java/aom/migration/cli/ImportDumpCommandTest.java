package aom.migration.cli;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.dump.ArchiveHeader;
import aom.migration.dump.ArchiveWriter;
import aom.migration.dump.DumpContents;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static aom.migration.cli.ImportFixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code import} of mongodump output (a directory, a gzipped archive) through the command line. */
class ImportDumpCommandTest {

    private static EmbeddedServer sourceServer;
    private static MongoClient source;
    private static Path directory;
    private static Path archive;

    @TempDir
    static Path shared;

    /**
     * A dump of ConferenceApp's LIVE database under its own name, its TEST database under a name no convention
     * proposes, and ShopApp's LIVE database, which belongs to no system of ConferenceApp.
     */
    @BeforeAll
    static void writeDumps() throws Exception {
        sourceServer = EmbeddedServer.inMemory();
        source = MongoClients.create(sourceServer.uri());
        DemoInstallation.writeSource(source, DemoScale.TESTS);
        Map<String, String> databases = new LinkedHashMap<>();
        databases.put(APP, APP);
        databases.put(APP + "-test", "conference_test_copy");
        databases.put("ShopApp", "ShopApp");
        directory = ImportFixtures.writeDumpDirectory(source, shared, databases);
        archive = shared.resolve("conference.archive.gz");
        try (DumpContents dump = DumpContents.open(directory)) {
            ArchiveWriter.write(archive, true, ArchiveHeader.forExport("7.0.0"), dump.collections());
        }
    }

    @AfterAll
    static void stop() {
        source.close();
        sourceServer.close();
    }

    @Test
    void aDumpDirectoryImportsWithAppAndMapAndLeavesTheMetadataAndOtherSystemsAlone() {
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            Map<String, List<String>> metadata = TargetSnapshot.of(target.getDatabase("apiomat"));
            Map<String, List<String>> staging = TargetSnapshot.of(target.getDatabase(APP + "-staging"));

            CliRun run = CliRun.of("import", "--target", server.uri(), directory.toString(), "--app", APP,
                    "--map", "conference_test_copy=TEST", "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("mongodump directory")
                    .contains("The dump's database ConferenceApp is loaded as LIVE.")
                    .contains("The dump's database conference_test_copy is loaded as TEST.")
                    .contains("The dump's database ShopApp is skipped")
                    .contains("A dump holds no metadata")
                    .contains("TEST: conference_test_copy -> ConferenceApp-test (new database)")
                    .contains("PASSED");
            assertImported(target);
            assertThat(TargetSnapshot.of(target.getDatabase("apiomat"))).isEqualTo(metadata);
            assertThat(TargetSnapshot.of(target.getDatabase(APP + "-staging"))).isEqualTo(staging);
            assertThat(target.listDatabaseNames()).doesNotContain("ShopApp", "conference_test_copy");
        }
    }

    @Test
    void aGzippedArchiveImportsWithAppAndMapAndSystems() throws Exception {
        try (InputStream in = Files.newInputStream(archive)) {
            assertThat(in.readNBytes(2)).containsExactly(0x1f, 0x8b);
        }
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            Map<String, List<String>> live = TargetSnapshot.of(target.getDatabase(APP));

            CliRun run = CliRun.of("import", "--target", server.uri(), archive.toString(), "--app", APP,
                    "--map", "conference_test_copy=TEST", "--systems", "TEST", "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("gzip-compressed mongodump archive")
                    .contains("The dump's database ConferenceApp is skipped").contains("PASSED");
            assertThat(TargetSnapshot.of(target.getDatabase(APP + "-test")))
                    .isEqualTo(TargetSnapshot.of(source.getDatabase(APP + "-test")));
            assertThat(TargetSnapshot.of(target.getDatabase(APP))).isEqualTo(live);
        }
    }

    @Test
    void aDumpWithoutAppOrWithAnUnknownDatabaseInMapIsBadInput() {
        CliRun withoutApp = CliRun.of("import", "--target", "mongodb://127.0.0.1:1", directory.toString(), "--yes");
        assertThat(withoutApp.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(withoutApp.err()).contains("name it with --app NAME");

        CliRun unknownDatabase = CliRun.of("import", "--target", "mongodb://127.0.0.1:1", archive.toString(),
                "--app", APP, "--map", "Nope=LIVE", "--yes");
        assertThat(unknownDatabase.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknownDatabase.err()).contains("The dump has no database 'Nope'");
    }

    private static void assertImported(MongoClient target) {
        assertThat(TargetSnapshot.of(target.getDatabase(APP))).isEqualTo(TargetSnapshot.of(source.getDatabase(APP)));
        assertThat(TargetSnapshot.of(target.getDatabase(APP + "-test")))
                .isEqualTo(TargetSnapshot.of(source.getDatabase(APP + "-test")));
    }
}
