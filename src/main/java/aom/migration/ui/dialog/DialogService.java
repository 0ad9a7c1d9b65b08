package aom.migration.ui.dialog;

import aom.migration.model.SystemKind;
import aom.migration.restore.Placement;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Every dialog the wizard shows, behind an interface so that ViewModels and views can be tested with a stand-in
 * that answers without a window. All methods are called on the FX thread.
 */
public interface DialogService {

    /** The one error dialog: a readable message, and the technical details in an expandable area. */
    void showError(String title, String message, Throwable details);

    /** Asks a yes/no question; {@code true} when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * Asks a yes/no question whose "no" needs its own words (say "Keep running" beside "Stop the import", where a plain
     * "Cancel" would read as the same thing); {@code true} when the user chose {@code confirmLabel}.
     */
    default boolean confirm(String title, String message, String confirmLabel, String declineLabel) {
        return confirm(title, message, confirmLabel);
    }

    /** Asks for one line of text, e.g. the name of a saved connection; empty when cancelled. */
    Optional<String> askText(String title, String message, String initialText);

    /**
     * Asks for the passphrase of an encrypted bundle in fields that do not show it; with {@code twice} (a new
     * bundle) it must be typed twice alike. Empty when cancelled. The caller wipes the characters after use.
     */
    Optional<char[]> askPassphrase(String title, String message, boolean twice);

    /**
     * Asks where an import puts {@code application}: its name in the target, and for each of {@code systems} (the
     * bundle's systems being imported) the target's system it goes into; starts from {@code current}. Empty when
     * cancelled.
     */
    Optional<Placement> askPlacement(String application, Set<SystemKind> systems, Placement current);

    /** A save dialog; empty when cancelled. */
    Optional<Path> chooseFileToSave(FileRequest request);

    /** An open dialog; empty when cancelled. */
    Optional<Path> chooseFileToOpen(FileRequest request);
}
