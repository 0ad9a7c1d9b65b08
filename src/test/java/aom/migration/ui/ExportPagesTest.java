package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.model.AppRef;
import aom.migration.ui.pages.preview.MetadataNode;
import aom.migration.ui.pages.progress.CollectionRow;
import aom.migration.ui.wizard.PageId;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class ExportPagesTest extends WizardUiTest {

    private static DemoServers demo;

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

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Test
    void exportingConferenceAppThroughThePagesWritesTheBundleAndPreviewsItsModulesAndClasses() throws Exception {
        Path bundle = folder.resolve("ConferenceApp.aombundle");
        openSelectionOf("ConferenceApp");
        TextField file = lookup("#bundleField").queryAs(TextField.class);
        interact(() -> file.setText(bundle.toString()));

        clickOn("#nextButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.EXPORT_PROGRESS);
        Label outcome = lookup("#exportOutcomeText").queryAs(Label.class);
        waitForJob(() -> outcome.getText().startsWith("Exported ConferenceApp"));
        assertThat(bundle).isRegularFile();
        assertThat(lookup("#percentLabel").queryLabeled().getText()).isEqualTo("100 %");
        assertThat(lookup("#overallProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        TableView<CollectionRow> rows = lookup("#collectionTable").queryTableView();
        assertThat(rows.getItems()).extracting(CollectionRow::namespace).contains("ConferenceApp.Speakers_Talk",
                "apiomat.metamodels");
        assertThat(lookup("#phase-DATA").queryLabeled().getStyleClass()).contains("phase-chip-done");
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isFalse();

        clickOn("#nextButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.PREVIEW);
        TreeView<MetadataNode> tree = lookup("#metadataTree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot() != null);
        List<String> labels = onFx(() -> labels(tree.getRoot()));
        assertThat(labels).contains("ConferenceApp", "Modules (5)", "ConferenceCore 2.1.0", "Speakers 1.3.0",
                "Person", "Talk", "Speaker");
        List<String> shown = onFx(() -> lookup("#metadataTree .tree-cell").queryAllAs(TreeCell.class).stream()
                .map(TreeCell::getText).filter(Objects::nonNull).toList());
        // What the tree shows on screen (how much of it fits depends on the window): the application and its groups.
        assertThat(shown).contains("ConferenceApp", "Customers (5)", "Modules (5)");
        assertThat(lookup("#previewTitle").queryLabeled().getText()).isEqualTo("ConferenceApp (Conference App)");

        clickOn("#nextButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.SUMMARY);
        assertThat(lookup("#summaryHeadline").queryLabeled().getText()).isEqualTo("Bundle written");
        assertThat(lookup("#fact-0").queryAs(TextField.class).getText()).isEqualTo(bundle.toAbsolutePath()
                .toString());
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#cancelButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#startOver").queryButton().isDisabled()).isFalse();
    }

    private static List<String> labels(TreeItem<MetadataNode> item) {
        List<String> labels = new ArrayList<>();
        labels.add(item.getValue().label());
        item.getChildren().forEach(child -> labels.addAll(labels(child)));
        return labels;
    }

    private void openSelectionOf(String application) throws Exception {
        interact(() -> model.connections().useSource(demo.source().settings()));
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS
                && !lookup("#nextButton").queryButton().isDisabled());
        clickOn("#nextButton");
        TableView<AppRef> table = lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3 && !lookup("#loadingBox").query().isVisible());
        clickOn(application);
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);
    }
}
