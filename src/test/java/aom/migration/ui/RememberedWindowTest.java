package aom.migration.ui;

import aom.migration.ui.settings.WizardSettings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard opens at the size it had when it was closed last, where the screen has room for it. */
class RememberedWindowTest extends WizardUiTest {

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Override
    protected void prepareSettings(Path folder) {
        new WizardSettings(null, 1100, 720, false).save(folder);
    }

    @Test
    void theWindowOpensAtItsLastSizeCentredOnTheScreen() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();

        assertThat(stage.getWidth()).isEqualTo(Math.min(1100, screen.getWidth()));
        assertThat(stage.getHeight()).isEqualTo(Math.min(720, screen.getHeight()));
        assertThat(stage.getX()).isEqualTo(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
    }
}
