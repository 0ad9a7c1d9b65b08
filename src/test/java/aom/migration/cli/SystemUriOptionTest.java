package aom.migration.cli;

import aom.migration.bundle.BundleReader;
import aom.migration.bundle.Manifest;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.demo.MovedDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static aom.migration.cli.ImportFixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --system-uri SYSTEM=URI} on {@code export}, {@code import} and {@code apps}. */
class SystemUriOptionTest extends ConferenceBundleTests {

    private static final String STAGING = "ConferenceApp-staging";

    @Test
    void anUnknownSystemIsABadInputWithOneLine() {
        CliRun run = CliRun.of("export", "--source", demo.source().uri(), "--app", APP,
                "--system-uri", "PROD=mongodb://h2:27017");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).contains("Unknown system 'PROD'").doesNotContain("\n");
    }

    @Test
    void anEntryWithoutSystemOrUriIsABadInput() {
        CliRun run = CliRun.of("import", "--target", demo.target().uri(), bundle.toString(), "--dry-run",
                "--system-uri", "mongodb://h2:27017");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--system-uri takes SYSTEM=URI");
    }

    @Test
    void aBadUriIsABadInputThatNamesTheSystemButNotThePassword() {
        CliRun run = CliRun.of("export", "--source", demo.source().uri(), "--app", APP,
                "--system-uri", "STAGING=mongodb://aomuser:Secr3tPass@h2:99999");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--system-uri STAGING").doesNotContain("Secr3tPass");
        assertThat(run.out()).doesNotContain("Secr3tPass");
    }

    @Test
    void aSystemGivenTwiceIsABadInput() {
        CliRun run = CliRun.of("apps", "--source", demo.source().uri(), "--system-uri", "TEST=mongodb://h2:1",
                "--system-uri", "test=mongodb://h3:1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("names TEST twice");
    }

    @Test
    void exportAndAppsReadTheStagingDatabaseFromItsOwnHost(@TempDir Path dir) throws Exception {
        try (EmbeddedServer main = EmbeddedServer.inMemory(); EmbeddedServer second = EmbeddedServer.inMemory();
             MongoClient mainClient = MongoClients.create(main.uri());
             MongoClient secondClient = MongoClients.create(second.uri())) {
            DemoInstallation.writeSource(mainClient, DemoScale.TESTS);
            MovedDatabase.move(mainClient, secondClient, STAGING);
            Path out = dir.resolve("split.aombundle");

            CliRun export = CliRun.of("export", "--source", main.uri(), "--app", APP, "--out", out.toString(),
                    "--system-uri", "STAGING=" + second.uri(), "--no-progress");
            CliRun apps = CliRun.of("apps", "--source", main.uri(), "--system-uri", "STAGING=" + second.uri());
            CliRun appsMainOnly = CliRun.of("apps", "--source", main.uri());

            assertThat(export.exitCode()).as(export.err()).isZero();
            try (BundleReader reader = BundleReader.open(out)) {
                assertThat(reader.manifest().databases()).filteredOn(db -> db.system().equals("STAGING"))
                        .singleElement().satisfies(db -> {
                            assertThat(db.name()).isEqualTo(STAGING);
                            assertThat(db.documents()).isPositive();
                            assertThat(db.hosts()).isEqualTo(second.settings().hostsOnly());
                        });
                assertThat(reader.manifest().databases()).extracting(Manifest.DatabaseInfo::system)
                        .containsExactly("LIVE", "STAGING", "TEST");
            }
            assertThat(apps.exitCode()).as(apps.err()).isZero();
            assertThat(line(apps.out(), APP)).contains(STAGING + " (");
            assertThat(line(appsMainOnly.out(), APP)).doesNotContain(STAGING);
        }
    }

    @Test
    void importWritesTheStagingDatabaseOnItsOwnHost() {
        try (EmbeddedServer main = ImportFixtures.demoTarget(); EmbeddedServer second = EmbeddedServer.inMemory();
             MongoClient mainClient = MongoClients.create(main.uri());
             MongoClient secondClient = MongoClients.create(second.uri())) {
            MovedDatabase.move(mainClient, secondClient, STAGING);

            CliRun run = CliRun.of("import", "--target", main.uri(), bundle.toString(), "--yes", "--no-progress",
                    "--system-uri", "STAGING=" + second.uri());

            assertThat(run.exitCode()).as(run.err()).isZero();
            String host = second.settings().hostsOnly();
            assertThat(run.out()).contains("STAGING: " + STAGING + " -> " + STAGING + " on " + host, "PASSED");
            assertThat(mainClient.listDatabaseNames().into(new java.util.ArrayList<>())).doesNotContain(STAGING);
            for (String collection : source.getDatabase(STAGING).listCollectionNames()) {
                assertThat(secondClient.getDatabase(STAGING).getCollection(collection).countDocuments())
                        .as(collection)
                        .isEqualTo(source.getDatabase(STAGING).getCollection(collection).countDocuments());
            }
        }
    }

    @Test
    void verifyComparesTheStagingDatabaseOnTheTargetsOwnHost() {
        try (EmbeddedServer main = ImportFixtures.demoTarget(); EmbeddedServer second = EmbeddedServer.inMemory();
             MongoClient mainClient = MongoClients.create(main.uri());
             MongoClient secondClient = MongoClients.create(second.uri())) {
            MovedDatabase.move(mainClient, secondClient, STAGING);
            CliRun imported = CliRun.of("import", "--target", main.uri(), bundle.toString(), "--yes",
                    "--reset-passwords", "--no-progress", "--system-uri", "STAGING=" + second.uri());
            assertThat(imported.exitCode()).as(imported.err()).isZero();

            CliRun withHost = CliRun.of("verify", "--source", demo.source().uri(), "--target", main.uri(),
                    "--app", APP, "--target-system-uri", "STAGING=" + second.uri());
            CliRun mainOnly = CliRun.of("verify", "--source", demo.source().uri(), "--target", main.uri(),
                    "--app", APP);
            CliRun bad = CliRun.of("verify", "--source", demo.source().uri(), "--target", main.uri(),
                    "--app", APP, "--target-system-uri", "STAGE=" + second.uri());

            assertThat(withHost.exitCode()).as(withHost.out() + withHost.err()).isZero();
            assertThat(withHost.out()).contains("Result: EQUAL", "STAGING on " + second.settings().hostsOnly())
                    .containsPattern("STAGING +" + STAGING + "\\.Speakers_Talk +\\d+ +\\d+ +equal");
            assertThat(mainOnly.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(mainOnly.out()).contains("Result: DIFFERENT");
            assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(bad.err()).contains("--target-system-uri");
        }
    }

    private static String line(String output, String app) {
        return output.lines().filter(line -> line.startsWith(app + " ")).findFirst().orElse("");
    }
}
