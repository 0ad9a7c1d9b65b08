package aom.migration.ui.wizard;

import aom.migration.ui.Messages;
import aom.migration.ui.dialog.DialogService;
import aom.migration.ui.task.BackgroundTask;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The wizard frame: the header with the flow's steps, the current page, and Back / Next / Cancel bound to the
 * model. Enter presses Next (it is the default button); Escape goes back, or cancels where there is no back.
 */
public class WizardController {

    @FXML
    private BorderPane wizard;
    @FXML
    private Label flowLabel;
    @FXML
    private Label demoBadge;
    @FXML
    private HBox stepBar;
    @FXML
    private StackPane pageHost;
    @FXML
    private Button cancelButton;
    @FXML
    private Button backButton;
    @FXML
    private Button nextButton;

    private final WizardModel model;
    private final WizardNavigation navigation;
    private final PageCatalog pages;
    private final DialogService dialogs;
    private StepBar steps;

    public WizardController(WizardModel model, PageCatalog pages, DialogService dialogs) {
        this.model = model;
        this.navigation = model.navigation();
        this.pages = pages;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        steps = new StepBar(stepBar);
        flowLabel.textProperty().bind(Bindings.createStringBinding(() -> navigation.getCurrentPage() == PageId.START
                ? "" : Messages.get(model.getFlow().titleKey()), model.flowProperty(),
                navigation.currentPageProperty()));
        demoBadge.visibleProperty().bind(model.demo().serversProperty().isNotNull());
        navigation.currentPageProperty().addListener((observable, old, page) -> showPage(page));
        navigation.steps().addListener((ListChangeListener<PageId>) change -> showSteps());
        showPage(navigation.getCurrentPage());
        pages.buildAhead();

        nextButton.setDefaultButton(true);
        nextButton.disableProperty().bind(navigation.canGoNextProperty().not());
        nextButton.textProperty().bind(Bindings.createStringBinding(() -> navigation.nextLabelProperty().get()
                .isEmpty() ? Messages.get("button.next") : navigation.nextLabelProperty().get(),
                navigation.nextLabelProperty()));
        nextButton.setOnAction(event -> navigation.next());
        backButton.disableProperty().bind(navigation.canGoBackProperty().not());
        backButton.setOnAction(event -> navigation.back());
        // Nothing to cancel on the Start page, and nothing left to cancel on the Summary (which has "Start over"): a
        // Cancel next to a finished import reads as if it could undo it.
        cancelButton.disableProperty().bind(navigation.currentPageProperty().isEqualTo(PageId.START)
                .or(navigation.currentPageProperty().isEqualTo(PageId.SUMMARY))
                .and(model.runningJob().runningProperty().not()));
        cancelButton.setOnAction(event -> cancel());
        // A filter, not a handler: text fields, toggles and lists consume Enter and Escape themselves.
        wizard.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            onEnter(event);
        } else if (event.getCode() == KeyCode.ESCAPE) {
            onEscape(event);
        }
    }

    /**
     * Enter means Next wherever the focus is (a text field, a mode card, the table), except on another push button
     * such as "Test connection", which Enter presses instead. The default-button mechanism alone is not enough:
     * toggle buttons and lists take Enter for themselves.
     */
    private void onEnter(KeyEvent event) {
        if (event.getTarget() instanceof Button button && button != nextButton) {
            return;
        }
        if (navigation.canGoNextProperty().get()) {
            navigation.next();
        }
        event.consume();
    }

    private void onEscape(KeyEvent event) {
        if (navigation.canGoBackProperty().get()) {
            navigation.back();
            event.consume();
        } else if (!cancelButton.isDisabled()) {
            cancel();
            event.consume();
        }
    }

    /** Cancels the running job (after asking), or abandons the flow and returns to the Start page. */
    void cancel() {
        BackgroundTask<?> job = model.runningJob().jobProperty().get();
        if (job != null) {
            WizardJob kind = model.runningJob().kindProperty().get();
            // The job runs on while the question is open: one that ended meanwhile is not cancelled after the fact.
            if (!job.cancelRequestedProperty().get() && dialogs.confirm(Messages.get(kind.key("cancel.title")),
                    Messages.get(kind.key("cancel.message")), Messages.get(kind.key("cancel.confirm")),
                    Messages.get("job.keepRunning")) && !job.isDone()) {
                job.cancel();
            }
            return;
        }
        model.restart();
    }

    private void showPage(PageId page) {
        pageHost.getChildren().setAll(pages.view(page));
        showSteps();
        // Styled and laid out now, as part of the change of page, before the page's ViewModel is entered and starts
        // its work (an export, say); otherwise the first pulse would do both at once.
        pageHost.applyCss();
        pageHost.layout();
    }

    private void showSteps() {
        steps.show(navigation.steps(), navigation.getCurrentPage());
    }
}
