package aom.migration.ui.pages.selection;

import aom.migration.model.SystemKind;
import aom.migration.ui.BindableView;
import aom.migration.ui.SystemControls;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/** The Selection page: binds the check boxes, sizes, reasons and the bundle file to the ViewModel. */
public class SelectionView implements BindableView {

    @FXML
    private Label titleLabel;
    @FXML
    private CheckBox metadataCheck;
    @FXML
    private CheckBox encryptCheck;
    @FXML
    private Label metadataLabel;
    @FXML
    private GridPane choices;
    @FXML
    private Label summaryLabel;
    @FXML
    private TextField bundleField;
    @FXML
    private Button chooseBundleButton;
    @FXML
    private Label problemLabel;

    private final SelectionViewModel viewModel;
    private final Map<SystemKind, CheckBox> systemChecks = new EnumMap<>(SystemKind.class);
    private final Map<SystemKind, Label> systemLabels = new EnumMap<>(SystemKind.class);

    public SelectionView(SelectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** A row per system kind under the metadata's: its check box (liveCheck, ...) and its size or reason. */
    @FXML
    private void initialize() {
        for (SystemKind system : SystemKind.values()) {
            CheckBox check = SystemControls.checkBox(system, SystemControls.id(system, "Check"));
            check.setGraphic(new FontIcon("mdi2d-database"));
            Label label = new Label();
            label.setId(SystemControls.id(system, "Label"));
            label.setWrapText(true);
            choices.addRow(choices.getRowCount(), check, label);
            systemChecks.put(system, check);
            systemLabels.put(system, label);
        }
    }

    @Override
    public void bind() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        metadataCheck.selectedProperty().bindBidirectional(viewModel.metadataProperty());
        metadataLabel.textProperty().bind(viewModel.metadataDescriptionProperty());
        systemChecks.forEach((system, check) ->
                bindSystem(check, systemLabels.get(system), viewModel.system(system)));
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        bundleField.textProperty().bindBidirectional(viewModel.bundlePathProperty());
        encryptCheck.selectedProperty().bindBidirectional(viewModel.encryptProperty());
        chooseBundleButton.setOnAction(event -> viewModel.chooseBundleFile());
        problemLabel.textProperty().bind(viewModel.problemProperty());
        problemLabel.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
    }

    private static void bindSystem(CheckBox check, Label label, SystemChoice choice) {
        check.selectedProperty().bindBidirectional(choice.selectedProperty());
        check.disableProperty().bind(choice.availableProperty().not());
        label.textProperty().bind(Bindings.createStringBinding(() -> choice.availableProperty().get()
                ? choice.sizeProperty().get() : choice.reasonProperty().get(), choice.availableProperty(),
                choice.sizeProperty(), choice.reasonProperty()));
        label.getStyleClass().add("text-muted");
        choice.availableProperty().addListener((observable, old, available) -> showReason(check, label, choice));
        showReason(check, label, choice);
    }

    private static void showReason(CheckBox check, Label label, SystemChoice choice) {
        // A disabled control shows no tooltip, so the reason sits on the label next to it as well.
        Tooltip reason = choice.availableProperty().get() ? null : new Tooltip(choice.reasonProperty().get());
        label.setTooltip(reason);
        check.setTooltip(reason);
        label.getStyleClass().remove("unavailable-reason");
        if (reason != null) {
            label.getStyleClass().add("unavailable-reason");
        }
    }
}
