package aom.migration;

import aom.migration.cli.MigrationCli;
import aom.migration.ui.WizardArguments;
import aom.migration.ui.WizardLauncher;

import java.util.List;

/**
 * Entry point of {@code migration.jar}: without arguments (or with a bundle file to open) it starts the wizard,
 * otherwise the command line. Deliberately not a JavaFX {@code Application}, so that the fat jar starts JavaFX
 * from the class path and the command line never needs a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (WizardArguments.startWizard(List.of(args))) {
            WizardLauncher.launch(args);
            return;
        }
        System.exit(MigrationCli.run(args));
    }
}
