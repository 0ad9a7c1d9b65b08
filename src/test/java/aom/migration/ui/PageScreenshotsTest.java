package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.model.AppRef;
import aom.migration.ui.task.FxTaskExecutor;
import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import aom.migration.ui.wizard.WizardWindow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each page of the wizard, filled with the demo installation, to PNG files for the README. A tool rather
 * than a check, so it runs only when asked:
 * {@code mvn -B test -Dtest=PageScreenshotsTest -Daom.screenshots=docs/screenshots}
 * (add {@code -Daom.screenshots.locale=de} for the German texts).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "aom.screenshots", matches = ".+")
class PageScreenshotsTest {

    @TempDir
    static Path settings;

    private final Path folder = Path.of(System.getProperty("aom.screenshots", "target/screenshots"));
    private WizardModel model;
    private FxTaskExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        // -Daom.screenshots.locale=de renders the German texts, to check that they fit too.
        String language = System.getProperty("aom.screenshots.locale");
        if (language != null && !language.isBlank()) {
            Locale.setDefault(Locale.forLanguageTag(language));
        }
        this.stage = stage;
        model = new WizardModel();
        executor = new FxTaskExecutor();
        WizardServices services = new WizardServices(new RecordingDialogService(), executor,
                Clock.systemDefaultZone(), settings, DemoScale.DEMO);
        new WizardWindow(stage, model, services).show(null);
    }

    @AfterEach
    void stop() {
        executor.shutdown();
        model.close();
    }

    @Test
    void rendersEveryPageWithTheDemoInstallation(FxRobot robot) throws Exception {
        snapshot(robot, "01-start.png");

        robot.clickOn("#demoButton");
        waitFor(() -> model.getCurrentPage() == PageId.CONNECTIONS);
        robot.clickOn((Node) inForm(robot, "sourceForm", "testButton"));
        robot.clickOn((Node) inForm(robot, "targetForm", "testButton"));
        waitFor(() -> robot.lookup(".test-ok").queryAll().size() == 2);
        snapshot(robot, "02-connections.png");

        robot.clickOn("#nextButton");
        TableView<AppRef> table = robot.lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);
        robot.clickOn("ConferenceApp");
        snapshot(robot, "03-application.png");

        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SELECTION);
        snapshot(robot, "04-selection.png");

        robot.clickOn("#backButton");
        robot.clickOn("ShopApp");
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SELECTION);
        snapshot(robot, "05-selection-shopapp.png");

        robot.clickOn("#backButton");
        robot.clickOn("#backButton");
        waitFor(() -> model.getCurrentPage() == PageId.CONNECTIONS);
        TextField sourceUri = inForm(robot, "sourceForm", "uriField");
        robot.interact(() -> sourceUri.setText("mongodb://127.0.0.1:" + ClosedPort.find()
                + "/?serverSelectionTimeoutMS=2000"));
        robot.clickOn((Node) inForm(robot, "sourceForm", "testButton"));
        Label result = inForm(robot, "sourceForm", "testResultText");
        waitFor(() -> result.getText().startsWith("Connection refused"));
        robot.clickOn((Node) inForm(robot, "targetForm", "fieldsMode"));
        TextField port = inForm(robot, "targetForm", "portField");
        robot.interact(() -> port.setText("70000"));
        robot.clickOn((Node) inForm(robot, "targetForm", "userField")).write("support");
        snapshot(robot, "06-connections-problems.png");

        assertThat(folder.resolve("06-connections-problems.png")).exists();
        assertThat(((ToggleButton) inForm(robot, "targetForm", "fieldsMode")).isSelected()).isTrue();
        assertThat(((Button) robot.lookup("#nextButton").query()).isDisabled()).isTrue();
    }

    private <T extends Node> T inForm(FxRobot robot, String form, String id) {
        return robot.from(robot.lookup("#" + form).queryAs(Node.class)).lookup("#" + id).query();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = folder.resolve(name);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        PngWriter.write(image[0], file);
        assertThat(Files.size(file)).isPositive();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
