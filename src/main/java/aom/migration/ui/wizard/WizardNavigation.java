package aom.migration.ui.wizard;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which page the wizard shows and how it moves on: the pages of the current flow, Next and Back as the current page
 * allows them, and entering and committing pages. Locked while a job runs. Plain JavaFX properties without the
 * toolkit, so the whole navigation is testable in a unit test.
 */
public final class WizardNavigation {

    private final ObservableValue<WizardFlow> flow;
    private final ReadOnlyBooleanProperty jobRunning;
    private final ReadOnlyObjectWrapper<PageId> currentPage = new ReadOnlyObjectWrapper<>(PageId.START);
    private final ObservableList<PageId> steps = FXCollections.observableArrayList();
    // One wrapper for good: a wrapper made per call holds its listeners only weakly and may lose them.
    private final ObservableList<PageId> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final Map<PageId, PageViewModel> pages = new EnumMap<>(PageId.class);
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper nextLabel = new ReadOnlyStringWrapper("");

    /** Moves through the pages of {@code flow}; not while {@code jobRunning}. */
    WizardNavigation(ObservableValue<WizardFlow> flow, ReadOnlyBooleanProperty jobRunning) {
        this.flow = flow;
        this.jobRunning = jobRunning;
        steps.setAll(flow.getValue().pages());
        flow.addListener((observable, old, now) -> steps.setAll(Objects.requireNonNull(now).pages()));
        currentPage.addListener((observable, old, now) -> bindToPage(now));
        bindToPage(PageId.START);
    }

    /** Makes {@code viewModel} the one asked about Next/Back and told about entering and leaving {@code page}. */
    public void register(PageId page, PageViewModel viewModel) {
        pages.put(page, viewModel);
        if (page == currentPage.get()) {
            bindToPage(page);
        }
    }

    public ReadOnlyObjectProperty<PageId> currentPageProperty() {
        return currentPage.getReadOnlyProperty();
    }

    public PageId getCurrentPage() {
        return currentPage.get();
    }

    /** The pages of the current flow, for the step header. */
    public ObservableList<PageId> steps() {
        return readOnlySteps;
    }

    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** The label the current page wants on its Next button, or empty for "Next". */
    public ReadOnlyStringProperty nextLabelProperty() {
        return nextLabel.getReadOnlyProperty();
    }

    /** Enters the page the wizard starts on (the Start page): call once, when the window opens. */
    public void begin() {
        enter(currentPage.get());
    }

    /** Commits the current page and enters the next one of the flow; does nothing when Next is not allowed. */
    public boolean next() {
        List<PageId> order = flow.getValue().pages();
        int index = order.indexOf(currentPage.get());
        if (!canGoNext.get() || index < 0 || index + 1 >= order.size()) {
            return false;
        }
        PageViewModel leaving = pages.get(currentPage.get());
        if (leaving != null) {
            leaving.commit();
        }
        // commit() may have changed the flow (the Start page does), so look the next page up again.
        List<PageId> now = flow.getValue().pages();
        enter(now.get(now.indexOf(currentPage.get()) + 1));
        return true;
    }

    /** Enters the previous page of the flow without committing the current one. */
    public boolean back() {
        List<PageId> order = flow.getValue().pages();
        int index = order.indexOf(currentPage.get());
        if (!canGoBack.get() || index <= 0) {
            return false;
        }
        enter(order.get(index - 1));
        return true;
    }

    /** Shows {@code page} and tells its ViewModel, without committing the page left. */
    void enter(PageId page) {
        currentPage.set(page);
        PageViewModel entered = pages.get(page);
        if (entered != null) {
            entered.enter();
        }
    }

    private void bindToPage(PageId page) {
        canGoNext.unbind();
        canGoBack.unbind();
        nextLabel.unbind();
        PageViewModel viewModel = pages.get(page);
        if (viewModel == null) {
            // A page this build does not have yet: it can be left backwards only.
            canGoNext.set(false);
            canGoBack.bind(jobRunning.not());
            nextLabel.set("");
        } else {
            canGoNext.bind(viewModel.canGoNextProperty().and(jobRunning.not()));
            canGoBack.bind(viewModel.canGoBackProperty().and(jobRunning.not()));
            nextLabel.bind(viewModel.nextLabelProperty());
        }
        if (page == PageId.START) {
            canGoBack.unbind();
            canGoBack.set(false);
        }
    }
}
