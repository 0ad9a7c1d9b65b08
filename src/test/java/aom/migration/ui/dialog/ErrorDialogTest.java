package aom.migration.ui.dialog;

import aom.migration.ui.RecordingDialogService;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("owner"), 300, 200));
        stage.show();
    }

    @Test
    void showsTheMessageAndTheDetailsBehindAnExpander(FxRobot robot) {
        RuntimeException failure = new IllegalStateException("mongodb://support:hunter2@db:27017/ went away");
        Alert[] alert = new Alert[1];

        robot.interact(() -> alert[0] = ErrorDialog.create("Export failed", "The source went away.", failure));

        assertThat(alert[0].getHeaderText()).isEqualTo("Export failed");
        assertThat(alert[0].getContentText()).isEqualTo("The source went away.");
        GridPane details = (GridPane) alert[0].getDialogPane().getExpandableContent();
        TextArea trace = (TextArea) details.getChildren().get(1);
        assertThat(trace.getText()).contains("IllegalStateException", "support:*****@db")
                .doesNotContain("hunter2");
        assertThat(alert[0].getDialogPane().isExpanded()).isFalse();
    }

    @Test
    void anExceptionNobodyCaughtEndsInTheErrorDialog() throws Exception {
        RecordingDialogService dialogs = new RecordingDialogService();
        UncaughtErrorHandler handler = new UncaughtErrorHandler(dialogs);
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("boom");
        }, "worker");
        worker.setUncaughtExceptionHandler(handler);

        worker.start();
        worker.join();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        assertThat(dialogs.errors).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("Something went wrong");
            assertThat(error.message()).isEqualTo("Unexpected error (IllegalStateException): boom");
            assertThat(error.details()).hasMessage("boom");
        });
    }
}
