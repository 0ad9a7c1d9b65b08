package aom.migration.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.IOException;
import java.util.ResourceBundle;

/** The wizard's JavaFX application: theme, window, first page. */
public class WizardApp extends Application {

    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 620;

    @Override
    public void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ResourceBundle messages = Resources.messages();
        Parent root = FXMLLoader.load(Resources.url("pages/start/StartView.fxml"), messages);
        Scene scene = new Scene(root, 1000, 680);
        scene.getStylesheets().add(Resources.url("wizard.css").toExternalForm());
        stage.setTitle(messages.getString("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (WizardApp.class.getResource("/aom/migration/ui/icons/app-64.png") != null) {
            stage.getIcons().add(new Image(Resources.url("icons/app-64.png").toExternalForm()));
        }
        stage.setScene(scene);
        stage.show();
    }
}
