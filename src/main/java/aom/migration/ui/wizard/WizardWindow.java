package aom.migration.ui.wizard;

import aom.migration.ui.Messages;
import aom.migration.ui.Resources;
import aom.migration.ui.ViewLoader;
import aom.migration.ui.settings.WizardSettings;
import aom.migration.ui.task.BackgroundTask;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Puts the wizard into a window: the frame, the AtlantaFX theme and the wizard's stylesheet, title, icon, the size
 * it opens at (the last one, or one that suits the screen) and the question before closing while a job runs. When
 * the language is changed on the Start page it builds the pages anew in that language. Used by {@code WizardApp} and
 * by the UI tests, which pass their own services.
 */
public final class WizardWindow {

    private static final Logger LOG = LoggerFactory.getLogger(WizardWindow.class);
    private static final String APP_ICON = "/aom/migration/ui/icons/app-64.png";

    private final Stage stage;
    private final WizardServices services;
    private WizardModel model;
    private PageCatalog pages;
    private WizardSettings settings = WizardSettings.NONE;
    private double normalWidth;
    private double normalHeight;
    private boolean closeAfterJob;

    public WizardWindow(Stage stage, WizardModel model, WizardServices services) {
        this.stage = stage;
        this.model = model;
        this.services = services;
    }

    /**
     * Shows the window on the Start page, or on the preview of {@code bundle} when the wizard was opened with one,
     * with the settings of the services' settings folder. Reads that small file on the calling thread: the wizard
     * itself loads its settings before the toolkit starts and calls {@link #show(Path, WizardSettings)}.
     */
    public void show(Path bundle) {
        show(bundle, WizardSettings.load(services.settingsDirectory()));
    }

    /** Shows the window as {@link #show(Path)} does, sized and in the language that {@code saved} remembers. */
    public void show(Path bundle, WizardSettings saved) {
        settings = saved;
        saved.locale().ifPresent(locale -> {
            Locale.setDefault(locale);
            model.chooseLanguage(locale);
        });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(buildFrame());
        scene.getStylesheets().add(Resources.url("wizard.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.title"));
        if (WizardWindow.class.getResource(APP_ICON) != null && stage.getIcons().isEmpty()) {
            // The icon comes with the packaging; a development build may not have it yet.
            stage.getIcons().add(new Image(WizardWindow.class.getResource(APP_ICON).toExternalForm()));
        }
        placeOnScreen();
        stage.setOnCloseRequest(this::onCloseRequest);
        if (bundle != null) {
            model.openBundle(bundle);
        } else {
            model.navigation().begin();
        }
        stage.show();
    }

    /** The model of the pages shown now (a change of language makes a new one). */
    public WizardModel model() {
        return model;
    }

    public PageCatalog pages() {
        return pages;
    }

    /** The settings to save when the wizard ends: the language and the window's last size. */
    public WizardSettings settingsToSave() {
        boolean maximized = stage.isMaximized();
        double width = maximized || normalWidth <= 0 ? settings.width() : normalWidth;
        double height = maximized || normalHeight <= 0 ? settings.height() : normalHeight;
        return settings.withSize(width, height, maximized);
    }

    /** Stops what the pages hold open (the demo servers, an opened bundle): the wizard is ending. */
    public void close() {
        model.close();
    }

    private Parent buildFrame() {
        pages = new PageCatalog(model, services);
        // Later, not inside the event of the menu that chose it: the menu is part of what is replaced.
        model.languageProperty().addListener((observable, old, language) ->
                Platform.runLater(() -> changeLanguage(language)));
        return ViewLoader.load("wizard/WizardView.fxml", new WizardController(model, pages, services.dialogs()));
    }

    /**
     * Opens at the size the window had when it closed, or at one that suits the screen. Some window managers (openbox)
     * ignore a size asked for before the window is mapped and open it at its minimum, so the size is asked for again
     * once the window shows.
     */
    private void placeOnScreen() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Rectangle2D bounds = WindowGeometry.initial(settings, screen);
        stage.setMinWidth(WindowGeometry.minWidth(screen));
        stage.setMinHeight(WindowGeometry.minHeight(screen));
        place(bounds);
        stage.setOnShown(event -> {
            place(bounds);
            if (settings.maximized()) {
                stage.setMaximized(true);
            }
        });
        normalWidth = bounds.getWidth();
        normalHeight = bounds.getHeight();
        stage.widthProperty().addListener((observable, old, width) -> {
            if (!stage.isMaximized() && stage.isShowing()) {
                normalWidth = width.doubleValue();
            }
        });
        stage.heightProperty().addListener((observable, old, height) -> {
            if (!stage.isMaximized() && stage.isShowing()) {
                normalHeight = height.doubleValue();
            }
        });
    }

    private void place(Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    /**
     * Builds the pages anew in {@code language} and remembers the choice. The session's connections and demo servers
     * carry over to the new pages; the Start page offers the change only while no job runs.
     */
    private void changeLanguage(Locale language) {
        if (language == null || model.runningJob().isRunning() || language.equals(Locale.getDefault())) {
            return;
        }
        Locale.setDefault(language);
        settings = settings.withLanguage(language);
        WizardSettings chosen = settings;
        services.executor().execute(BackgroundTask.of((listener, cancel) -> {
            chosen.save(services.settingsDirectory());
            return null;
        }).onFailure(error -> LOG.warn("Could not save the language: {}", error.toString())));
        WizardModel previous = model;
        model = previous.handOver();
        previous.close();
        stage.getScene().setRoot(buildFrame());
        stage.setTitle(Messages.get("app.title"));
        model.navigation().begin();
    }

    private void onCloseRequest(WindowEvent event) {
        BackgroundTask<?> job = model.runningJob().jobProperty().get();
        if (job == null) {
            return;
        }
        event.consume();
        if (closeAfterJob) {
            return;
        }
        WizardJob kind = model.runningJob().kindProperty().get();
        boolean confirmed = services.dialogs().confirm(Messages.get(kind.key("close.title")),
                Messages.get(kind.key("close.message")), Messages.get(kind.key("close.confirm")),
                Messages.get("job.keepRunning"));
        // The job runs on while the question is open; one that ended meanwhile is not undone, and the window stays
        // to show how it ended (closing it again asks nothing).
        if (confirmed && !job.isDone()) {
            // The job ends at its next check and cleans up after itself (the page shows it stopping); the window
            // closes once it has.
            closeAfterJob = true;
            job.onFinished(stage::close);
            job.cancel();
        }
    }
}
