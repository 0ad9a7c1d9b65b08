package aom.migration.ui;

import aom.migration.ui.settings.WizardSettings;
import javafx.application.Application;

import java.util.Locale;

/** Starts the JavaFX wizard; kept apart from {@code Main} so that the command line never loads JavaFX. */
public final class WizardLauncher {

    private WizardLauncher() {
    }

    /**
     * Loads the wizard's settings (the language chosen in it wins over the system's) and starts the wizard. The
     * settings are read here, on the main thread, so that the FX thread never waits for the disk.
     */
    public static void launch(String[] args) {
        JavaFxLogging.toLogFile();
        WizardSettings settings = WizardSettings.load(WizardApp.settingsFolder());
        settings.locale().ifPresent(Locale::setDefault);
        WizardApp.useSettings(settings);
        Application.launch(WizardApp.class, args);
    }
}
