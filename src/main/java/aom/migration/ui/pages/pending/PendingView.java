package aom.migration.ui.pages.pending;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Shows that a page is not part of this build yet. */
public class PendingView {

    @FXML
    private Label titleLabel;
    @FXML
    private Label bundleLabel;

    private final PendingViewModel viewModel;

    public PendingView(PendingViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(viewModel.title());
        bundleLabel.textProperty().bind(viewModel.bundleText());
    }
}
