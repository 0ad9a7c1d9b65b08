package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.model.AppRef;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.ui.pages.preview.MetadataNode;
import aom.migration.ui.task.FxTaskExecutor;
import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import aom.migration.ui.wizard.WizardWindow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each page of the wizard, filled with the demo installation, to PNG files for the README: a whole
 * "migrate directly" of ConferenceApp (with the export and the import held mid-way for a moment, so that their
 * progress shows), then an export's summary and the connection problems, in English and in German, at the size of
 * a laptop's window. A tool rather than a check, so it runs only when asked:
 * {@code mvn -B test -Dtest=PageScreenshotsTest -Daom.screenshots=docs/screenshots} writes
 * {@code docs/screenshots/1024x700/en/} and {@code .../de/}; {@code -Daom.screenshots.size=1280x800} renders another
 * size, {@code -Daom.screenshots.locale=de} one language only.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "aom.screenshots", matches = ".+")
class PageScreenshotsTest {

    private static final Locale DEFAULT_LOCALE = Locale.getDefault();

    @TempDir
    static Path settings;

    private final String size = System.getProperty("aom.screenshots.size", "1024x700");
    private Path folder;
    private final HoldPoint exportData = new HoldPoint(Phase.DATA, 8);
    private final HoldPoint importLoad = new HoldPoint(Phase.LOAD, 8);
    private WizardModel model;
    private FxTaskExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        exportData.release();
        importLoad.release();
        if (executor != null) {
            executor.shutdown();
            model.close();
        }
        Locale.setDefault(DEFAULT_LOCALE);
    }

    @Test
    void rendersEveryPageInEnglish(FxRobot robot) throws Exception {
        rendersEveryPage(robot, Locale.ENGLISH);
    }

    @Test
    void rendersEveryPageInGerman(FxRobot robot) throws Exception {
        rendersEveryPage(robot, Locale.GERMAN);
    }

    private void rendersEveryPage(FxRobot robot, Locale locale) throws Exception {
        String only = System.getProperty("aom.screenshots.locale", "");
        Assumptions.assumeTrue(only.isBlank() || only.equals(locale.getLanguage()), "not asked for");
        Locale.setDefault(locale);
        folder = Path.of(System.getProperty("aom.screenshots"), size, locale.getLanguage());
        String[] dimensions = size.split("x");
        model = new WizardModel();
        executor = new FxTaskExecutor(listener -> importLoad.wrap(exportData.wrap(listener)));
        WizardServices services = new WizardServices(new RecordingDialogService(), executor,
                Clock.systemDefaultZone(), Files.createTempDirectory(settings, "settings-"), DemoScale.DEMO);
        robot.interact(() -> {
            new WizardWindow(stage, model, services).show(null);
            stage.setWidth(Double.parseDouble(dimensions[0]));
            stage.setHeight(Double.parseDouble(dimensions[1]));
        });
        robot.clickOn("#migrateMode");
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
        robot.clickOn("#backButton");
        robot.clickOn("ShopApp");
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SELECTION);
        snapshot(robot, "05-selection-shopapp.png");
        robot.clickOn("#backButton");
        robot.clickOn("ConferenceApp");
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SELECTION);
        snapshot(robot, "04-selection.png");

        migrate(robot);
        exportSummary(robot);
        connectionProblems(robot);
    }

    private void migrate(FxRobot robot) throws Exception {
        robot.clickOn("#nextButton");
        exportData.awaitReached();
        snapshot(robot, "07-export-running.png");
        exportData.release();
        Label exported = robot.lookup("#exportOutcomeText").queryAs(Label.class);
        waitFor(() -> !exported.getText().isEmpty());
        snapshot(robot, "08-export-done.png");

        robot.clickOn("#nextButton");
        TreeView<MetadataNode> tree = robot.lookup("#metadataTree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot() != null);
        robot.interact(() -> select(tree, "alice@conference.example"));
        snapshot(robot, "09-preview-metadata.png");
        TabPane tabs = robot.lookup("#previewTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("#verifyButton");
        Label verified = robot.lookup("#verifyResult").queryAs(Label.class);
        waitFor(() -> verified.getText().startsWith("All") || verified.getText().startsWith("Alle"));
        snapshot(robot, "10-preview-data.png");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        waitFor(() -> robot.lookup("#planFigures").tryQuery().isPresent());
        snapshot(robot, "11-preview-plan.png");

        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.CONFIRM && model.plannedImportProperty().get() != null);
        robot.clickOn("#confirmName").write("ConferenceApp");
        waitFor(() -> !((Button) robot.lookup("#nextButton").query()).isDisabled());
        snapshot(robot, "12-confirm.png");

        robot.clickOn("#nextButton");
        importLoad.awaitReached();
        snapshot(robot, "13-import-running.png");
        importLoad.release();
        Label imported = robot.lookup("#importOutcomeText").queryAs(Label.class);
        waitFor(() -> !imported.getText().isEmpty());
        snapshot(robot, "14-import-done.png");

        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SUMMARY);
        snapshot(robot, "15-summary.png");
    }

    private void exportSummary(FxRobot robot) throws Exception {
        robot.clickOn("#startOver");
        waitFor(() -> model.getCurrentPage() == PageId.START);
        robot.clickOn("#exportMode");
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.CONNECTIONS);
        robot.clickOn("#nextButton");
        TableView<AppRef> table = robot.lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);
        robot.clickOn("ShopApp");
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SELECTION);
        TextField file = robot.lookup("#bundleField").queryAs(TextField.class);
        Path bundles = Files.createDirectories(Path.of("target", "screenshot-bundles")).toAbsolutePath();
        Files.deleteIfExists(bundles.resolve("ShopApp.aombundle"));
        robot.interact(() -> file.setText(bundles.resolve("ShopApp.aombundle").toString()));
        robot.clickOn("#nextButton");
        Label exported = robot.lookup("#exportOutcomeText").queryAs(Label.class);
        waitFor(() -> !exported.getText().isEmpty());
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.PREVIEW && model.openedBundleProperty().get() != null);
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SUMMARY);
        snapshot(robot, "16-export-summary.png");
        robot.clickOn("#startOver");
        waitFor(() -> model.getCurrentPage() == PageId.START);
    }

    private void connectionProblems(FxRobot robot) throws Exception {
        robot.clickOn("#migrateMode");
        robot.clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.CONNECTIONS);
        TextField sourceUri = inForm(robot, "sourceForm", "uriField");
        robot.interact(() -> sourceUri.setText("mongodb://127.0.0.1:" + ClosedPort.find()
                + "/?serverSelectionTimeoutMS=2000"));
        robot.clickOn((Node) inForm(robot, "sourceForm", "testButton"));
        Label result = inForm(robot, "sourceForm", "testResultText");
        waitFor(() -> result.getText().startsWith("Connection refused") || result.getText().startsWith("Verbindung"));
        robot.clickOn((Node) inForm(robot, "targetForm", "fieldsMode"));
        // The fields join the form only while their mode is on (AttachedWhile).
        waitFor(() -> robot.from(shownForm(robot, "targetForm")).lookup("#portField").tryQuery().isPresent());
        TextField port = inForm(robot, "targetForm", "portField");
        robot.interact(() -> port.setText("70000"));
        robot.clickOn((Node) inForm(robot, "targetForm", "userField")).write("support");
        snapshot(robot, "06-connections-problems.png");

        assertThat(folder.resolve("06-connections-problems.png")).exists();
        assertThat(((ToggleButton) inForm(robot, "targetForm", "fieldsMode")).isSelected()).isTrue();
        assertThat(((Button) robot.lookup("#nextButton").query()).isDisabled()).isTrue();
    }

    /** Selects the tree node labelled {@code label}, opening its parents. */
    private static void select(TreeView<MetadataNode> tree, String label) {
        TreeItem<MetadataNode> item = find(tree.getRoot(), label);
        for (TreeItem<MetadataNode> parent = item.getParent(); parent != null; parent = parent.getParent()) {
            parent.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        tree.scrollTo(Math.max(0, tree.getRow(item) - 3));
    }

    private static TreeItem<MetadataNode> find(TreeItem<MetadataNode> item, String label) {
        if (item.getValue().label().equals(label)) {
            return item;
        }
        for (TreeItem<MetadataNode> child : item.getChildren()) {
            TreeItem<MetadataNode> found = find(child, label);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The node {@code id} of the connection form {@code form} on the page shown (earlier pages may still exist). */
    private <T extends Node> T inForm(FxRobot robot, String form, String id) {
        return robot.from(shownForm(robot, form)).lookup("#" + id).query();
    }

    private static Node shownForm(FxRobot robot, String form) {
        return robot.lookup("#" + form).match(PageScreenshotsTest::shown).queryAs(Node.class);
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // Let the progress relay deliver its latest figures before the picture is taken.
        WaitForAsyncUtils.sleep(2 * FxTaskExecutor.PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = folder.resolve(name);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        PngWriter.write(image[0], file);
        assertThat(Files.size(file)).isPositive();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Holds a job from its {@code after}-th collection event of {@code phase} on (every worker at its next event)
     * until released, so that a picture shows it mid-way.
     */
    private static final class HoldPoint {
        private final Phase phase;
        private final int after;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private int seen;

        HoldPoint(Phase phase, int after) {
            this.phase = phase;
            this.after = after;
        }

        ProgressListener wrap(ProgressListener listener) {
            return event -> {
                listener.onProgress(event);
                if (event.phase() == phase && !event.isOverall() && count() >= after) {
                    reached.countDown();
                    try {
                        released.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }

        private synchronized int count() {
            return ++seen;
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(120, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
