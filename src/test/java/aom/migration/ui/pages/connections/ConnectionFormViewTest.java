package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.ViewLoader;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ConnectionFormViewTest {

    @TempDir
    static Path folder;

    private ConnectionFormViewModel form;

    @Start
    void start(Stage stage) {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        form = new ConnectionFormViewModel(ConnectionRole.SOURCE, executor, new RecordingDialogService(),
                new SavedConnections(folder, executor));
        form.uriProperty().set("mongodb://metadata-db/");
        form.separateInstanceHostsProperty().set(true);
        stage.setScene(new Scene(ViewLoader.load(ConnectionsView.FORM_FXML,
                new ConnectionFormView(form, new SavedConnections(folder, executor))), 500, 900));
        stage.show();
    }

    @Test
    void everySystemKindGetsAHostFieldBoundToItsConnection(FxRobot robot) {
        for (SystemKind system : SystemKind.values()) {
            String id = "#" + system.name().toLowerCase(Locale.ROOT) + "HostField";
            TextField field = robot.lookup(id).queryAs(TextField.class);

            robot.interact(() -> field.setText("mongodb://" + system.name().toLowerCase(Locale.ROOT)
                    + "-data:27018/"));

            assertThat(form.instanceUriProperty(system).get()).as(id).contains("-data:27018");
        }
        assertThat(form.instanceHosts()).containsOnlyKeys(SystemKind.values());
        assertThat(form.instanceHosts().get(SystemKind.STAGING).hostsOnly()).isEqualTo("staging-data:27018");
    }
}
