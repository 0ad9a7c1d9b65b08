package aom.migration.ui.desktop;

import java.nio.file.Path;

/**
 * Shows a folder in the system's file manager (the log folder, the bundle's folder). Behind an interface so that
 * tests do not open windows; where nothing can open it, the wizard shows the path instead.
 */
@FunctionalInterface
public interface FolderOpener {

    /** Opens nothing: the wizard always shows the path. */
    FolderOpener NONE = folder -> false;

    /**
     * Opens {@code folder} in the file manager. May block for a moment: call it from a background task.
     *
     * @return whether the folder could be handed to a file manager
     */
    boolean open(Path folder);
}
