package aom.migration.ui;

import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.WizardFlow;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OpenBundleArgumentTest extends WizardUiTest {

    private static final Path BUNDLE = Path.of("target", "ConferenceApp-20240301-101500.aombundle")
            .toAbsolutePath();

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Override
    protected Path bundleToOpen() {
        return BUNDLE;
    }

    @Test
    void aBundleGivenOnTheCommandLineOpensItsPreviewInTheImportFlow() throws Exception {
        assertThat(model.getFlow()).isEqualTo(WizardFlow.IMPORT);
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.PREVIEW);
        assertThat(model.bundleFileProperty().get()).isEqualTo(BUNDLE);
        assertThat(lookup("#flowLabel").queryLabeled().getText()).isEqualTo("Import a bundle");
        // The file does not exist: the preview says so in words and does not let the user go on.
        Label error = lookup("#previewErrorText").queryAs(Label.class);
        waitFor(() -> error.getText() != null && !error.getText().isEmpty());
        assertThat(error.getText()).contains(BUNDLE.getFileName().toString()).contains("there is no such bundle file");
        assertThat(lookup("#previewError").query().isVisible()).isTrue();
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();

        clickOn("#backButton");

        waitFor(() -> model.navigation().getCurrentPage() == PageId.START);
        assertThat(lookup("#importMode").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
