package aom.migration.ui;

import aom.migration.bundle.BundlePaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the arguments of {@code migration.jar} ask of the wizard: whether they start it, and which bundle it opens.
 * Both decisions are made here so that the entry point and the wizard cannot disagree about what a bundle argument
 * is. Plain Java: the entry point asks before any JavaFX class is loaded.
 */
public final class WizardArguments {

    private WizardArguments() {
    }

    /**
     * No arguments, or a single existing bundle file (a double-click in the file manager). A bundle file that does
     * not exist goes to the command line, which says so on the terminal it was typed in.
     */
    public static boolean startWizard(List<String> arguments) {
        if (arguments.isEmpty()) {
            return true;
        }
        Path bundle = bundleToOpen(arguments);
        return bundle != null && Files.isRegularFile(bundle);
    }

    /** The bundle to open: the only argument, when it names a bundle file by its extension; else {@code null}. */
    public static Path bundleToOpen(List<String> arguments) {
        if (arguments.size() == 1 && BundlePaths.isBundleName(arguments.get(0))) {
            return Path.of(arguments.get(0)).toAbsolutePath();
        }
        return null;
    }
}
