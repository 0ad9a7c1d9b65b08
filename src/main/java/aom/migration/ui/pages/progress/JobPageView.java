package aom.migration.ui.pages.progress;

import aom.migration.ui.ViewLoader;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the views of job pages (Export, Import) share: the progress part in its place, the title, and the banner
 * that says how the job ended. The page's own view owns the FXML fields and hands them over.
 */
public final class JobPageView {

    private final JobPageModel job;
    private final JobProgressView progressView;

    public JobPageView(JobPageModel job) {
        this.job = job;
        this.progressView = new JobProgressView(job.progress());
    }

    /** Puts the progress part into {@code host}; from the page view's {@code initialize}. */
    public void build(StackPane host) {
        host.getChildren().add(ViewLoader.build("pages/progress/JobProgressView.fxml", progressView));
    }

    /**
     * Binds the progress part, {@code title} and the outcome banner; {@code cancelledIcon} says what a cancel means
     * on this page (nothing written, or the target restored).
     */
    public void bind(Label title, HBox outcomeBox, FontIcon outcomeIcon, Label outcomeLabel, String cancelledIcon) {
        progressView.bind();
        title.textProperty().bind(job.titleProperty());
        outcomeLabel.textProperty().bind(job.outcomeTextProperty());
        outcomeBox.visibleProperty().bind(job.outcomeTextProperty().isNotEmpty());
        outcomeBox.managedProperty().bind(outcomeBox.visibleProperty());
        job.outcomeProperty().addListener((observable, old, outcome) ->
                OutcomeBanner.show(outcomeBox, outcomeIcon, outcome, cancelledIcon));
        OutcomeBanner.show(outcomeBox, outcomeIcon, job.outcomeProperty().get(), cancelledIcon);
    }
}
