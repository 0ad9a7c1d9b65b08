package aom.migration.ui.pages.importing;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.mongo.Installation;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.VerificationReport;
import aom.migration.session.OpenedBundle;
import aom.migration.ui.DemoBundles;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.pages.confirm.ConfirmViewModel;
import aom.migration.ui.pages.progress.JobOutcome;
import aom.migration.ui.pages.progress.PhaseStep;
import aom.migration.ui.pages.progress.StepState;
import aom.migration.ui.pages.summary.SummaryViewModel;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class ImportViewModelTest {

    private static Path bundle;

    @TempDir
    static Path shared;
    @TempDir
    Path settings;

    private final WizardModel model = new WizardModel();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private DemoServers demo;

    @BeforeAll
    static void exportConferenceApp() throws IOException {
        try (DemoServers source = DemoServers.start(DemoScale.TESTS)) {
            bundle = DemoBundles.conferenceApp(source, shared);
        }
    }

    @BeforeEach
    void startDemo() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterEach
    void stopDemo() {
        model.close();
        demo.close();
    }

    private WizardServices services(UnaryOperator<ProgressListener> listeners) {
        return new WizardServices(dialogs, new CurrentThreadTaskExecutor(listeners), Clock.systemUTC(), settings,
                DemoScale.TESTS);
    }

    /** The Confirm page with the name typed, as the user leaves it for the Import page. */
    private void confirmed() throws IOException {
        model.chooseFlow(WizardFlow.IMPORT);
        model.chooseBundle(bundle);
        model.bundleOpened(OpenedBundle.open(bundle, CancellationToken.none()));
        model.connections().useTarget(demo.target().settings());
        ConfirmViewModel confirm = new ConfirmViewModel(model, services(UnaryOperator.identity()));
        confirm.enter();
        confirm.typedNameProperty().set("ConferenceApp");
        assertThat(confirm.canGoNextProperty().get()).isTrue();
    }

    @Test
    void theConfirmedImportRunsAndTheSummaryShowsAPassingReport() throws IOException {
        confirmed();
        ImportViewModel page = new ImportViewModel(model, services(UnaryOperator.identity()));

        page.enter();

        assertThat(page.job().outcomeProperty().get()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(page.job().progress().progressProperty().get()).isEqualTo(1.0);
        assertThat(page.job().progress().phases()).extracting(PhaseStep::getState).containsOnly(StepState.DONE);
        assertThat(page.canGoNextProperty().get()).isTrue();
        assertThat(page.canGoBackProperty().get()).isFalse();
        assertThat(model.plannedImportProperty().get()).as("the connection is closed once the import ended")
                .isNull();
        try (Installation target = Installation.connect(demo.target().settings())) {
            assertThat(target.database("ConferenceApp-test").listCollectionNames()).contains("Speakers_Talk");
        }

        SummaryViewModel summary = new SummaryViewModel(model, services(UnaryOperator.identity()));
        summary.enter();

        assertThat(summary.verdictProperty().get()).isEqualTo(SummaryViewModel.Verdict.PASSED);
        assertThat(summary.headlineProperty().get()).isEqualTo("Verification passed");
        assertThat(summary.collections()).hasSize(31).allMatch(VerificationReport.CollectionCheck::passed);
        assertThat(summary.metadata()).isNotEmpty().allMatch(VerificationReport.MetadataCheck::passed);
        assertThat(summary.reportLocationProperty().get()).startsWith("Report saved: ");
        Path saved = model.importResultProperty().get().savedReport().text();
        assertThat(Files.readString(saved)).startsWith("Verification of ConferenceApp on ").contains("PASSED");
    }

    @Test
    void aCancelledImportLeavesTheTargetAsItWasAndSaysSo() throws IOException {
        List<String> before = targetState();
        confirmed();
        ImportViewModel page = new ImportViewModel(model, services(listener -> event -> {
            listener.onProgress(event);
            if (event.phase() == Phase.LOAD && !event.isOverall()) {
                model.runningJob().jobProperty().get().cancel();
            }
        }));

        page.enter();

        assertThat(page.job().outcomeProperty().get()).isEqualTo(JobOutcome.CANCELLED);
        assertThat(page.job().outcomeTextProperty().get()).isEqualTo("The import was cancelled before it changed"
                + " anything live, and its working collections were removed. The target " + demo.target().settings()
                .hostsOnly() + " was checked: 31 collection(s) in 3 database(s) present or absent as before the"
                + " import.");
        assertThat(page.canGoBackProperty().get()).isTrue();
        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(targetState()).isEqualTo(before);
    }

    /** Every database and collection of the target with its document count. */
    private List<String> targetState() {
        try (Installation target = Installation.connect(demo.target().settings())) {
            return target.databaseNames().stream().sorted().flatMap(database -> target.database(database)
                    .listCollectionNames().into(new ArrayList<>()).stream().sorted()
                    .map(collection -> database + "." + collection + "="
                            + target.database(database).getCollection(collection).countDocuments())).toList();
        }
    }
}
