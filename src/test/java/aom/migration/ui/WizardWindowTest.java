package aom.migration.ui;

import aom.migration.ui.settings.WizardSettings;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardJob;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WizardWindowTest extends WizardUiTest {

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Test
    void opensOnTheStartPage() {
        assertThat(lookup("#startPage").tryQuery()).isPresent();
        assertThat(stage.getTitle()).isEqualTo("ApiOmat Migration Wizard");
        assertThat(lookup("#exportMode").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#backButton").queryButton().isDisabled()).isTrue();
        assertThat(stage.getMinWidth()).isGreaterThanOrEqualTo(900);
        assertThat(stage.getMinHeight()).isGreaterThanOrEqualTo(600);
        // Also when the stage was shown before with a smaller scene (other test classes share it): a size for the
        // screen, at least that of a laptop's window, at most the screen's.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(stage.getWidth()).isBetween(Math.min(1024, screen.getWidth()), screen.getWidth());
        assertThat(stage.getHeight()).isBetween(Math.min(700, screen.getHeight()), screen.getHeight());
        assertThat(lookup("#step-START").queryLabeled().getText()).isEqualTo("Start");
    }

    @Test
    void enterGoesNextAndEscapeGoesBack() throws Exception {
        type(KeyCode.ENTER);
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        assertThat(lookup("#connectionsPage").tryQuery()).isPresent();

        clickOn((Node) inForm("sourceForm", "uriField"));
        type(KeyCode.ESCAPE);
        waitFor(() -> model.navigation().getCurrentPage() == PageId.START);
        assertThat(lookup("#startPage").tryQuery()).isPresent();
    }

    @Test
    void choosingAModeShowsItsSteps() throws Exception {
        clickOn("#migrateMode");

        waitFor(() -> model.getFlow() == WizardFlow.MIGRATE);
        assertThat(lookup("#step-IMPORT_PROGRESS").tryQuery()).isPresent();
        clickOn("#importMode");
        waitFor(() -> model.getFlow() == WizardFlow.IMPORT);
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#bundleLabel").queryLabeled().getText()).startsWith("No bundle chosen yet");
    }

    @Test
    void tryTheDemoInstallationFillsBothConnections() throws Exception {
        clickOn("#migrateMode");
        clickOn("#demoButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        TextField source = inForm("sourceForm", "uriField");
        TextField target = inForm("targetForm", "uriField");
        assertThat(source.getText()).isEqualTo(model.demo().serversProperty().get().source().uri());
        assertThat(target.getText()).isEqualTo(model.demo().serversProperty().get().target().uri());
        assertThat(source.getText()).isNotEqualTo(target.getText());
        assertThat(lookup("#targetForm").query().isVisible()).isTrue();
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#demoBadge").query().isVisible()).isTrue();
    }

    @Test
    void anInvalidUriShowsItsMessageAndKeepsNextDisabled() throws Exception {
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);

        clickOn((Node) inForm("sourceForm", "uriField")).write("http://db.example.com");

        Label problem = inForm("sourceForm", "problemLabel");
        waitFor(() -> problem.getText().contains("must start with mongodb://"));
        assertThat(problem.isVisible()).isTrue();
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();
        assertThat(((Button) inForm("sourceForm", "testButton")).isDisabled()).isTrue();
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.CONNECTIONS);
    }

    @Test
    void anUnreachableHostShowsAReadableErrorWhileTheWindowStaysResponsive() throws Exception {
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        TextField uri = inForm("sourceForm", "uriField");
        String closed = "mongodb://127.0.0.1:" + ClosedPort.find() + "/?serverSelectionTimeoutMS=3000";
        interact(() -> uri.setText(closed));
        Button test = inForm("sourceForm", "testButton");
        Node testing = inForm("sourceForm", "testingLabel");

        clickOn(test);

        // Runs on the FX thread while the connection attempt is still under way: only possible if the attempt
        // does not block that thread.
        boolean answeredWhileTesting = WaitForAsyncUtils.asyncFx(() -> testing.isVisible() && test.isDisabled())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(answeredWhileTesting).isTrue();

        Label error = inForm("sourceForm", "testResultText");
        waitFor(() -> error.getText().startsWith("Connection refused by 127.0.0.1:"));
        assertThat(error.getText()).endsWith("nothing listens on that port; is MongoDB running?");
        assertThat(((Label) inForm("sourceForm", "testResultTitle")).getText()).isEqualTo("Connection failed");
        assertThat(test.isDisabled()).isFalse();
    }

    @Test
    void closingTheWindowWhileAJobRunsAsksFirst() throws Exception {
        BackgroundTask<String> job = BackgroundTask.of((progress, cancel) -> {
            while (!cancel.isCancelled()) {
                Thread.onSpinWait();
            }
            cancel.throwIfCancelled();
            return "never";
        });
        interact(() -> {
            model.runningJob().track(job, WizardJob.EXPORT);
            executor.execute(job);
        });
        dialogs.confirmAnswer = false;

        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(dialogs.confirmations).containsExactly("The export is still running");
        assertThat(stage.isShowing()).isTrue();
        assertThat(job.getState()).isEqualTo(BackgroundTask.State.RUNNING);

        dialogs.confirmAnswer = true;
        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        waitFor(() -> !stage.isShowing());
        assertThat(job.getState()).isEqualTo(BackgroundTask.State.CANCELLED);
    }

    @Test
    void cancelAbandonsTheFlow() throws Exception {
        clickOn("#migrateMode");
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);

        clickOn("#cancelButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.START);
        assertThat(lookup("#cancelButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void theLanguageChosenOnTheStartPageShowsEveryPageInItAndIsRemembered() throws Exception {
        ComboBox<Language> languages = lookup("#languageChoice").queryComboBox();

        interact(() -> languages.getSelectionModel().select(Language.GERMAN));

        waitFor(() -> "Verbindungen".equals(lookup("#step-CONNECTIONS").queryLabeled().getText()));
        assertThat(stage.getTitle()).isEqualTo("ApiOmat-Migrationsassistent");
        assertThat(lookup("#nextButton").queryButton().getText()).isEqualTo("Weiter");
        assertThat(window.model().navigation().getCurrentPage()).isEqualTo(PageId.START);
        waitFor(() -> WizardSettings.load(settings).locale().isPresent());
        assertThat(WizardSettings.load(settings).language()).isEqualTo("de");

        clickOn("#nextButton");
        waitFor(() -> window.model().navigation().getCurrentPage() == PageId.CONNECTIONS);
        assertThat(lookup("#connectionsPage .title-2").queryLabeled().getText()).isEqualTo("Verbindungen");
    }

    @Test
    void aLanguageChangeKeepsTheConnectionsAndTheDemo() throws Exception {
        clickOn("#migrateMode");
        clickOn("#demoButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        String source = model.connections().sourceProperty().get().hostsOnly();
        clickOn("#backButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.START);
        ComboBox<Language> languages = lookup("#languageChoice").queryComboBox();

        interact(() -> languages.getSelectionModel().select(Language.GERMAN));
        waitFor(() -> window.model() != model);

        assertThat(window.model().getFlow()).isEqualTo(WizardFlow.MIGRATE);
        assertThat(window.model().connections().sourceProperty().get().hostsOnly()).isEqualTo(source);
        assertThat(window.model().demo().serversProperty().get()).as("the demo servers moved over, still running")
                .isNotNull();
        assertThat(lookup("#demoBadge").queryLabeled().getText()).isEqualTo("Demo-Installation läuft");
        clickOn("#nextButton");
        waitFor(() -> window.model().navigation().getCurrentPage() == PageId.CONNECTIONS);
        assertThat(((TextField) inForm("sourceForm", "uriField")).getText()).contains(source);
    }

    @Test
    void theWindowRemembersItsSize() throws Exception {
        interact(() -> {
            stage.setWidth(1111);
            stage.setHeight(777);
        });

        WizardSettings saved = onFx(window::settingsToSave);

        assertThat(saved.width()).isEqualTo(1111);
        assertThat(saved.height()).isEqualTo(777);
        assertThat(saved.maximized()).isFalse();
    }
}
