package aom.migration.ui.dialog;

import aom.migration.ui.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The wizard's single error dialog: the readable message up front, the stack trace (passwords masked) behind
 * "Show details", so that a support engineer can copy it into a ticket.
 */
final class ErrorDialog {

    private ErrorDialog() {
    }

    static Alert create(String title, String message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.getDialogPane().setId("errorDialog");
        alert.getDialogPane().setMinWidth(560);
        if (details != null) {
            TextArea trace = new TextArea(ErrorText.details(details));
            trace.setId("errorDetails");
            trace.setEditable(false);
            trace.setWrapText(false);
            trace.setPrefRowCount(14);
            trace.setMaxWidth(Double.MAX_VALUE);
            trace.setMaxHeight(Double.MAX_VALUE);
            GridPane.setVgrow(trace, Priority.ALWAYS);
            GridPane.setHgrow(trace, Priority.ALWAYS);
            GridPane content = new GridPane();
            content.setVgap(6);
            content.setMaxWidth(Double.MAX_VALUE);
            content.add(new Label(Messages.get("error.details")), 0, 0);
            content.add(trace, 0, 1);
            alert.getDialogPane().setExpandableContent(content);
        }
        return alert;
    }
}
