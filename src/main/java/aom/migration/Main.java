package aom.migration;

import aom.migration.cli.MigrationCli;
import aom.migration.ui.WizardLauncher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of {@code migration.jar}: without arguments (or with a bundle file to open) it starts the wizard,
 * otherwise the command line. Deliberately not a JavaFX {@code Application}, so that the fat jar starts JavaFX
 * from the class path and the command line never needs a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (opensWizard(args)) {
            WizardLauncher.launch(args);
            return;
        }
        System.exit(MigrationCli.run(args));
    }

    /** No arguments, or a single existing {@code .aombundle} file (a double-click in the file manager). */
    static boolean opensWizard(String[] args) {
        if (args.length == 0) {
            return true;
        }
        return args.length == 1 && args[0].toLowerCase().endsWith(".aombundle") && Files.isRegularFile(Path.of(args[0]));
    }
}
