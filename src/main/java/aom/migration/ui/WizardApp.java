package aom.migration.ui;

import aom.migration.model.AppHome;
import aom.migration.ui.desktop.SystemFolderOpener;
import aom.migration.ui.dialog.FxDialogService;
import aom.migration.ui.dialog.UncaughtErrorHandler;
import aom.migration.ui.settings.WizardSettings;
import aom.migration.ui.task.FxTaskExecutor;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import aom.migration.ui.wizard.WizardWindow;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The wizard's JavaFX application: theme, services, window. Started with a bundle file as its only argument, it
 * opens that bundle's preview; on exit it stops background work and the demo servers and remembers the window's
 * size and the language.
 */
public class WizardApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WizardApp.class);

    /** Read by {@link WizardLauncher} before the toolkit starts, so that the FX thread reads no file. */
    private static volatile WizardSettings startupSettings = WizardSettings.NONE;

    private FxTaskExecutor executor;
    private WizardWindow window;

    /** The settings the window opens with; the launcher loads them (and sets the language) before launching. */
    static void useSettings(WizardSettings settings) {
        startupSettings = settings;
    }

    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        new UncaughtErrorHandler(dialogs).install();
        executor = new FxTaskExecutor();
        window = new WizardWindow(stage, new WizardModel(), WizardServices.standard(dialogs, executor,
                new SystemFolderOpener(getHostServices())));
        window.show(WizardArguments.bundleToOpen(getParameters().getRaw()), startupSettings);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        if (window != null) {
            window.close();
            WizardSettings settings = window.settingsToSave();
            // Not on the FX thread, and not a daemon: the JVM waits for the few bytes to be written.
            new Thread(() -> {
                try {
                    settings.save(settingsFolder());
                } catch (RuntimeException e) {
                    LOG.warn("Could not save the wizard's settings: {}", e.toString());
                }
            }, "save-settings").start();
        }
    }

    /** Where the wizard keeps its settings. */
    static Path settingsFolder() {
        return AppHome.root().resolve("settings");
    }
}
