package aom.migration.ui.dialog;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Shows a dialog over the wizard's window: owned by it (so it stays in front of it), centred on it, and blocking it
 * while open. The window is blocked by disabling its content rather than by the toolkit's modality: on Linux the
 * toolkit blocks a window by fixing its size hints, which makes a window manager such as openbox take a maximised
 * window out of its maximised state at every dialog.
 */
final class OwnedDialog {

    /**
     * Room beyond the buttons' reckoned width: under openbox a button laid out to exactly its reckoned width still
     * cut its label by a pixel or two ("Weiterlaufen lass...").
     */
    private static final double BUTTON_SLACK = 24;
    /** How far down the owner a dialog's top sits, as a share of the room left: a little above the middle. */
    private static final double VERTICAL_PLACE = 0.4;

    private OwnedDialog() {
    }

    /** Shows {@code dialog} over {@code owner} (if any) and waits for the answer. Call on the FX thread. */
    static <R> Optional<R> showAndWait(Dialog<R> dialog, Window owner) {
        if (owner == null || owner.getScene() == null) {
            return dialog.showAndWait();
        }
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        Node content = owner.getScene().getRoot();
        boolean wasDisabled = content.isDisable();
        content.setDisable(true);
        fitButtons(dialog);
        dialog.setOnShown(event -> {
            fitButtons(dialog);
            centre(dialog, owner);
            // Widened for its buttons after it showed, the toolkit places it again by the size it had: centred once
            // more when that is done.
            Platform.runLater(() -> centre(dialog, owner));
        });
        try {
            return dialog.showAndWait();
        } finally {
            content.setDisable(wasDisabled);
        }
    }

    /**
     * Gives the dialog at least the width its buttons need with their whole labels (a long translation was cut,
     * "Roll back and clo..."): measured before it shows, with its styles, and again once shown.
     */
    private static void fitButtons(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        if (pane.getScene() == null) {
            return;
        }
        pane.applyCss();
        if (pane.lookup(".button-bar") instanceof ButtonBar buttons) {
            double needed = Math.ceil(buttons.prefWidth(-1) + pane.snappedLeftInset() + pane.snappedRightInset())
                    + BUTTON_SLACK;
            if (pane.getMinWidth() < needed) {
                pane.setMinWidth(needed);
                if (pane.getScene().getWindow() != null && pane.getScene().getWindow().isShowing()) {
                    pane.getScene().getWindow().sizeToScene();
                }
            }
        }
    }

    /** Centres the dialog's window (its own size, which the dialog's copy of it may not have caught up with). */
    private static void centre(Dialog<?> dialog, Window owner) {
        Window window = dialog.getDialogPane().getScene().getWindow();
        window.setX(owner.getX() + Math.max(0, (owner.getWidth() - window.getWidth()) / 2));
        window.setY(owner.getY() + Math.max(0, (owner.getHeight() - window.getHeight()) * VERTICAL_PLACE));
    }
}
