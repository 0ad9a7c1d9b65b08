package aom.migration.ui.pages.importing;

import aom.migration.ui.BindableView;
import aom.migration.ui.pages.progress.JobPageView;
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
    private final JobPageView jobView;

    public ImportView(ImportViewModel viewModel) {
        this.viewModel = viewModel;
        this.jobView = new JobPageView(viewModel.job());
    }

    @FXML
    private void initialize() {
        jobView.build(progressHost);
    }

    @Override
    public void bind() {
        jobView.bind(titleLabel, outcomeBox, outcomeIcon, outcomeLabel, "mdi2b-backup-restore");
        subtitleLabel.textProperty().bind(viewModel.subtitleProperty());
    }
}
