package aom.migration.cli;

import aom.migration.demo.EmbeddedServer;
import aom.migration.model.PasswordHash;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static aom.migration.cli.ImportFixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} of a bundle through the command line. The demo servers are shared where a test changes nothing
 * (dry run, refusals); tests that import get a fresh demo target.
 */
class ImportCommandTest extends ConferenceBundleTests {

    private static final Pattern SYSTEM_LINE = Pattern.compile("^(LIVE|STAGING|TEST): (?:\\S+ -> )?(\\S+).*$");
    private static final Pattern CHANGE_LINE = Pattern.compile("^  (replace|drop)\\s+(\\S+)\\s+(\\d+) document\\(s\\)"
            + " now.*$");


    @Test
    void importWithYesReplacesTheOldVersionKeepsTheTargetsBasicsAndLeavesHelpDeskUntouched() {
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            MongoDatabase apiomat = target.getDatabase("apiomat");
            Object basics = module(apiomat, "Basics").get("_id");
            Object user = apiomat.getCollection("metamodels")
                    .find(new Document("moduleId", basics).append("name", "User")).first().get("_id");
            Object sourceBasics = module(source.getDatabase("apiomat"), "Basics").get("_id");
            Map<String, List<String>> helpDeskLive = TargetSnapshot.of(target.getDatabase("HelpDesk"));
            Map<String, List<String>> helpDeskTest = TargetSnapshot.of(target.getDatabase("HelpDesk-test"));
            Map<String, String> helpDeskMetadata = ImportFixtures.metadataSlice(target, "HelpDesk");
            Map<String, String> passwordsBefore = passwords(apiomat);

            CliRun run = CliRun.of("import", "--target", server.uri(), bundle.toString(), "--yes",
                    "--reset-passwords", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Import plan for ConferenceApp", "Drop warnings:",
                    "ConferenceApp.ConferenceCore_LegacyBadge: 24 document(s) will be dropped",
                    "Verification of ConferenceApp", "PASSED", "Report saved to ");
            assertThat(apiomat.getCollection("modules").countDocuments(new Document("name", "Basics"))).isEqualTo(1);
            assertThat(module(apiomat, "Basics").get("_id")).isEqualTo(basics);
            Document app = apiomat.getCollection("applications").find(new Document("applicationName", APP)).first();
            Document sourceApp = source.getDatabase("apiomat").getCollection("applications")
                    .find(new Document("applicationName", APP)).first();
            assertThat(app.get("usedModules")).isEqualTo(sourceApp.get("usedModules"));
            assertThat(apiomat.getCollection("modules").countDocuments(new Document("name", "Speakers")
                    .append("version", "1.2.0"))).isZero();
            Object core = apiomat.getCollection("modules")
                    .find(new Document("name", "ConferenceCore").append("version", "2.1.0")).first().get("_id");
            assertThat(apiomat.getCollection("metamodels").find(new Document("moduleId", core)
                    .append("name", "Person")).first().get("parentMetaModelId")).isEqualTo(user);
            List<Object> sourceBasicsIds = new ArrayList<>(List.of(sourceBasics));
            source.getDatabase("apiomat").getCollection("metamodels").find(new Document("moduleId", sourceBasics))
                    .forEach(basicsClass -> sourceBasicsIds.add(basicsClass.get("_id")));
            for (String field : List.of("moduleId", "parentMetaModelId", "metaModelId", "refMetaModelId")) {
                for (String collection : List.of("metamodels", "metamodelattributes")) {
                    assertThat(apiomat.getCollection(collection).countDocuments(
                            new Document(field, new Document("$in", sourceBasicsIds))))
                            .as(collection + "." + field + " pointing at the source's Basics").isZero();
                }
            }
            assertThat(target.getDatabase(APP).listCollectionNames()).doesNotContain("ConferenceCore_LegacyBadge");
            assertThat(TargetSnapshot.of(target.getDatabase("HelpDesk"))).isEqualTo(helpDeskLive);
            assertThat(TargetSnapshot.of(target.getDatabase("HelpDesk-test"))).isEqualTo(helpDeskTest);
            assertThat(ImportFixtures.metadataSlice(target, "HelpDesk")).isEqualTo(helpDeskMetadata);
            Map<String, String> passwordsAfter = passwords(apiomat);
            for (String inserted : List.of("bob@shop.example", "dave@partner.example", "erin@venues.example")) {
                assertThat(passwordsBefore).doesNotContainKey(inserted);
                assertThat(PasswordHash.matches("secret", passwordsAfter.get(inserted))).as(inserted).isTrue();
            }
            for (String kept : List.of("alice@conference.example", "apiomat-admin", "grace@helpdesk.example")) {
                assertThat(passwordsAfter.get(kept)).as(kept).isEqualTo(passwordsBefore.get(kept));
            }
        }
    }

    @Test
    void thePrintedPlanCountsEqualTheTargetsAndADryRunChangesNothing() {
        MongoClient target = MongoClients.create(demo.target().uri());
        try (target) {
            Map<String, Map<String, List<String>>> before = TargetSnapshot.of(target);

            CliRun run = CliRun.of("import", "--target", demo.target().uri(), bundle.toString(), "--dry-run");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Dry run: nothing was written.").doesNotContain("Verification of");
            assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target))).isEmpty();
            int compared = 0;
            String database = null;
            for (String line : run.out().split("\n")) {
                Matcher system = SYSTEM_LINE.matcher(line);
                Matcher change = CHANGE_LINE.matcher(line);
                if (system.matches()) {
                    database = system.group(2);
                } else if (change.matches()) {
                    assertThat(Long.parseLong(change.group(3))).as(line).isEqualTo(target.getDatabase(database)
                            .getCollection(change.group(2)).countDocuments());
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(5);
        }
    }

    @Test
    void withoutYesAndWithoutAConsoleTheImportIsRefusedAndNothingChanges() {
        try (MongoClient target = MongoClients.create(demo.target().uri())) {
            Map<String, Map<String, List<String>>> before = TargetSnapshot.of(target);

            CliRun run = CliRun.of("import", "--target", demo.target().uri(), bundle.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(run.out()).contains("Drop warnings:");
            assertThat(run.err()).contains("Not imported: there is no terminal to confirm on").contains("--yes");
            assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target))).isEmpty();
        }
    }

    @Test
    void aMistypedApplicationNameRefusesTheImport() {
        try (MongoClient target = MongoClients.create(demo.target().uri())) {
            Map<String, Map<String, List<String>>> before = TargetSnapshot.of(target);

            CliRun run = withAnswer("conferenceapp", "import", "--target", demo.target().uri(), bundle.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(run.err()).contains("Not imported: 'conferenceapp' is not ConferenceApp");
            assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target))).isEmpty();
        }
    }

    @Test
    void aBundleWithOneFlippedByteIsRefusedNamingTheEntryAndTheTargetIsUnchanged(@TempDir Path dir)
            throws Exception {
        String entry = ImportFixtures.bsonEntry(bundle, APP);
        Path damaged = ImportFixtures.flipOneByte(bundle, entry, dir.resolve("damaged.aombundle"));
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            Map<String, Map<String, List<String>>> before = TargetSnapshot.of(target);

            CliRun run = CliRun.of("import", "--target", server.uri(), damaged.toString(), "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains(entry).contains("damaged").contains("the target is as it was");
            assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target))).isEmpty();
        }
    }

    @Test
    void importingTheSameBundleTwiceGivesTheSameTargetAndTypingTheNameConfirms() {
        try (EmbeddedServer server = ImportFixtures.demoTarget();
             MongoClient target = MongoClients.create(server.uri())) {
            CliRun first = withAnswer(APP, "import", "--target", server.uri(), bundle.toString(), "--no-progress");
            assertThat(first.exitCode()).as(first.err()).isZero();
            Map<String, Map<String, List<String>>> once = TargetSnapshot.of(target);

            CliRun second = CliRun.of("import", "--target", server.uri(), bundle.toString(), "--yes",
                    "--no-progress");

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out().lines().filter(line -> line.startsWith("Metadata (apiomat): ")))
                    .singleElement().asString().contains("identical").doesNotContain("new", "overwrite", "removed");
            assertThat(TargetSnapshot.differences(once, TargetSnapshot.of(target))).isEmpty();
        }
    }

    @Test
    void importIntoAnEmptyInstallationCreatesTheApplication() {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient target = MongoClients.create(server.uri())) {
            CliRun run = CliRun.of("import", "--target", server.uri(), bundle.toString(), "--yes", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("(new database)").contains("PASSED");
            for (String database : List.of(APP, APP + "-staging", APP + "-test")) {
                assertThat(TargetSnapshot.of(target.getDatabase(database))).as(database)
                        .isEqualTo(TargetSnapshot.of(source.getDatabase(database)));
            }
            assertThat(target.getDatabase("apiomat").getCollection("applications")
                    .countDocuments(new Document("applicationName", APP))).isEqualTo(1);
        }
    }

    @Test
    void badInputAndAnUnreachableTargetGetTheirExitCodes(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a bundle, not a dump");
        CliRun unknown = CliRun.of("import", "--target", demo.target().uri(), text.toString(), "--yes");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("is neither a migration bundle");

        CliRun otherApp = CliRun.of("import", "--target", demo.target().uri(), bundle.toString(), "--app", "ShopApp");
        assertThat(otherApp.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(otherApp.err()).contains("The bundle holds the application ConferenceApp, not ShopApp");

        CliRun unreachable = CliRun.of("import", "--target", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300",
                bundle.toString(), "--yes");
        assertThat(unreachable.exitCode()).as(unreachable.err()).isEqualTo(ExitCode.FAILED);
    }

    /** Runs the command line with a console on which the user types {@code answer}. */
    static CliRun withAnswer(String answer, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = MigrationCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        ImportCommand command = commandLine.getSubcommands().get("import").getCommand();
        command.confirmation = prompt -> Optional.of(answer);
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    private static Document module(MongoDatabase apiomat, String name) {
        return apiomat.getCollection("modules").find(new Document("name", name)).first();
    }

    private static Map<String, String> passwords(MongoDatabase apiomat) {
        Map<String, String> passwords = new HashMap<>();
        apiomat.getCollection("customers").find()
                .forEach(customer -> passwords.put(customer.getString("userName"), customer.getString("password")));
        return passwords;
    }
}
