package aom.migration.ui.pages.export;

import aom.migration.ui.BindableView;
import aom.migration.ui.ViewLoader;
import aom.migration.ui.pages.progress.JobOutcome;
import aom.migration.ui.pages.progress.JobProgressView;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Export page: the title, the shared progress part and the banner that says how the export ended. */
public class ExportView implements BindableView {

    @FXML
    private Label titleLabel;
    @FXML
    private Label destinationLabel;
    @FXML
    private StackPane progressHost;
    @FXML
    private HBox outcomeBox;
    @FXML
    private FontIcon outcomeIcon;
    @FXML
    private Label outcomeLabel;
    @FXML
    private Button retryButton;

    private final ExportViewModel viewModel;
    private final JobProgressView progressView;

    public ExportView(ExportViewModel viewModel) {
        this.viewModel = viewModel;
        this.progressView = new JobProgressView(viewModel.progress());
    }

    @FXML
    private void initialize() {
        progressHost.getChildren().add(ViewLoader.build("pages/progress/JobProgressView.fxml", progressView));
    }

    @Override
    public void bind() {
        progressView.bind();
        titleLabel.textProperty().bind(viewModel.titleProperty());
        destinationLabel.textProperty().bind(viewModel.destinationProperty());
        outcomeLabel.textProperty().bind(viewModel.outcomeTextProperty());
        outcomeBox.visibleProperty().bind(viewModel.outcomeTextProperty().isNotEmpty());
        outcomeBox.managedProperty().bind(outcomeBox.visibleProperty());
        retryButton.setOnAction(event -> viewModel.retry());
        viewModel.outcomeProperty().addListener((observable, old, outcome) -> showOutcome(outcome));
        showOutcome(viewModel.outcomeProperty().get());
    }

    private void showOutcome(JobOutcome outcome) {
        outcomeBox.getStyleClass().removeAll("outcome-success", "outcome-warning", "outcome-danger");
        retryButton.setVisible(outcome == JobOutcome.CANCELLED || outcome == JobOutcome.FAILED);
        retryButton.setManaged(retryButton.isVisible());
        switch (outcome) {
            case SUCCEEDED -> {
                outcomeBox.getStyleClass().add("outcome-success");
                outcomeIcon.setIconLiteral("mdi2c-check-circle");
            }
            case CANCELLED -> {
                outcomeBox.getStyleClass().add("outcome-warning");
                outcomeIcon.setIconLiteral("mdi2c-cancel");
            }
            case FAILED -> {
                outcomeBox.getStyleClass().add("outcome-danger");
                outcomeIcon.setIconLiteral("mdi2a-alert-circle");
            }
            default -> {
            }
        }
    }
}
