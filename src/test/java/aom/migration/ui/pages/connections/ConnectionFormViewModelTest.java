package aom.migration.ui.pages.connections;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.ui.ClosedPort;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.pages.connections.FieldProblems.Field;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFormViewModelTest {

    private static DemoServers demo;

    @TempDir
    Path folder;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @BeforeAll
    static void startDemo() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    private ConnectionFormViewModel form() {
        return new ConnectionFormViewModel(ConnectionRole.SOURCE, executor, dialogs,
                new SavedConnections(folder, executor));
    }

    @Test
    void anEmptyFormCannotBeUsed() {
        ConnectionFormViewModel form = form();

        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.problemSummaryProperty().get()).isEqualTo("The connection string is empty");
    }

    @Test
    void anInvalidUriSaysWhatIsWrong() {
        ConnectionFormViewModel form = form();

        form.uriProperty().set("http://db.example.com:27017");

        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.getSettings()).isNull();
        assertThat(form.problemProperty(Field.URI).get())
                .startsWith("The connection string must start with mongodb:// or mongodb+srv://");
        assertThat(form.problemSummaryProperty().get()).contains("must start with mongodb://");
    }

    @Test
    void aValidUriGivesTheSettings() {
        ConnectionFormViewModel form = form();

        form.uriProperty().set("mongodb://db1.example.com:27018/?replicaSet=rs0");

        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.problems()).isEmpty();
        assertThat(form.getSettings().hostsOnly()).isEqualTo("db1.example.com:27018");
        assertThat(form.getSettings().replicaSet()).isEqualTo("rs0");
    }

    @Test
    void aUserWithoutPasswordIsAskedForIt() {
        ConnectionFormViewModel form = form();

        form.uriProperty().set("mongodb://support@db.example.com/");

        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.problemSummaryProperty().get()).isEqualTo("User 'support' has no password");
        form.modeProperty().set(ConnectionMode.FIELDS);
        assertThat(form.userProperty().get()).isEqualTo("support");
        assertThat(form.problemProperty(Field.PASSWORD).get()).isEqualTo("Enter the password of user 'support'");
        form.passwordProperty().set("secret");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void switchingToFieldsAndBackKeepsEverything() throws Exception {
        Path ca = Files.writeString(folder.resolve("ca.pem"), "not checked here");
        ConnectionFormViewModel form = form();
        form.uriProperty().set("mongodb://support:p%40ss@db1:27017,db2:27017/?authSource=admin&replicaSet=rs0"
                + "&tls=true&readPreference=secondaryPreferred&tlsCAFile=" + ca);

        form.modeProperty().set(ConnectionMode.FIELDS);

        assertThat(form.hostsProperty().get()).isEqualTo("db1,db2");
        assertThat(form.portProperty().get()).isEqualTo("27017");
        assertThat(form.userProperty().get()).isEqualTo("support");
        assertThat(form.passwordProperty().get()).isEqualTo("p@ss");
        assertThat(form.authDatabaseProperty().get()).isEqualTo("admin");
        assertThat(form.replicaSetProperty().get()).isEqualTo("rs0");
        assertThat(form.tlsProperty().get()).isTrue();
        assertThat(form.caFileProperty().get()).isEqualTo(ca.toString());
        assertThat(form.validProperty().get()).isTrue();

        form.portProperty().set("27020");
        form.modeProperty().set(ConnectionMode.URI);

        ConnectionSettings back = ConnectionSettings.fromUri(form.uriProperty().get());
        assertThat(back.hostsOnly()).isEqualTo("db1:27020,db2:27020");
        assertThat(back.password()).isEqualTo("p@ss");
        assertThat(back.tlsCaFile()).isEqualTo(ca);
        assertThat(back.extraOptions()).containsEntry("readPreference", "secondaryPreferred");
    }

    @Test
    void aPasswordWithReservedCharactersIsEncodedByTheFieldsAndNeverShownInPieces() {
        ConnectionFormViewModel form = form();
        form.uriProperty().set("mongodb://alice:Tr0ub4dor/horse@127.0.0.1/");

        assertThat(form.validProperty().get()).isFalse();
        String shown = form.problemSummaryProperty().get() + " " + form.problemProperty(Field.URI).get();
        assertThat(shown).contains("Percent-encode reserved characters in the user name and password")
                .doesNotContain("Tr0ub4dor").doesNotContain("horse").doesNotContain("alice");

        form.uriProperty().set("mongodb://db.example.com/");
        form.modeProperty().set(ConnectionMode.FIELDS);
        form.userProperty().set("alice");
        form.passwordProperty().set("Tr0ub4dor:horse/x?y@z");
        assertThat(form.validProperty().get()).isTrue();
        form.modeProperty().set(ConnectionMode.URI);

        assertThat(form.uriProperty().get()).contains("Tr0ub4dor%3Ahorse%2Fx%3Fy%40z@db.example.com");
        assertThat(ConnectionSettings.fromUri(form.uriProperty().get()).password()).isEqualTo("Tr0ub4dor:horse/x?y@z");
    }

    @Test
    void fieldsShowTheirOwnProblems() {
        ConnectionFormViewModel form = form();
        form.modeProperty().set(ConnectionMode.FIELDS);

        assertThat(form.problemProperty(Field.HOSTS).get()).isEqualTo("Enter a host");
        form.hostsProperty().set("db.example.com");
        form.portProperty().set("70000");
        assertThat(form.problemProperty(Field.HOSTS).get()).isNull();
        assertThat(form.problemProperty(Field.PORT).get()).isEqualTo("The port must be a number from 1 to 65535");
        assertThat(form.validProperty().get()).isFalse();

        form.portProperty().set("");
        form.passwordProperty().set("orphan");
        assertThat(form.problemProperty(Field.USER).get()).isEqualTo("A password is set but no user name");
        form.userProperty().set("support");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.getSettings().hostsOnly()).isEqualTo("db.example.com:27017");
    }

    @Test
    void anUnreadableCaFileIsReported() {
        ConnectionFormViewModel form = form();
        Path missing = folder.resolve("missing-ca.pem");

        form.uriProperty().set("mongodb://db.example.com/?tls=true&tlsCAFile=" + missing);

        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.problemSummaryProperty().get())
                .isEqualTo("The CA file " + missing + " does not exist or cannot be read");
    }

    @Test
    void aCaFileWithoutTlsIsReported() throws Exception {
        Path ca = Files.writeString(folder.resolve("ca.pem"), "pem");
        ConnectionFormViewModel form = form();
        form.modeProperty().set(ConnectionMode.FIELDS);
        form.hostsProperty().set("db");

        form.caFileProperty().set(ca.toString());

        assertThat(form.problems()).containsExactly("A CA file or client certificate is set, but TLS is off");
        form.tlsProperty().set(true);
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void instanceHostsAreValidatedOnlyWhenSwitchedOn() {
        ConnectionFormViewModel form = form();
        form.uriProperty().set("mongodb://metadata-db/");
        form.instanceUriProperty(SystemKind.LIVE).set("not a uri");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.instanceHosts()).isEmpty();

        form.separateInstanceHostsProperty().set(true);
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.instanceProblemProperty(SystemKind.LIVE).get()).contains("must start with mongodb://");

        form.instanceUriProperty(SystemKind.LIVE).set("mongodb://live-data:27018/");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.instanceHosts()).containsOnlyKeys(SystemKind.LIVE);
        assertThat(form.instanceHosts().get(SystemKind.LIVE).hostsOnly()).isEqualTo("live-data:27018");
    }

    @Test
    void testConnectionShowsServerAndApplications() {
        ConnectionFormViewModel form = form();
        form.uriProperty().set(demo.source().uri());

        form.testConnection();

        assertThat(form.tester().errorProperty().get()).isNull();
        ConnectionCheck found = form.tester().resultProperty().get();
        assertThat(found.server()).startsWith("MongoDB ").contains("standalone");
        assertThat(found.applications()).containsExactly("ConferenceApp", "FleetTracker", "ShopApp");
        assertThat(form.tester().testingProperty().get()).isFalse();
    }

    @Test
    void testConnectionToAClosedPortGivesAReadableError() {
        ConnectionFormViewModel form = form();
        form.uriProperty().set(ClosedPort.uri());

        form.testConnection();

        assertThat(form.tester().resultProperty().get()).isNull();
        assertThat(form.tester().errorProperty().get()).startsWith("Connection refused by 127.0.0.1:")
                .endsWith("nothing listens on that port; is MongoDB running?");
    }

    @Test
    void changingTheConnectionForgetsTheLastTest() {
        ConnectionFormViewModel form = form();
        form.uriProperty().set(demo.source().uri());
        form.testConnection();

        form.uriProperty().set(demo.target().uri());

        assertThat(form.tester().resultProperty().get()).isNull();
    }

    @Test
    void aSavedProfileWithoutPasswordOpensTheFieldsToAskForIt() {
        ConnectionFormViewModel form = form();
        ConnectionSettings settings = ConnectionSettings.fromUri("mongodb://support:pw@db.example.com/");

        form.loadProfile(ConnectionProfile.of("Prod", settings, Map.of(), false));

        assertThat(form.modeProperty().get()).isEqualTo(ConnectionMode.FIELDS);
        assertThat(form.userProperty().get()).isEqualTo("support");
        assertThat(form.passwordProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void savingAProfileAsksForANameAndStoresIt() {
        ConnectionFormViewModel form = form();
        form.uriProperty().set("mongodb://support:pw@db.example.com/?serverSelectionTimeoutMS=2000");
        dialogs.textAnswer = "Production";

        form.saveProfile();

        assertThat(new ConnectionProfiles(folder).load()).singleElement().satisfies(profile -> {
            assertThat(profile.name()).isEqualTo("Production");
            assertThat(profile.uri()).doesNotContain("pw");
            assertThat(ConnectionSettings.fromUri(profile.uri()).serverSelectionTimeout())
                    .isEqualTo(Duration.ofSeconds(2));
        });
    }
}
