package aom.migration.ui;

import aom.migration.model.AppHome;
import aom.migration.mongo.Installation;
import aom.migration.restore.VerificationReport;
import aom.migration.ui.pages.confirm.DropWarning;
import aom.migration.ui.wizard.PageId;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports a bundle into the demo target the way a support engineer would: opened from the file manager. */
class ImportPagesTest extends DemoWizardUiTest {

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Override
    protected Path bundleToOpen() {
        return conferenceBundle();
    }

    @Test
    void importingTheBundleShowsTheDropWarningsAsksForTheNameAndEndsWithAPassingReport() throws Exception {
        waitFor(() -> model.openedBundleProperty().get() != null);
        assertThat(lookup("#previewTitle").queryLabeled().getText()).isEqualTo("ConferenceApp (Conference App)");
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        TextField target = inForm("targetForm", "uriField");
        interact(() -> target.setText(demo.target().uri()));
        waitFor(() -> !lookup("#nextButton").queryButton().isDisabled());

        clickOn("#nextButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONFIRM);
        TableView<DropWarning> drops = lookup("#dropTable").queryTableView();
        waitFor(() -> !drops.getItems().isEmpty() && !lookup("#confirmReason").queryLabeled().getText()
                .startsWith("Planning"));
        Map<String, Long> shown = new HashMap<>();
        drops.getItems().stream().filter(DropWarning::isCollection)
                .forEach(row -> shown.put(row.database() + "." + row.name(), row.targetDocuments()));
        assertThat(shown).isEqualTo(targetCounts("ConferenceApp", "ConferenceApp-staging"));
        assertThat(lookup("#nextButton").queryButton().getText()).isEqualTo("Import");
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#confirmReason").queryLabeled().getText())
                .isEqualTo("Type ConferenceApp exactly to enable Import.");

        clickOn("#confirmName").write("Conference");
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();
        write("App");
        waitFor(() -> !lookup("#nextButton").queryButton().isDisabled());

        clickOn("#nextButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.IMPORT_PROGRESS);
        Label outcome = lookup("#importOutcomeText").queryAs(Label.class);
        waitForJob(() -> !outcome.getText().isEmpty());
        assertThat(outcome.getText()).isEqualTo("ConferenceApp was imported into "
                + demo.target().settings().hostsOnly() + " and verified.");
        assertThat(lookup("#percentLabel").queryLabeled().getText()).isEqualTo("100 %");
        assertThat(lookup("#backButton").queryButton().isDisabled()).isTrue();

        clickOn("#nextButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.SUMMARY);
        assertThat(lookup("#summaryHeadline").queryLabeled().getText()).isEqualTo("Verification passed");
        TableView<VerificationReport.CollectionCheck> checks = lookup("#reportCollections").queryTableView();
        assertThat(checks.getItems()).hasSize(31).allMatch(VerificationReport.CollectionCheck::passed);
        assertThat(lookup("#reportLocation").queryAs(TextField.class).getText())
                .startsWith("Report saved: ");
        assertThat(targetCounts("ConferenceApp-test")).containsEntry("ConferenceApp-test.Speakers_Talk", 6L);
        assertThat(lookup("#cancelButton").queryButton().isDisabled()).isTrue();

        // No file manager here (the test's services open no folder): the path is shown and copied instead.
        clickOn("#openLogFolder");
        Label folderMessage = lookup("#folderMessage").queryAs(Label.class);
        waitFor(() -> !folderMessage.getText().isEmpty());
        String logs = AppHome.root().resolve("logs").toString();
        assertThat(folderMessage.getText()).isEqualTo("No file manager could be started here. Open this folder"
                + " yourself: " + logs);
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(logs);
        assertThat(lookup("#copyFolderPath").queryButton().getText()).isEqualTo("Path copied");

        clickOn("#startOver");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.START);
        assertThat(lookup("#startPage").query().isVisible()).isTrue();
    }

    private static Map<String, Long> targetCounts(String... databases) {
        Map<String, Long> counts = new HashMap<>();
        try (Installation target = Installation.connect(demo.target().settings())) {
            for (String database : databases) {
                for (String collection : target.database(database).listCollectionNames()) {
                    counts.put(database + "." + collection,
                            target.database(database).getCollection(collection).countDocuments());
                }
            }
        }
        return counts;
    }
}
