package aom.migration.mongo;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.model.AppRef;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.NamingDetection;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallationTest {

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
    void listsTheDemoApplicationsWithOwnersNamingAndCounts() {
        try (Installation installation = Installation.connect(demo.source().settings())) {
            assertThat(installation.serverInfo().topology()).isEqualTo(Topology.STANDALONE);
            assertThat(installation.applications()).extracting(AppRef::name)
                    .containsExactly("ConferenceApp", "FleetTracker", "ShopApp");
            AppRef conference = installation.application("ConferenceApp");
            assertThat(conference.owner()).isEqualTo("alice@conference.example");
            assertThat(conference.displayName()).isEqualTo("Conference App");
            assertThat(conference.modules()).containsExactly("Basics", "Speakers", "ConferenceCore");
            assertThat(conference.naming().naming()).isEqualTo(DatabaseNaming.DASHED);
            assertThat(conference.systems()).containsOnlyKeys(SystemKind.LIVE, SystemKind.STAGING, SystemKind.TEST);
            assertThat(conference.system(SystemKind.LIVE).orElseThrow().documents()).isPositive();
            AppRef shop = installation.application("ShopApp");
            assertThat(shop.naming().naming()).isEqualTo(DatabaseNaming.SUFFIXED);
            assertThat(shop.systems()).containsOnlyKeys(SystemKind.LIVE, SystemKind.TEST);
            assertThat(installation.application("FleetTracker").naming().outcome())
                    .isEqualTo(NamingDetection.Outcome.ONLY_LIVE);
        }
    }

    @Test
    void measuresASystemDatabaseAsTheApplicationListDoes() {
        try (Installation installation = Installation.connect(demo.source().settings())) {
            SystemDatabase staging = installation.application("ConferenceApp").system(SystemKind.STAGING)
                    .orElseThrow();

            SystemDatabase measured = installation.systemDatabase(SystemKind.STAGING, staging.database());

            assertThat(measured).isEqualTo(staging);
            assertThat(measured.documents()).isPositive();
            assertThat(measured.collections()).isPositive();
        }
    }

    @Test
    void unknownApplicationNamesTheOnesThatExist() {
        try (Installation installation = Installation.connect(demo.source().settings())) {
            assertThatThrownBy(() -> installation.application("Nope"))
                    .isInstanceOf(UnknownApplicationException.class)
                    .hasMessageContaining("There is no application 'Nope'")
                    .hasMessageContaining("ConferenceApp, FleetTracker, ShopApp");
            assertThatThrownBy(() -> installation.application("conferenceapp"))
                    .isInstanceOf(UnknownApplicationException.class)
                    .hasMessage("There is no application 'conferenceapp' on " + installation.settings().hostsOnly()
                            + ". Did you mean 'ConferenceApp'? Application names are case-sensitive.");
        }
    }

    @Test
    void anInstallationWithManyApplicationsIsNotListedInFull() {
        List<String> known = java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(i -> "App" + i).toList();
        assertThat(new UnknownApplicationException("Nope", "h:27017", known))
                .hasMessage("There is no application 'Nope' on h:27017. Applications there: App1, App2, App3, App4,"
                        + " App5, App6, App7, App8, App9, App10, App11, App12, App13, App14, App15, App16, App17,"
                        + " App18, App19, App20 and 5 more");
    }

    @Test
    void refusedPortFailsFastWithAReadableMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionSettings settings = ConnectionSettings.of("127.0.0.1", closedPort)
                .withServerSelectionTimeout(Duration.ofSeconds(2));
        long start = System.nanoTime();
        assertThatThrownBy(() -> Installation.connect(settings))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessage("Connection refused by 127.0.0.1:" + closedPort
                        + ": nothing listens on that port; is MongoDB running?");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void unknownHostIsNamed() {
        ConnectionSettings settings = ConnectionSettings.fromUri(
                "mongodb://u:hunter2@no-such-host.invalid:27017/?serverSelectionTimeoutMS=2000");
        assertThatThrownBy(() -> Installation.connect(settings))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageStartingWith("Unknown host no-such-host.invalid:27017")
                .hasMessageNotContaining("hunter2");
    }
}
