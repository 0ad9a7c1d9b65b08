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
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A walk through every page of the wizard as a user takes it with the demo installation, in a window of a given size:
 * a whole "migrate directly" of ConferenceApp (the export and the import held mid-way for a moment, so that their
 * progress shows), an export's summary, and connection problems. At each of its sixteen stops it hands the shown
 * window to a {@link Stop}: the screenshots take a picture there, the layout test checks what a user would see.
 */
final class DemoTour implements AutoCloseable {

    /** What is done at each stop of the tour; {@code name} is the stop's file name, e.g. {@code 12-confirm.png}. */
    @FunctionalInterface
    interface Stop {
        void at(String name) throws Exception;
    }

    private final FxRobot robot;
    private final Stage stage;
    private final HoldPoint exportData = new HoldPoint(Phase.DATA, 8);
    private final HoldPoint importLoad = new HoldPoint(Phase.LOAD, 8);
    private final WizardModel model = new WizardModel();
    private final FxTaskExecutor executor = new FxTaskExecutor(listener -> importLoad.wrap(exportData.wrap(listener)));

    /** Opens the wizard in {@code stage} at {@code width} x {@code height} with a demo of {@code scale}. */
    DemoTour(FxRobot robot, Stage stage, double width, double height, DemoScale scale, Path settings) {
        this.robot = robot;
        this.stage = stage;
        WizardServices services = new WizardServices(new RecordingDialogService(), executor,
                Clock.systemDefaultZone(), settings, scale);
        robot.interact(() -> {
            new WizardWindow(stage, model, services).show(null);
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    WizardModel model() {
        return model;
    }

    /** Walks every page, stopping at each; {@code bundles} is where the export's summary bundle goes. */
    void walk(Stop stop, Path bundles) throws Exception {
        robot.clickOn("#migrateMode");
        stop.at("01-start.png");

        robot.clickOn("#demoButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        robot.clickOn((Node) inForm("sourceForm", "testButton"));
        robot.clickOn((Node) inForm("targetForm", "testButton"));
        waitFor(() -> robot.lookup(".test-ok").queryAll().size() == 2);
        stop.at("02-connections.png");

        robot.clickOn("#nextButton");
        TableView<AppRef> table = robot.lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);
        robot.clickOn("ConferenceApp");
        stop.at("03-application.png");

        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);
        robot.clickOn("#backButton");
        robot.clickOn("ShopApp");
        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);
        stop.at("05-selection-shopapp.png");
        robot.clickOn("#backButton");
        robot.clickOn("ConferenceApp");
        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);
        stop.at("04-selection.png");

        migrate(stop);
        exportSummary(stop, bundles);
        connectionProblems(stop);
    }

    private void migrate(Stop stop) throws Exception {
        robot.clickOn("#nextButton");
        exportData.awaitReached();
        stop.at("07-export-running.png");
        exportData.release();
        Label exported = robot.lookup("#exportOutcomeText").queryAs(Label.class);
        waitFor(() -> !exported.getText().isEmpty());
        stop.at("08-export-done.png");

        robot.clickOn("#nextButton");
        TreeView<MetadataNode> tree = robot.lookup("#metadataTree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot() != null);
        robot.interact(() -> select(tree, "alice@conference.example"));
        stop.at("09-preview-metadata.png");
        TabPane tabs = robot.lookup("#previewTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("#verifyButton");
        Label verified = robot.lookup("#verifyResult").queryAs(Label.class);
        waitFor(() -> verified.getText().startsWith("All") || verified.getText().startsWith("Alle"));
        stop.at("10-preview-data.png");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        waitFor(() -> robot.lookup("#planFigures").tryQuery().isPresent());
        stop.at("11-preview-plan.png");

        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONFIRM
                && model.plannedImportProperty().get() != null);
        robot.clickOn("#confirmName").write("ConferenceApp");
        waitFor(() -> !((Button) robot.lookup("#nextButton").query()).isDisabled());
        stop.at("12-confirm.png");

        robot.clickOn("#nextButton");
        importLoad.awaitReached();
        stop.at("13-import-running.png");
        importLoad.release();
        Label imported = robot.lookup("#importOutcomeText").queryAs(Label.class);
        waitFor(() -> !imported.getText().isEmpty());
        stop.at("14-import-done.png");

        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SUMMARY);
        stop.at("15-summary.png");
    }

    private void exportSummary(Stop stop, Path bundles) throws Exception {
        robot.clickOn("#startOver");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.START);
        robot.clickOn("#exportMode");
        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        robot.clickOn("#nextButton");
        TableView<AppRef> table = robot.lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);
        robot.clickOn("ShopApp");
        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);
        TextField file = robot.lookup("#bundleField").queryAs(TextField.class);
        Path bundle = Files.createDirectories(bundles).toAbsolutePath().resolve("ShopApp.aombundle");
        Files.deleteIfExists(bundle);
        robot.interact(() -> file.setText(bundle.toString()));
        robot.clickOn("#nextButton");
        Label exported = robot.lookup("#exportOutcomeText").queryAs(Label.class);
        waitFor(() -> !exported.getText().isEmpty());
        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.PREVIEW
                && model.openedBundleProperty().get() != null);
        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SUMMARY);
        stop.at("16-export-summary.png");
        robot.clickOn("#startOver");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.START);
    }

    private void connectionProblems(Stop stop) throws Exception {
        robot.clickOn("#migrateMode");
        robot.clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        TextField sourceUri = inForm("sourceForm", "uriField");
        robot.interact(() -> sourceUri.setText("mongodb://127.0.0.1:" + ClosedPort.find()
                + "/?serverSelectionTimeoutMS=2000"));
        robot.clickOn((Node) inForm("sourceForm", "testButton"));
        Label result = inForm("sourceForm", "testResultText");
        waitFor(() -> result.getText().startsWith("Connection refused") || result.getText().startsWith("Verbindung"));
        robot.clickOn((Node) inForm("targetForm", "fieldsMode"));
        // The fields join the form only while their mode is on (AttachedWhile).
        waitFor(() -> robot.from(shownForm("targetForm")).lookup("#portField").tryQuery().isPresent());
        TextField port = inForm("targetForm", "portField");
        robot.interact(() -> port.setText("70000"));
        robot.clickOn((Node) inForm("targetForm", "userField")).write("support");
        stop.at("06-connections-problems.png");
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
    private <T extends Node> T inForm(String form, String id) {
        return robot.from(shownForm(form)).lookup("#" + id).query();
    }

    private Node shownForm(String form) {
        return robot.lookup("#" + form).match(LayoutCheck::isShown).queryAs(Node.class);
    }

    /** Lets the last progress arrive and the layout settle, so that what a stop sees is what a user would. */
    static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(2 * FxTaskExecutor.PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() {
        exportData.release();
        importLoad.release();
        executor.shutdown();
        model.close();
        robot.interact(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane()));
    }

    /**
     * Holds a job from its {@code after}-th collection event of {@code phase} on (every worker at its next event)
     * until released, so that a stop shows it mid-way.
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
