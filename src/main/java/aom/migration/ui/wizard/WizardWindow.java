package aom.migration.ui.wizard;

import aom.migration.ui.Messages;
import aom.migration.ui.Resources;
import aom.migration.ui.ViewLoader;
import aom.migration.ui.task.BackgroundTask;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.nio.file.Path;

/**
 * Puts the wizard into a window: the frame, the AtlantaFX theme and the wizard's stylesheet, title, icon and
 * minimum size, and the question before closing while a job runs. Used by {@code WizardApp} and by the UI tests,
 * which pass their own services.
 */
public final class WizardWindow {

    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 660;
    public static final double WIDTH = 1060;
    public static final double HEIGHT = 720;
    private static final String APP_ICON = "/aom/migration/ui/icons/app-64.png";

    private final Stage stage;
    private final WizardModel model;
    private final WizardServices services;
    private final PageCatalog pages;
    private boolean closeAfterJob;

    public WizardWindow(Stage stage, WizardModel model, WizardServices services) {
        this.stage = stage;
        this.model = model;
        this.services = services;
        this.pages = new PageCatalog(model, services);
    }

    /**
     * Shows the window on the Start page, or on the preview of {@code bundle} when the wizard was opened with one.
     */
    public void show(Path bundle) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Parent root = ViewLoader.load("wizard/WizardView.fxml",
                new WizardController(model, pages, services.dialogs()));
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Resources.url("wizard.css").toExternalForm());
        stage.setScene(scene);
        // A stage shown before with another scene keeps its old size otherwise.
        stage.sizeToScene();
        stage.setTitle(Messages.get("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (WizardWindow.class.getResource(APP_ICON) != null) {
            // The icon comes with the packaging; a development build may not have it yet.
            stage.getIcons().add(new Image(WizardWindow.class.getResource(APP_ICON).toExternalForm()));
        }
        stage.setOnCloseRequest(this::onCloseRequest);
        if (bundle != null) {
            model.openBundle(bundle);
        } else {
            model.begin();
        }
        stage.show();
    }

    public WizardModel model() {
        return model;
    }

    public PageCatalog pages() {
        return pages;
    }

    private void onCloseRequest(WindowEvent event) {
        BackgroundTask<?> job = model.runningJobProperty().get();
        if (job == null) {
            return;
        }
        event.consume();
        if (closeAfterJob) {
            return;
        }
        if (services.dialogs().confirm(Messages.get("close.job.title"), Messages.get("close.job.message"),
                Messages.get("close.job.confirm"))) {
            // The job ends at its next check and cleans up after itself; the window closes once it has.
            closeAfterJob = true;
            job.onFinished(stage::close);
            job.cancel();
        }
    }
}
