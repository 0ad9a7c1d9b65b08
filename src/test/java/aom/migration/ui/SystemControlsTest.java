package aom.migration.ui;

import aom.migration.model.SystemKind;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SystemControlsTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("toolkit"), 100, 50));
    }

    @Test
    void everySystemKindGetsACheckBoxInOrderNamedAndFoundByItsId() {
        Map<SystemKind, CheckBox> boxes = SystemControls.checkBoxes("import");

        assertThat(boxes.keySet()).containsExactly(SystemKind.values());
        assertThat(boxes.values()).extracting(CheckBox::getText).containsExactly("LIVE", "STAGING", "TEST");
        assertThat(boxes.values()).extracting(CheckBox::getId)
                .containsExactly("importLive", "importStaging", "importTest");
    }

    @Test
    void anIdJoinsThePrefixAndTheSystemAsAWord() {
        assertThat(SystemControls.id("import", SystemKind.STAGING)).isEqualTo("importStaging");
        assertThat(SystemControls.id("", SystemKind.LIVE)).isEqualTo("Live");
    }

    @Test
    void anIdMayStartWithTheSystemAndEndWithASuffix() {
        assertThat(SystemControls.id(SystemKind.STAGING, "Check")).isEqualTo("stagingCheck");
        assertThat(SystemControls.id(SystemKind.TEST, "HostField")).isEqualTo("testHostField");
    }

    @Test
    void aSingleCheckBoxIsNamedForItsSystemWithTheGivenId() {
        CheckBox box = SystemControls.checkBox(SystemKind.LIVE, "liveCheck");

        assertThat(box.getText()).isEqualTo("LIVE");
        assertThat(box.getId()).isEqualTo("liveCheck");
    }
}
