package aom.migration.ui.pages.export;

import aom.migration.ui.BindableView;
import aom.migration.ui.pages.progress.JobOutcome;
import aom.migration.ui.pages.progress.JobPageView;
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
    private final JobPageView jobView;

    public ExportView(ExportViewModel viewModel) {
        this.viewModel = viewModel;
        this.jobView = new JobPageView(viewModel.job());
    }

    @FXML
    private void initialize() {
        jobView.build(progressHost);
    }

    @Override
    public void bind() {
        jobView.bind(titleLabel, outcomeBox, outcomeIcon, outcomeLabel, "mdi2c-cancel");
        destinationLabel.textProperty().bind(viewModel.destinationProperty());
        retryButton.setOnAction(event -> viewModel.retry());
        viewModel.job().outcomeProperty().addListener((observable, old, outcome) -> showRetry(outcome));
        showRetry(viewModel.job().outcomeProperty().get());
    }

    private void showRetry(JobOutcome outcome) {
        retryButton.setVisible(outcome == JobOutcome.CANCELLED || outcome == JobOutcome.FAILED
                || outcome == JobOutcome.DECLINED);
        retryButton.setManaged(retryButton.isVisible());
    }
}
