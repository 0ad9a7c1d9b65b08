package aom.migration.ui;

import javafx.application.Application;

/** Starts the JavaFX wizard; kept apart from {@code Main} so that the command line never loads JavaFX. */
public final class WizardLauncher {

    private WizardLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WizardApp.class, args);
    }
}
