package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.model.AppRef;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.ui.wizard.PageId;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancels an export in the middle of its data: the export is held at its first collection (no timing involved) while
 * the test presses Cancel, then let go.
 */
class ExportCancelTest extends WizardUiTest {

    private static DemoServers demo;

    /** Counted down when the export reaches its data; the export waits at {@link #release} meanwhile. */
    private final CountDownLatch reachedData = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @TempDir
    Path folder;

    @BeforeAll
    static void startDemo() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @AfterEach
    void letGo() {
        release.countDown();
    }

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Override
    protected UnaryOperator<ProgressListener> listeners() {
        return listener -> event -> {
            listener.onProgress(event);
            if (event.phase() == Phase.DATA && !event.isOverall() && reachedData.getCount() > 0) {
                reachedData.countDown();
                try {
                    release.await(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void cancellingAnExportMidWayLeavesNoBundleFileAndSaysSo() throws Exception {
        Path bundle = folder.resolve("ConferenceApp.aombundle");
        openSelection();
        TextField file = lookup("#bundleField").queryAs(TextField.class);
        interact(() -> file.setText(bundle.toString()));
        clickOn("#nextButton");
        assertThat(reachedData.await(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        // Mid-way: the part file is being written and the metadata is done, the data is not.
        assertThat(folder.toFile().list())
                .anyMatch(name -> name.matches("ConferenceApp\\.aombundle\\.[0-9a-f]+\\.part"));
        assertThat(bundle).doesNotExist();
        assertThat(model.runningJob().isRunning()).isTrue();

        clickOn("#cancelButton");
        release.countDown();

        Label outcome = lookup("#exportOutcomeText").queryAs(Label.class);
        waitForJob(() -> !outcome.getText().isEmpty());
        assertThat(dialogs.confirmations).containsExactly("Stop the export?");
        assertThat(outcome.getText()).isEqualTo("The export was cancelled. No bundle file was left behind:"
                + " neither ConferenceApp.aombundle nor its .part file exists.");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).noneMatch(path -> path.getFileName().toString().contains(".aombundle"));
        }
        assertThat(lookup("#exportRetry").query().isVisible()).isTrue();
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#backButton").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#phase-DATA").queryLabeled().getStyleClass()).contains("phase-chip-stopped");
    }

    private void openSelection() throws Exception {
        interact(() -> model.connections().useSource(demo.source().settings()));
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS
                && !lookup("#nextButton").queryButton().isDisabled());
        clickOn("#nextButton");
        TableView<AppRef> table = lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3 && !lookup("#loadingBox").query().isVisible());
        clickOn("ConferenceApp");
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);
    }
}
