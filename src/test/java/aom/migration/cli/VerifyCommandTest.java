package aom.migration.cli;

import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static aom.migration.cli.ImportFixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code verify}: one application compared between two installations. */
class VerifyCommandTest extends ConferenceBundleTests {

    private static final Pattern SAVED = Pattern.compile("Report saved to (\\S+) ");


    @Test
    void theDemoTargetsOlderVersionDiffersFromTheSource() {
        // The application as the argument, as export takes it too.
        CliRun run = CliRun.of("verify", APP, "--source", demo.source().uri(), "--target", demo.target().uri());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("Result: DIFFERENT")
                .contains("ConferenceApp.ConferenceCore_LegacyBadge")
                .contains("module Speakers 1.3.0 is missing in the target's ConferenceApp")
                .contains("module Speakers 1.2.0 is only in the target's ConferenceApp");
    }

    @Test
    void afterAnImportVerifyReportsEqualAndAfterChangingOneDocumentDifferent() throws Exception {
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            CliRun imported = CliRun.of("import", "--target", server.uri(), bundle.toString(), "--yes",
                    "--reset-passwords", "--no-progress");
            assertThat(imported.exitCode()).as(imported.err()).isZero();

            CliRun equal = verify(server.uri());

            assertThat(equal.exitCode()).as(equal.out() + equal.err()).isZero();
            assertThat(equal.out()).contains("Result: EQUAL")
                    .containsPattern("LIVE +ConferenceApp\\.Speakers_Talk +24 +24 +equal")
                    .containsPattern("META +modules +5 +5 +equal");
            Matcher saved = SAVED.matcher(equal.out());
            assertThat(saved.find()).isTrue();
            assertThat(Files.readString(Path.of(saved.group(1)))).contains("Result: EQUAL");

            target.getDatabase(APP + "-staging").getCollection("Speakers_Talk")
                    .updateOne(new Document(), Updates.set("title", "Changed after the import"));
            MongoDatabase apiomat = target.getDatabase("apiomat");
            Object speakers = apiomat.getCollection("modules")
                    .find(new Document("name", "Speakers").append("version", "1.3.0")).first().get("_id");
            apiomat.getCollection("metamodels").updateOne(new Document("moduleId", speakers)
                    .append("name", "Talk"), Updates.set("isInvisible", true));

            CliRun different = verify(server.uri());

            assertThat(different.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(different.out()).contains("Result: DIFFERENT (2 differences)")
                    .contains("STAGING ConferenceApp-staging.Speakers_Talk: the documents differ (same count, 12)")
                    .contains("class Speakers 1.3.0 / Talk differs")
                    .containsPattern("STAGING +ConferenceApp-staging\\.Speakers_Talk +12 +12 +content differs");
        }
    }

    @Test
    void anUnknownApplicationIsBadInput() {
        CliRun run = CliRun.of("verify", "--source", demo.source().uri(), "--target", demo.target().uri(),
                "--app", "Nope");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("There is no application 'Nope'");
        CliRun none = CliRun.of("verify", "--source", demo.source().uri(), "--target", demo.target().uri());
        assertThat(none.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).isEqualTo("Error: Name the application: verify <App> (or --app <App>); the apps"
                + " command lists the source's applications" + System.lineSeparator());
    }

    private static CliRun verify(String target) {
        return CliRun.of("verify", "--source", demo.source().uri(), "--target", target, "--app", APP);
    }
}
