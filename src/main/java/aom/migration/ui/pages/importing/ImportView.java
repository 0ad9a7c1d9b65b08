package aom.migration.ui.pages.importing;

import aom.migration.ui.BindableView;
import aom.migration.ui.ViewLoader;
import aom.migration.ui.pages.progress.JobOutcome;
import aom.migration.ui.pages.progress.JobProgressView;
import aom.migration.ui.pages.progress.OutcomeBanner;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Import page: the title, the shared progress part and the banner that says how the import ended. */
public class ImportView implements BindableView {

    @FXML
    private Label titleLabel;
    @FXML
    private Label subtitleLabel;
    @FXML
    private StackPane progressHost;
    @FXML
    private HBox outcomeBox;
    @FXML
    private FontIcon outcomeIcon;
    @FXML
    private Label outcomeLabel;

    private final ImportViewModel viewModel;
    private final JobProgressView progressView;

    public ImportView(ImportViewModel viewModel) {
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
        subtitleLabel.textProperty().bind(viewModel.subtitleProperty());
        outcomeLabel.textProperty().bind(viewModel.outcomeTextProperty());
        outcomeBox.visibleProperty().bind(viewModel.outcomeTextProperty().isNotEmpty());
        outcomeBox.managedProperty().bind(outcomeBox.visibleProperty());
        viewModel.outcomeProperty().addListener((observable, old, outcome) -> showOutcome(outcome));
        showOutcome(viewModel.outcomeProperty().get());
    }

    private void showOutcome(JobOutcome outcome) {
        OutcomeBanner.show(outcomeBox, outcomeIcon, outcome, "mdi2b-backup-restore");
    }
}
