package aom.migration.ui.pages.connections;

import aom.migration.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.layout.StackPane;

/** The Connections page: one form per installation the flow needs. */
public class ConnectionsView {

    static final String FORM_FXML = "pages/connections/ConnectionFormView.fxml";

    @FXML
    private StackPane sourceSlot;
    @FXML
    private StackPane targetSlot;

    private final ConnectionsViewModel viewModel;

    public ConnectionsView(ConnectionsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        sourceSlot.getChildren().add(ViewLoader.load(FORM_FXML,
                new ConnectionFormView(viewModel.source(), viewModel.saved())));
        targetSlot.getChildren().add(ViewLoader.load(FORM_FXML,
                new ConnectionFormView(viewModel.target(), viewModel.saved())));
        sourceSlot.visibleProperty().bind(viewModel.showSourceProperty());
        sourceSlot.managedProperty().bind(sourceSlot.visibleProperty());
        targetSlot.visibleProperty().bind(viewModel.showTargetProperty());
        targetSlot.managedProperty().bind(targetSlot.visibleProperty());
    }
}
