package aom.migration.cli;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.demo.EmbeddedServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class AppsCommandTest {

    private static DemoServers demo;

    @BeforeAll
    static void start() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void listsEveryApplicationWithNamingAndDatabases() {
        CliRun run = CliRun.of("apps", "--source", demo.source().uri());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("3 applications");
        assertThat(run.out()).containsPattern(
                "ConferenceApp +Conference App +alice@conference\\.example +dashed +ConferenceApp \\(\\d+ docs\\)"
                        + " +ConferenceApp-staging \\(\\d+ docs\\) +ConferenceApp-test \\(\\d+ docs\\)");
        assertThat(run.out()).containsPattern("ShopApp +Shop App +bob@shop\\.example +suffixed +ShopApp \\(\\d+ docs\\)"
                + " +- +ShopAppTEST \\(\\d+ docs\\)");
        assertThat(run.out()).contains("Note: Only the LIVE database FleetTracker exists");
    }

    @Test
    void aServerWithoutTheApiomatDatabaseIsNamedForWhatItIs() {
        try (EmbeddedServer other = EmbeddedServer.inMemory()) {
            CliRun empty = CliRun.of("apps", "--source", other.uri());
            assertThat(empty.exitCode()).isZero();
            assertThat(empty.out()).contains("0 applications" + System.lineSeparator() + "Note: It has no 'apiomat'"
                    + " database, so it does not look like the MongoDB of an ApiOmat installation (it has no databases"
                    + " of its own)");

            // an export's look-up reads 'apiomat', which leaves it listed but empty on this server: no difference
            assertThat(CliRun.of("export", "--source", other.uri(), "--app", "X").err()).contains("no 'apiomat'");
            assertThat(CliRun.of("apps", "--source", other.uri()).out()).contains("(it has no databases of its own)");
            try (MongoClient client = MongoClients.create(other.uri())) {
                client.getDatabase("shop").getCollection("orders").insertOne(new Document("n", 1));
                client.getDatabase("crm").getCollection("leads").insertOne(new Document("n", 1));
            }
            CliRun others = CliRun.of("apps", "--source", other.uri());
            assertThat(others.out()).containsPattern("\\(its databases: (crm, shop|shop, crm)\\)");

            CliRun export = CliRun.of("export", "--source", other.uri(), "--app", "ConferenceApp");
            assertThat(export.exitCode()).isEqualTo(2);
            assertThat(export.err()).startsWith("Error: There is no application 'ConferenceApp' on "
                    + other.settings().hostsOnly() + ": it has no 'apiomat' database, so it does not look like the"
                    + " MongoDB of an ApiOmat installation (its databases: ");
        }
    }

    @Test
    void jsonOutputCarriesCountsPerSystem() throws Exception {
        CliRun run = CliRun.of("apps", "--source", demo.target().uri(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode apps = new ObjectMapper().readTree(run.out());
        assertThat(apps).hasSize(2);
        assertThat(apps.get(0).get("name").asText()).isEqualTo("ConferenceApp");
        assertThat(apps.get(0).at("/systems/LIVE/database").asText()).isEqualTo("ConferenceApp");
        assertThat(apps.get(0).at("/systems/LIVE/documents").asLong()).isPositive();
        assertThat(apps.get(0).at("/systems/TEST").isMissingNode()).isTrue();
    }

    @Test
    void refusedConnectionIsOneLineAndExitCodeOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.of("apps", "--source", "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=1500");
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err().strip()).isEqualTo("Error: Connection refused by 127.0.0.1:" + port
                + ": nothing listens on that port; is MongoDB running?");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void malformedUriIsBadInput() {
        CliRun run = CliRun.of("apps", "--source", "mongodb://admin:pw@host:123456/");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Port must be 1-65535 (got 123456)").doesNotContain(":pw@");
    }

    @Test
    void missingSourceIsBadInput() {
        CliRun run = CliRun.of("apps", "--source", "");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("No source installation: pass --source URI or set AOM_SOURCE_URI");
    }

    @Test
    void helpAndVersionWorkWithoutADisplay() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("apps", "demo",
                "Exit codes: 0 done, 1 failed, 2 bad input, 3 refused, 130 cancelled with Ctrl+C.");
        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("ApiOmat Migration Wizard ");
        assertThat(CliRun.of("apps", "--help").out()).contains("--source=URI");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("--frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }
}
