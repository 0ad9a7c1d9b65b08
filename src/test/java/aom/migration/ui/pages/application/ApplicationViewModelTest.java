package aom.migration.ui.pages.application;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.demo.EmbeddedServer;
import aom.migration.model.AppRef;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.ui.ClosedPort;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationViewModelTest {

    private static DemoServers demo;

    @TempDir
    Path settings;

    private final WizardModel model = new WizardModel();

    @BeforeAll
    static void startDemo() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    private ApplicationViewModel page() {
        return new ApplicationViewModel(model, new WizardServices(new RecordingDialogService(),
                new CurrentThreadTaskExecutor(), Clock.systemUTC(), settings, DemoScale.TESTS));
    }

    @Test
    void listsTheSourcesApplicationsWithTheirSystems() {
        model.connections().useSource(demo.source().settings());
        ApplicationViewModel page = page();

        page.enter();

        assertThat(page.applications()).extracting(AppRef::name)
                .containsExactly("ConferenceApp", "FleetTracker", "ShopApp");
        AppRef shop = page.applications().get(2);
        assertThat(shop.naming().naming()).isEqualTo(DatabaseNaming.SUFFIXED);
        assertThat(shop.systems()).containsOnlyKeys(SystemKind.LIVE, SystemKind.TEST);
        assertThat(shop.system(SystemKind.LIVE).orElseThrow().documents()).isPositive();
        assertThat(page.statusProperty().get()).startsWith("3 applications on " + demo.source().settings()
                .hostsOnly());
        assertThat(page.canGoNextProperty().get()).isFalse();
    }

    @Test
    void selectingAnApplicationEnablesNextAndShowsItsNaming() {
        model.connections().useSource(demo.source().settings());
        ApplicationViewModel page = page();
        page.enter();

        page.selectedProperty().set(page.applications().get(0));

        assertThat(page.canGoNextProperty().get()).isTrue();
        assertThat(page.namingReportProperty().get())
                .isEqualTo("ConferenceApp: Dashed naming (ConferenceApp, ConferenceApp-staging, ConferenceApp-test)");
        page.commit();
        assertThat(model.applicationProperty().get().name()).isEqualTo("ConferenceApp");
    }

    @Test
    void theFilterMatchesNameOwnerAndModules() {
        model.connections().useSource(demo.source().settings());
        ApplicationViewModel page = page();
        page.enter();

        page.filterProperty().set("shop");
        assertThat(page.applications()).extracting(AppRef::name).containsExactly("ShopApp");
        page.filterProperty().set("FLEET");
        assertThat(page.applications()).extracting(AppRef::name).containsExactly("FleetTracker");
        page.filterProperty().set("basics");
        assertThat(page.applications()).hasSize(3);
        page.filterProperty().set("nothing like this");
        assertThat(page.applications()).isEmpty();
    }

    @Test
    void comingBackKeepsTheChosenApplicationAndDoesNotReload() {
        model.connections().useSource(demo.source().settings());
        ApplicationViewModel page = page();
        page.enter();
        page.selectedProperty().set(page.applications().get(2));
        page.commit();

        page.enter();

        assertThat(page.selectedProperty().get().name()).isEqualTo("ShopApp");
    }

    @Test
    void anUnreachableSourceShowsAReadableError() {
        model.connections().useSource(ConnectionSettings.fromUri(ClosedPort.uri()));
        ApplicationViewModel page = page();

        page.enter();

        assertThat(page.applications()).isEmpty();
        assertThat(page.loadErrorProperty().get()).startsWith("Connection refused by 127.0.0.1:");
        assertThat(page.loadingProperty().get()).isFalse();
        assertThat(page.canGoNextProperty().get()).isFalse();
    }

    @Test
    void anApplicationWithBothNamingConventionsAsksForOneAndMeasuresItsDatabases() {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(server.uri())) {
            client.getDatabase("apiomat").getCollection("applications")
                    .insertOne(new Document("applicationName", "Twins"));
            client.getDatabase("Twins").getCollection("Things").insertOne(new Document("n", 1));
            client.getDatabase("Twins-staging").getCollection("Things").insertOne(new Document("n", 2));
            client.getDatabase("TwinsSTAGING").getCollection("Things").insertMany(List.of(new Document("n", 3),
                    new Document("n", 4)));
            model.connections().useSource(server.settings());
            ApplicationViewModel page = page();
            page.enter();

            page.selectedProperty().set(page.applications().get(0));

            assertThat(page.namingChoiceNeededProperty().get()).isTrue();
            assertThat(page.namingReportProperty().get()).startsWith("Twins: Both naming conventions exist for"
                    + " Twins");
            assertThat(page.canGoNextProperty().get()).isFalse();

            page.namingChoiceProperty().set(DatabaseNaming.SUFFIXED);

            AppRef chosen = page.selectedProperty().get();
            assertThat(chosen.naming().naming()).isEqualTo(DatabaseNaming.SUFFIXED);
            assertThat(chosen.system(SystemKind.STAGING).orElseThrow().database()).isEqualTo("TwinsSTAGING");
            assertThat(chosen.system(SystemKind.STAGING).orElseThrow().documents()).isEqualTo(2);
            assertThat(page.namingReportProperty().get()).isEqualTo("Twins: Suffixed naming (chosen by the user)");
            assertThat(page.canGoNextProperty().get()).isTrue();
            assertThat(page.applications()).containsExactly(chosen);

            page.namingChoiceProperty().set(DatabaseNaming.DASHED);

            assertThat(page.selectedProperty().get().system(SystemKind.STAGING).orElseThrow().database())
                    .isEqualTo("Twins-staging");
            page.commit();
            assertThat(model.applicationProperty().get().naming().naming()).isEqualTo(DatabaseNaming.DASHED);
        }
    }
}
