package aom.migration.ui;

import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.ui.wizard.PageId;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the window during an import: the question speaks of rolling back, and until the import has put the target
 * back the window stays and says that it is doing so, instead of showing nothing for seconds and vanishing.
 */
class ImportCloseTest extends DemoWizardUiTest {

    private final CountDownLatch reachedLoad = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Override
    protected Path bundleToOpen() {
        return conferenceBundle();
    }

    /** Holds the import at its first loaded collection until the test lets it go on. */
    @Override
    protected UnaryOperator<ProgressListener> listeners() {
        return listener -> event -> {
            listener.onProgress(event);
            if (event.phase() == Phase.LOAD && !event.isOverall() && event.message() == null) {
                reachedLoad.countDown();
                try {
                    release.await(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void closingDuringAnImportSaysItRollsBackAndClosesOnceItHas() throws Exception {
        waitFor(() -> model.openedBundleProperty().get() != null);
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        TextField target = inForm("targetForm", "uriField");
        interact(() -> target.setText(demo.target().uri()));
        waitFor(() -> !lookup("#nextButton").queryButton().isDisabled());
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONFIRM
                && model.plannedImportProperty().get() != null);
        clickOn("#confirmName").write("ConferenceApp");
        waitFor(() -> !lookup("#nextButton").queryButton().isDisabled());
        clickOn("#nextButton");
        assertThat(reachedLoad.await(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(dialogs.confirmations).containsExactly("The import is still running");
        waitFor(() -> lookup("#phaseLabel").queryLabeled().getText().startsWith("Stopping"));
        assertThat(lookup("#phaseLabel").queryLabeled().getText())
                .isEqualTo("Stopping: the target is put back as it was before the import...");
        assertThat(lookup("#overallProgress").queryAs(ProgressBar.class).isIndeterminate()).isTrue();
        assertThat(stage.isShowing()).as("the window stays while the import rolls back").isTrue();

        release.countDown();

        waitForJob(() -> !stage.isShowing());
    }
}
