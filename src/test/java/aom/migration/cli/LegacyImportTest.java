package aom.migration.cli;

import aom.migration.demo.EmbeddedServer;
import aom.migration.model.PasswordHash;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static aom.migration.cli.ImportFixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

/** The old script's import form, {@code migration.jar <App> true|false <file>}. */
class LegacyImportTest extends ConferenceBundleTests {


    @Test
    void legacyFormImportsIntoAomTargetUriWithoutAskingAndResetsInsertedPasswords() {
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            Run run = legacy(Map.of("AOM_TARGET_URI", server.uri()), APP, "true",
                    bundle.toString());

            assertThat(run.code).as(run.err).isZero();
            assertThat(run.out).contains("Verification of ConferenceApp").contains("PASSED");
            assertThat(target.getDatabase(APP).listCollectionNames()).contains("Speakers_Talk")
                    .doesNotContain("ConferenceCore_LegacyBadge");
            Document bob = target.getDatabase("apiomat").getCollection("customers")
                    .find(new Document("userName", "bob@shop.example")).first();
            assertThat(PasswordHash.matches("secret", bob.getString("password"))).isTrue();
        }
    }

    @Test
    void legacyFormPrintsThePlanWithItsDropWarningsBeforeImporting() {
        try (EmbeddedServer server = ImportFixtures.demoTarget()) {
            Run run = legacy(Map.of("AOM_TARGET_URI", server.uri()), APP, "false", bundle.toString());

            assertThat(run.code).as(run.err).isZero();
            assertThat(run.out).contains("ConferenceCore_LegacyBadge");
            assertThat(run.out.indexOf("ConferenceCore_LegacyBadge")).isLessThan(run.out.indexOf("PASSED"));
        }
    }

    @Test
    void aBundleOfAnotherApplicationIsBadInput() {
        Run run = legacy(Map.of("AOM_TARGET_URI", demo.target().uri()), "ShopApp", "false",
                bundle.toString());

        assertThat(run.code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err).contains("The bundle holds the application ConferenceApp, not ShopApp");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run legacy(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LegacyCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env, shared);
        return new Run(code, out.toString(), err.toString());
    }
}
