package aom.migration.ui.pages.start;

import javafx.fxml.FXML;
import javafx.scene.control.Button;

/** The Start page: choose what to do. */
public class StartView {

    @FXML
    private Button exportButton;

    @FXML
    private void initialize() {
        exportButton.setDefaultButton(true);
    }
}
