package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.model.AppRef;
import aom.migration.ui.task.FxTaskExecutor;
import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import aom.migration.ui.wizard.WizardWindow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders each page of the wizard, filled with the demo installation, to docs/screenshots/ for the README. */
@ExtendWith(ApplicationExtension.class)
class PageScreenshotsTest {

    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    @TempDir
    static Path settings;

    private WizardModel model;
    private FxTaskExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) {
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
        robot.clickOn(robot.from(robot.lookup("#sourceForm").queryAs(javafx.scene.Node.class))
                .lookup("#testButton").queryButton());
        robot.clickOn(robot.from(robot.lookup("#targetForm").queryAs(javafx.scene.Node.class))
                .lookup("#testButton").queryButton());
        waitFor(() -> robot.lookup("Connected: MongoDB 3.6.0, standalone").tryQuery().isPresent()
                || robot.lookup(".test-ok").queryAll().size() == 2);
        snapshot(robot, "02-connections.png");

        robot.clickOn("#nextButton");
        TableView<AppRef> table = robot.lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);
        robot.interact(() -> table.getSelectionModel().select(0));
        snapshot(robot, "03-application.png");

        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SELECTION);
        snapshot(robot, "04-selection.png");

        robot.clickOn("#backButton");
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(app -> app.name().equals("ShopApp")).findFirst().orElseThrow()));
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SELECTION);
        snapshot(robot, "05-selection-shopapp.png");

        assertThat(SCREENSHOTS.resolve("04-selection.png")).exists();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = SCREENSHOTS.resolve(name);
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        PngWriter.write(image[0], file);
        assertThat(Files.size(file)).isPositive();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
