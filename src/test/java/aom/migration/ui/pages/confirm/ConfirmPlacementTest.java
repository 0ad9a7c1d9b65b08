package aom.migration.ui.pages.confirm;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.demo.EmbeddedServer;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.ImportResult;
import aom.migration.restore.Placement;
import aom.migration.session.ImportChoice;
import aom.migration.session.OpenedBundle;
import aom.migration.session.PlannedImport;
import aom.migration.ui.DemoBundles;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The Confirm page's choices of issue 21: another name, other systems, and resuming an interrupted import. */
class ConfirmPlacementTest {

    private static DemoServers demo;
    private static Path bundle;

    @TempDir
    static Path shared;
    @TempDir
    Path settings;

    private final WizardModel model = new WizardModel();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private EmbeddedServer target;

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
        if (target != null) {
            target.close();
        }
    }

    @Test
    void anotherNameAndAnotherSystemArePlannedAndTheNewNameIsTheOneToType() throws IOException {
        ConfirmViewModel page = page(demo.target().uri());
        dialogs.placementAnswer = new Placement("ConferenceCopy", Map.of(SystemKind.TEST, SystemKind.STAGING));
        page.systemProperty(SystemKind.STAGING).set(false);

        page.choosePlacement();

        assertThat(dialogs.placementRequests).containsExactly("ConferenceApp [LIVE, TEST]");
        assertThat(page.applicationProperty().get()).isEqualTo("ConferenceCopy");
        assertThat(page.placementTextProperty().get()).isEqualTo("as ConferenceCopy; TEST into STAGING");
        assertThat(page.titleProperty().get()).startsWith("Import ConferenceCopy into");
        assertThat(page.planProperty().get().application()).isEqualTo("ConferenceCopy");
        assertThat(page.planProperty().get().placement()).containsExactly(
                "ConferenceApp is imported as ConferenceCopy",
                "the bundle's TEST data goes into STAGING (ConferenceCopy-staging)");
        page.typedNameProperty().set("ConferenceApp");
        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(page.reasonProperty().get()).contains("ConferenceCopy");
        page.typedNameProperty().set("ConferenceCopy");
        assertThat(page.canGoNextProperty().get()).isTrue();
    }

    @Test
    void aCancelledPlacementDialogChangesNothing() throws IOException {
        ConfirmViewModel page = page(demo.target().uri());

        page.choosePlacement();

        assertThat(page.placementProperty().get()).isEqualTo(Placement.AS_IS);
        assertThat(page.applicationProperty().get()).isEqualTo("ConferenceApp");
        assertThat(page.placementTextProperty().get()).isEmpty();
    }

    @Test
    void anInterruptedImportOfTheSameBundleIsOfferedForAResumeWhichTheImportThenDoes() throws IOException {
        target = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(target.uri())) {
            DemoInstallation.writeTarget(client, DemoScale.TESTS);
        }
        interruptAnImport();
        ConfirmViewModel page = page(target.uri());

        assertThat(page.resumableProperty().get()).isNotNull()
                .satisfies(found -> assertThat(found.complete()).isPositive());
        assertThat(page.resumeProperty().get()).isTrue();
        assertThat(page.choice().resume()).isTrue();
        page.resumeProperty().set(false);
        assertThat(page.choice().resume()).isFalse();
        assertThat(page.resumableProperty().get()).as("still offered after planning again").isNotNull();
        page.resumeProperty().set(true);

        ImportResult result = model.plannedImportProperty().get().run(ProgressListener.NONE,
                new CancellationToken());

        assertThat(result.report().passed()).isTrue();
        assertThat(result.report().notes()).anyMatch(note -> note.startsWith("resumed the interrupted import"));
    }

    private void interruptAnImport() throws IOException {
        interruptAnImport(bundle, target.uri());
    }

    /** Runs the import of {@code bundle} into the target and ends it as a crash would, once it has loaded half. */
    static void interruptAnImport(Path bundle, String targetUri) throws IOException {
        try (OpenedBundle opened = OpenedBundle.open(bundle, CancellationToken.none());
             PlannedImport planned = PlannedImport.plan(ConnectionSettings.fromUri(targetUri),
                     opened, ImportChoice.everythingIn(opened), CancellationToken.none())) {
            ProgressListener crashAfterALoad = event -> {
                if (event.phase() == Phase.LOAD && event.isOverall() && event.fraction() > 0.5) {
                    throw new SimulatedCrash();
                }
            };
            assertThat(catchThrowable(() -> planned.run(crashAfterALoad, new CancellationToken())))
                    .isInstanceOf(SimulatedCrash.class);
        }
    }

    /** Stands for the process dying: the job does not roll back after an Error. */
    private static final class SimulatedCrash extends Error {
    }

    private ConfirmViewModel page(String targetUri) throws IOException {
        model.chooseFlow(WizardFlow.IMPORT);
        model.chooseBundle(bundle);
        model.bundleOpened(OpenedBundle.open(bundle, CancellationToken.none()));
        model.connections().useTarget(ConnectionSettings.fromUri(targetUri));
        ConfirmViewModel page = new ConfirmViewModel(model, new WizardServices(dialogs,
                new CurrentThreadTaskExecutor(), Clock.systemUTC(), settings, DemoScale.TESTS));
        page.enter();
        return page;
    }
}
