package aom.migration.ui.pages.export;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.EmbeddedServer;
import aom.migration.demo.MovedDatabase;
import aom.migration.model.AppRef;
import aom.migration.model.SystemKind;
import aom.migration.model.Selection;
import aom.migration.mongo.Installation;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.pages.progress.CollectionRow;
import aom.migration.ui.pages.progress.JobOutcome;
import aom.migration.ui.pages.progress.PhaseStep;
import aom.migration.ui.pages.progress.RowState;
import aom.migration.ui.pages.progress.StepState;
import aom.migration.ui.settings.RecentBundle;
import aom.migration.ui.settings.RecentBundles;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class ExportViewModelTest {

    private static DemoServers demo;
    private static AppRef conferenceApp;

    @TempDir
    Path folder;

    private final WizardModel model = new WizardModel();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeAll
    static void startDemo() {
        demo = DemoServers.start(DemoScale.TESTS);
        try (Installation source = Installation.connect(demo.source().settings())) {
            conferenceApp = source.application("ConferenceApp");
        }
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    private ExportViewModel page(UnaryOperator<ProgressListener> listeners) {
        model.connections().useSource(demo.source().settings());
        model.chooseApplication(conferenceApp);
        model.chooseExport(Selection.everything(), folder.resolve("bundles").resolve("conference.aombundle"));
        return new ExportViewModel(model, new WizardServices(dialogs, new CurrentThreadTaskExecutor(listeners),
                Clock.systemUTC(), folder.resolve("settings"), DemoScale.TESTS));
    }

    @Test
    void exportingConferenceAppWritesTheBundleAndEndsAtAHundredPercent() throws IOException {
        ExportViewModel page = page(UnaryOperator.identity());

        page.enter();

        Path bundle = folder.resolve("bundles").resolve("conference.aombundle");
        assertThat(bundle).isRegularFile();
        assertThat(page.job().outcomeProperty().get()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(page.job().outcomeTextProperty().get()).startsWith("Exported ConferenceApp: 58 metadata documents,"
                + " 3 databases with 29 collections and 392 documents;");
        assertThat(page.job().progress().progressProperty().get()).isEqualTo(1.0);
        assertThat(page.job().progress().rows()).extracting(CollectionRow::namespace)
                .contains("apiomat.modules", "ConferenceApp.Speakers_Talk", "ConferenceApp-test.Geo_Location");
        assertThat(page.job().progress().rows()).allMatch(row -> row.getState() == RowState.DONE);
        assertThat(page.canGoNextProperty().get()).isTrue();
        assertThat(model.bundleFileProperty().get()).isEqualTo(bundle.toAbsolutePath());
        assertThat(model.exportedBundleProperty().get().fileBytes()).isEqualTo(Files.size(bundle));
        assertThat(new RecentBundles(folder.resolve("settings")).load()).extracting(RecentBundle::path)
                .containsExactly(bundle.toAbsolutePath());
    }

    @Test
    void aSourceWhoseStagingHasItsOwnHostIsExportedFromThere() {
        try (EmbeddedServer split = EmbeddedServer.inMemory(); EmbeddedServer stagingHost = EmbeddedServer.inMemory();
             MongoClient splitClient = MongoClients.create(split.uri());
             MongoClient stagingClient = MongoClients.create(stagingHost.uri())) {
            DemoInstallation.writeSource(splitClient, DemoScale.TESTS);
            MovedDatabase.move(splitClient, stagingClient, "ConferenceApp-staging");
            ExportViewModel page = page(UnaryOperator.identity());
            // Another source: what was chosen for the first one is forgotten, and chosen again for this one.
            model.connections().useSource(split.settings(), Map.of(SystemKind.STAGING, stagingHost.settings()));
            model.chooseApplication(conferenceApp);
            model.chooseExport(Selection.everything(), folder.resolve("bundles").resolve("conference.aombundle"));

            page.enter();

            assertThat(page.job().outcomeProperty().get()).as(page.job().outcomeTextProperty().get())
                    .isEqualTo(JobOutcome.SUCCEEDED);
            assertThat(model.exportedBundleProperty().get().result().manifest().databases())
                    .filteredOn(database -> database.system().equals("STAGING")).singleElement()
                    .satisfies(database -> {
                        assertThat(database.hosts()).isEqualTo(stagingHost.settings().hostsOnly());
                        assertThat(database.documents()).isPositive();
                    });
            assertThat(page.job().progress().rows()).extracting(CollectionRow::namespace)
                    .anyMatch(namespace -> namespace.startsWith("ConferenceApp-staging."));
        }
    }

    @Test
    void comingBackToTheFinishedExportDoesNotRunItAgain() {
        ExportViewModel page = page(UnaryOperator.identity());
        page.enter();
        CollectionRow first = page.job().progress().rows().get(0);

        page.enter();

        assertThat(page.job().progress().rows().get(0)).isSameAs(first);
        assertThat(dialogs.confirmations).isEmpty();
    }

    @Test
    void cancellingMidWayLeavesNoBundleAndNoPartFileAndSaysSo() {
        ExportViewModel page = page(listener -> event -> {
            listener.onProgress(event);
            if (event.phase() == Phase.DATA && !event.isOverall()) {
                model.runningJob().jobProperty().get().cancel();
            }
        });

        page.enter();

        Path bundle = folder.resolve("bundles").resolve("conference.aombundle");
        assertThat(page.job().outcomeProperty().get()).isEqualTo(JobOutcome.CANCELLED);
        assertThat(bundle).doesNotExist();
        assertThat(bundle.resolveSibling("conference.aombundle.part")).doesNotExist();
        assertThat(page.job().outcomeTextProperty().get()).isEqualTo("The export was cancelled. No bundle file was left"
                + " behind: neither conference.aombundle nor its .part file exists.");
        assertThat(page.job().progress().phases()).filteredOn(step -> step.phase() == Phase.DATA)
                .extracting(PhaseStep::getState).containsExactly(StepState.STOPPED);
        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(model.exportedBundleProperty().get()).isNull();
    }

    @Test
    void anExistingBundleIsReplacedOnlyWhenTheUserSaysSo() throws IOException {
        Path bundle = Files.createDirectories(folder.resolve("bundles")).resolve("conference.aombundle");
        Files.writeString(bundle, "an older bundle");
        dialogs.confirmAnswer = false;
        ExportViewModel page = page(UnaryOperator.identity());

        page.enter();

        // Asked before the export starts; keeping the file is no failure: no error, no step stopped in red.
        assertThat(dialogs.confirmations).containsExactly("Replace the bundle file?");
        assertThat(page.job().outcomeProperty().get()).isEqualTo(JobOutcome.DECLINED);
        assertThat(page.job().outcomeTextProperty().get()).isEqualTo("Not exported: " + bundle.toAbsolutePath()
                + " exists and was kept as it is. Go Back to choose another file name, or export again to be asked"
                + " once more.");
        assertThat(dialogs.errors).isEmpty();
        assertThat(page.job().progress().phases()).extracting(PhaseStep::getState).containsOnly(StepState.PENDING);
        assertThat(page.canGoBackProperty().get()).isTrue();
        assertThat(Files.readString(bundle)).isEqualTo("an older bundle");

        dialogs.confirmAnswer = true;
        page.retry();

        assertThat(page.job().outcomeProperty().get()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(Files.size(bundle)).isGreaterThan(1_000);
    }
}
