package aom.migration.ui.dialog;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class PassphraseDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("owner"), 300, 200));
        stage.show();
    }

    @Test
    void aNewPassphraseMustBeTypedTwiceAlikeAndIsNeverShown(FxRobot robot) throws Exception {
        AtomicReference<Optional<char[]>> answer = new AtomicReference<>();
        FxDialogService dialogs = new FxDialogService(() -> stage);
        Platform.runLater(() -> answer.set(dialogs.askPassphrase("Passphrase for the bundle",
                "Choose a passphrase for x.aombundle.", true)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#passphraseField").tryQuery()
                .isPresent());
        PasswordField first = robot.lookup("#passphraseField").queryAs(PasswordField.class);
        PasswordField again = robot.lookup("#passphraseAgainField").queryAs(PasswordField.class);
        Button ok = robot.lookup(".button").match(node -> node instanceof Button button && button.isDefaultButton())
                .queryAs(Button.class);

        robot.interact(() -> {
            first.setText("correct horse");
            again.setText("correct hose");
        });
        assertThat(ok.isDisabled()).isTrue();
        assertThat(robot.lookup(".problem-text").queryAs(Label.class).getText())
                .isEqualTo("The two passphrases differ.");

        robot.interact(() -> again.setText("correct horse"));
        assertThat(ok.isDisabled()).isFalse();
        robot.lookup((Node node) -> node instanceof Label label && label.getText().contains("correct"))
                .tryQuery().ifPresent(label -> {
                    throw new AssertionError("The passphrase is shown: " + label);
                });
        robot.interact(ok::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> answer.get() != null);

        assertThat(answer.get()).hasValueSatisfying(typed -> assertThat(new String(typed)).isEqualTo("correct horse"));
    }
}
