package aom.migration.ui.pages.confirm;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.demo.EmbeddedServer;
import aom.migration.demo.MovedDatabase;
import aom.migration.model.SystemKind;
import aom.migration.mongo.Installation;
import aom.migration.progress.CancellationToken;
import aom.migration.ui.DemoBundles;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import aom.migration.ui.RecordingDialogService;
import aom.migration.session.OpenedBundle;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmViewModelTest {

    private static DemoServers demo;
    private static Path bundle;

    @TempDir
    static Path shared;
    @TempDir
    Path settings;

    private final WizardModel model = new WizardModel();

    @BeforeAll
    static void exportConferenceApp() throws IOException {
        demo = DemoServers.start(DemoScale.TESTS);
        bundle = DemoBundles.conferenceApp(demo, shared);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @AfterEach
    void closeEverything() {
        model.close();
    }

    private ConfirmViewModel page() throws IOException {
        model.chooseFlow(WizardFlow.IMPORT);
        model.chooseBundle(bundle);
        model.bundleOpened(OpenedBundle.open(bundle, CancellationToken.none()));
        model.connections().useTarget(demo.target().settings());
        ConfirmViewModel page = new ConfirmViewModel(model, new WizardServices(new RecordingDialogService(),
                new CurrentThreadTaskExecutor(), Clock.systemUTC(), settings, DemoScale.TESTS));
        page.enter();
        return page;
    }

    @Test
    void theDropWarningsListEveryReplacedOrDroppedCollectionWithTheTargetsCurrentCount() throws IOException {
        ConfirmViewModel page = page();

        Map<String, Long> onTarget = new HashMap<>();
        try (Installation target = Installation.connect(demo.target().settings())) {
            for (String database : new String[]{"ConferenceApp", "ConferenceApp-staging"}) {
                for (String collection : target.database(database).listCollectionNames()) {
                    onTarget.put(database + "." + collection,
                            target.database(database).getCollection(collection).countDocuments());
                }
            }
        }
        Map<String, Long> warned = new HashMap<>();
        page.dropWarnings().stream().filter(DropWarning::isCollection)
                .forEach(warning -> warned.put(warning.database() + "." + warning.name(), warning.targetDocuments()));

        // The target's ConferenceApp has no TEST database and no Speakers_Talk, Geo_Location or images yet:
        // every collection it has is replaced or dropped, and nothing else is.
        assertThat(warned).isEqualTo(onTarget);
        assertThat(page.dropWarnings()).filteredOn(warning -> warning.name().equals("ConferenceCore_LegacyBadge"))
                .extracting(DropWarning::action).containsOnly("dropped");
        assertThat(page.dropWarnings()).filteredOn(warning -> !warning.isCollection())
                .extracting(DropWarning::name).containsExactlyInAnyOrder("modules: Speakers 1.2.0",
                        "metamodels: Speakers 1.2.0 / Speaker", "metamodelattributes: Speakers 1.2.0 / Speaker / bio");
        assertThat(page.dropSummaryProperty().get()).isEqualTo("16 collections with 288 documents of the target"
                + " will be replaced or dropped, and 3 metadata entities removed.");
        assertThat(texts(page.notes())).contains("The database ConferenceApp-test (TEST) is created.");
        assertThat(page.figuresProperty().get().newEntities()).isEqualTo(40);
    }

    @Test
    void aTargetWhoseStagingHasItsOwnHostIsPlannedThereAndTheNoteSaysSo() throws IOException {
        try (EmbeddedServer split = EmbeddedServer.inMemory(); EmbeddedServer stagingHost = EmbeddedServer.inMemory();
             MongoClient splitClient = MongoClients.create(split.uri());
             MongoClient stagingClient = MongoClients.create(stagingHost.uri())) {
            DemoInstallation.writeTarget(splitClient, DemoScale.TESTS);
            MovedDatabase.move(splitClient, stagingClient, "ConferenceApp-staging");
            model.chooseFlow(WizardFlow.IMPORT);
            model.chooseBundle(bundle);
            model.bundleOpened(OpenedBundle.open(bundle, CancellationToken.none()));
            model.connections().useTarget(split.settings(), Map.of(SystemKind.STAGING, stagingHost.settings()));
            ConfirmViewModel page = new ConfirmViewModel(model, new WizardServices(new RecordingDialogService(),
                    new CurrentThreadTaskExecutor(), Clock.systemUTC(), settings, DemoScale.TESTS));

            page.enter();

            String host = stagingHost.settings().hostsOnly();
            assertThat(texts(page.notes())).contains("STAGING data: own host " + host);
            assertThat(texts(page.notes())).noneMatch(note -> note.contains("not used by this version"));
            assertThat(model.plannedImportProperty().get().plan().systemHosts())
                    .containsEntry(SystemKind.STAGING, host);
            // The STAGING collections are counted on their own host, where the target has them.
            assertThat(page.dropWarnings()).filteredOn(warning -> warning.database().equals("ConferenceApp-staging"))
                    .isNotEmpty();
            model.close();
        }
    }

    @Test
    void eachNoteSaysWhatItIsAboutSoThatNoneOfAPlanThatCanProceedIsAProblem() throws IOException {
        ConfirmViewModel page = page();

        assertThat(page.notes()).contains(new PlanNote(PlanNote.Kind.NEW_DATABASE,
                "The database ConferenceApp-test (TEST) is created."));
        assertThat(page.notes()).noneMatch(PlanNote::isProblem);
    }

    @Test
    void aRemovedMetadataEntityHasNoDocumentCountsAndAReplacedCollectionHasBoth() throws IOException {
        ConfirmViewModel page = page();

        assertThat(page.dropWarnings()).filteredOn(warning -> !warning.isCollection()).isNotEmpty()
                .allSatisfy(entity -> {
                    assertThat(entity.documentsNow()).isEmpty();
                    assertThat(entity.importDocuments()).isEmpty();
                });
        assertThat(page.dropWarnings()).filteredOn(warning -> warning.action().equals("replaced")).isNotEmpty()
                .allSatisfy(collection -> {
                    assertThat(collection.documentsNow()).hasValue(collection.targetDocuments());
                    assertThat(collection.importDocuments()).isPresent();
                });
    }

    @Test
    void importStaysDisabledUntilTheApplicationsNameIsTypedExactly() throws IOException {
        ConfirmViewModel page = page();
        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(page.reasonProperty().get()).isEqualTo("Type ConferenceApp exactly to enable Import.");
        assertThat(page.nextLabelProperty().get()).isEqualTo("Import");

        page.typedNameProperty().set("conferenceapp");
        assertThat(page.canGoNextProperty().get()).isFalse();
        page.typedNameProperty().set("ConferenceApp ");
        assertThat(page.canGoNextProperty().get()).isFalse();

        page.typedNameProperty().set("ConferenceApp");

        assertThat(page.canGoNextProperty().get()).isTrue();
        assertThat(page.reasonProperty().get()).isNull();
        assertThat(model.plannedImportProperty().get().plan().canProceed()).isTrue();
    }

    @Test
    void choosingLessPlansAgainAndNothingChosenDisablesImport() throws IOException {
        ConfirmViewModel page = page();
        page.typedNameProperty().set("ConferenceApp");

        page.systemProperty(SystemKind.STAGING).set(false);
        page.systemProperty(SystemKind.TEST).set(false);

        assertThat(page.dropWarnings()).filteredOn(DropWarning::isCollection).extracting(DropWarning::database)
                .containsOnly("ConferenceApp");
        assertThat(model.plannedImportProperty().get().choice().systems()).containsExactly(SystemKind.LIVE);
        assertThat(page.canGoNextProperty().get()).isTrue();

        page.systemProperty(SystemKind.LIVE).set(false);
        page.metadataProperty().set(false);

        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(page.reasonProperty().get()).isEqualTo("Select the metadata or at least one system.");
        assertThat(model.plannedImportProperty().get()).isNull();
    }

    @Test
    void enteringAgainAsksForTheNameAgain() throws IOException {
        ConfirmViewModel page = page();
        page.typedNameProperty().set("ConferenceApp");

        page.enter();

        assertThat(page.typedNameProperty().get()).isEmpty();
        assertThat(page.canGoNextProperty().get()).isFalse();
    }

    private static List<String> texts(List<PlanNote> notes) {
        return notes.stream().map(PlanNote::text).toList();
    }
}
