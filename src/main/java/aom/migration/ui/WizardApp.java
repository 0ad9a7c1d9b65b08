package aom.migration.ui;

import aom.migration.ui.desktop.SystemFolderOpener;
import aom.migration.ui.dialog.FxDialogService;
import aom.migration.ui.dialog.UncaughtErrorHandler;
import aom.migration.ui.task.FxTaskExecutor;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import aom.migration.ui.wizard.WizardWindow;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The wizard's JavaFX application: theme, services, window. Started with a bundle file as its only argument, it
 * opens that bundle's preview; on exit it stops background work and the demo servers.
 */
public class WizardApp extends Application {

    private final WizardModel model = new WizardModel();
    private FxTaskExecutor executor;

    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        new UncaughtErrorHandler(dialogs).install();
        executor = new FxTaskExecutor();
        new WizardWindow(stage, model, WizardServices.standard(dialogs, executor,
                new SystemFolderOpener(getHostServices())))
                .show(bundleArgument(getParameters().getRaw()));
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        model.close();
    }

    /** The bundle to open: the only argument, when it names an {@code .aombundle} file. */
    static Path bundleArgument(List<String> arguments) {
        if (arguments.size() == 1 && arguments.get(0).toLowerCase(Locale.ROOT).endsWith(".aombundle")) {
            return Path.of(arguments.get(0)).toAbsolutePath();
        }
        return null;
    }
}
