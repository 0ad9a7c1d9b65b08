package aom.migration.ui.dialog;

import aom.migration.ui.LayoutCheck;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's questions open over its window: owned by it, centred on it, and blocking it while open without the
 * toolkit's modality (which un-maximised the window under openbox); both answers keep their whole labels.
 */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("the wizard"), 900, 640));
        stage.setX(100);
        stage.setY(50);
        stage.show();
    }

    @Test
    void aQuestionOpensOwnedByAndCentredOnTheWindowAndBlocksItUntilAnswered(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();

        Platform.runLater(() -> answer.complete(dialogs.confirm("Stop the import?", "The import stops and puts the"
                + " target back.", "Stop, roll back and close the window", "Keep running")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = robot.lookup("#confirmDialog").queryAs(DialogPane.class);
        Stage dialog = (Stage) pane.getScene().getWindow();
        Window owner = dialog.getOwner();
        assertThat(owner).isSameAs(stage);
        assertThat(dialog.getModality()).isEqualTo(Modality.NONE);
        assertThat(stage.getScene().getRoot().isDisabled()).as("the window is blocked").isTrue();
        assertThat(dialog.getX() + dialog.getWidth() / 2).isCloseTo(stage.getX() + stage.getWidth() / 2,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(dialog.getY()).isBetween(stage.getY(), stage.getY() + stage.getHeight() - dialog.getHeight());
        Button keep = robot.from(pane).lookup("Keep running").queryButton();
        assertThat(WaitForAsyncUtils.asyncFx(() -> LayoutCheck.cutTexts(pane)).get(30, TimeUnit.SECONDS))
                .as("labels cut short in the dialog").isEmpty();

        robot.clickOn(keep);

        assertThat(answer.get(30, TimeUnit.SECONDS)).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().isDisabled()).as("the window answers again").isFalse();
    }
}
