package aom.migration.ui.pages.connections;

import aom.migration.ui.BindableView;
import aom.migration.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.layout.StackPane;

/** The Connections page: one form per installation the flow needs. */
public class ConnectionsView implements BindableView {

    static final String FORM_FXML = "pages/connections/ConnectionFormView.fxml";

    @FXML
    private StackPane sourceSlot;
    @FXML
    private StackPane targetSlot;

    private final ConnectionsViewModel viewModel;
    private final ConnectionFormView sourceForm;
    private final ConnectionFormView targetForm;

    public ConnectionsView(ConnectionsViewModel viewModel) {
        this.viewModel = viewModel;
        this.sourceForm = new ConnectionFormView(viewModel.source(), viewModel.saved());
        this.targetForm = new ConnectionFormView(viewModel.target(), viewModel.saved());
    }

    @FXML
    private void initialize() {
        sourceSlot.getChildren().add(ViewLoader.build(FORM_FXML, sourceForm));
        targetSlot.getChildren().add(ViewLoader.build(FORM_FXML, targetForm));
    }

    @Override
    public void bind() {
        sourceForm.bind();
        targetForm.bind();
        sourceSlot.visibleProperty().bind(viewModel.showSourceProperty());
        sourceSlot.managedProperty().bind(sourceSlot.visibleProperty());
        targetSlot.visibleProperty().bind(viewModel.showTargetProperty());
        targetSlot.managedProperty().bind(targetSlot.visibleProperty());
    }
}
