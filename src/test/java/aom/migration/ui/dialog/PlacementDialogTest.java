package aom.migration.ui.dialog;

import aom.migration.model.SystemKind;
import aom.migration.restore.Placement;
import aom.migration.ui.LayoutCheck;
import aom.migration.ui.PngWriter;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Confirm page's question where an import puts the application: the answer it gives, what it refuses and why,
 * and, in German, no English and no cut text. With {@code -Daom.screenshots=DIR} it also renders itself.
 */
@ExtendWith(ApplicationExtension.class)
class PlacementDialogTest {

    private static final Locale DEFAULT_LOCALE = Locale.getDefault();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("owner"), 1024, 700));
        stage.show();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(DEFAULT_LOCALE);
    }

    @Test
    void aValidNameAndSystemsAreTheAnswerAndTwoIntoOneOrABadNameAreRefusedWithTheReason(FxRobot robot)
            throws Exception {
        AtomicReference<Optional<Placement>> answer = open(robot);
        TextField name = robot.lookup("#placementName").queryAs(TextField.class);
        ComboBox<SystemKind> live = robot.lookup("#placementIntoLIVE").queryAs(ComboBox.class);
        ComboBox<SystemKind> test = robot.lookup("#placementIntoTEST").queryAs(ComboBox.class);
        Label problem = robot.lookup("#placementProblem").queryAs(Label.class);
        Button ok = defaultButton(robot);

        robot.interact(() -> name.setText("Conference.Copy"));
        assertThat(ok.isDisabled()).isTrue();
        assertThat(problem.getText()).startsWith("\u201cConference.Copy\u201d cannot be an application name");
        robot.interact(() -> {
            name.setText("ConferenceCopy");
            live.setValue(SystemKind.TEST);
        });
        assertThat(ok.isDisabled()).isTrue();
        assertThat(problem.getText()).isEqualTo("The bundle\u2019s LIVE and TEST data would both go into TEST.");
        robot.interact(() -> test.setValue(SystemKind.STAGING));
        assertThat(ok.isDisabled()).isFalse();
        assertThat(problem.getText()).isEmpty();

        robot.interact(ok::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).contains(new Placement("ConferenceCopy", Map.of(SystemKind.LIVE, SystemKind.TEST,
                SystemKind.TEST, SystemKind.STAGING)));
    }

    @Test
    void inGermanTheDialogSpeaksGermanAndShowsItsTextsWhole(FxRobot robot) throws Exception {
        Locale.setDefault(Locale.GERMAN);
        open(robot);
        Parent dialog = robot.lookup("#placementName").queryAs(TextField.class).getScene().getRoot();
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new java.util.ArrayList<>(LayoutCheck.cutTexts(dialog));
            found.addAll(LayoutCheck.englishTexts(dialog));
            return found;
        }).get(30, TimeUnit.SECONDS);
        String screenshots = System.getProperty("aom.screenshots");
        if (screenshots != null && !screenshots.isBlank()) {
            WritableImage[] image = new WritableImage[1];
            robot.interact(() -> image[0] = dialog.getScene().snapshot(null));
            PngWriter.write(image[0], Path.of(screenshots, "placement-dialog-de.png"));
        }

        assertThat(problems).isEmpty();
        robot.interact(() -> Window.getWindows().stream().filter(window -> window != stage).toList()
                .forEach(Window::hide));
    }

    private AtomicReference<Optional<Placement>> open(FxRobot robot) throws Exception {
        AtomicReference<Optional<Placement>> answer = new AtomicReference<>();
        FxDialogService dialogs = new FxDialogService(() -> stage);
        Platform.runLater(() -> answer.set(dialogs.askPlacement("ConferenceApp",
                EnumSet.of(SystemKind.LIVE, SystemKind.TEST), Placement.AS_IS)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#placementName").tryQuery()
                .isPresent());
        return answer;
    }

    private static Button defaultButton(FxRobot robot) {
        return robot.lookup(".button").match((Node node) -> node instanceof Button button && button.isDefaultButton())
                .queryAs(Button.class);
    }
}
