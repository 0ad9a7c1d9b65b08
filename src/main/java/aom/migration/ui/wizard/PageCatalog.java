package aom.migration.ui.wizard;

import aom.migration.ui.BindableView;
import aom.migration.ui.ViewLoader;
import aom.migration.ui.pages.application.ApplicationView;
import aom.migration.ui.pages.application.ApplicationViewModel;
import aom.migration.ui.pages.confirm.ConfirmView;
import aom.migration.ui.pages.confirm.ConfirmViewModel;
import aom.migration.ui.pages.connections.ConnectionsView;
import aom.migration.ui.pages.connections.ConnectionsViewModel;
import aom.migration.ui.pages.export.ExportView;
import aom.migration.ui.pages.export.ExportViewModel;
import aom.migration.ui.pages.importing.ImportView;
import aom.migration.ui.pages.importing.ImportViewModel;
import aom.migration.ui.pages.preview.PreviewView;
import aom.migration.ui.pages.preview.PreviewViewModel;
import aom.migration.ui.pages.selection.SelectionView;
import aom.migration.ui.pages.selection.SelectionViewModel;
import aom.migration.ui.pages.start.StartView;
import aom.migration.ui.pages.start.StartViewModel;
import aom.migration.ui.pages.summary.SummaryView;
import aom.migration.ui.pages.summary.SummaryViewModel;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.TaskExecutor;
import javafx.scene.Parent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Knows every page: creates all ViewModels up front (cheap, no JavaFX nodes) and registers them with the model, and
 * makes each page's view. Loading a view's FXML takes long enough to be seen, so the pages the user may go to next
 * are built ahead, one at a time, on a background thread while the user is on the current one; showing such a page
 * only binds it to its ViewModel and puts it into the window. A page needed before it is ready is built on the FX
 * thread. Also tells the model to close replaced bundles and connections on a background thread.
 *
 * <p>Only the nodes are built ahead, not their skins, styles or layout: in JavaFX 21 those measure text, and text
 * layout keeps a cache shared by all threads that is safe on the FX thread only (building skins in the background
 * broke the FX thread's text layout now and then).
 */
public final class PageCatalog {

    /** How a page's view is made: its FXML and a new controller holding the page's ViewModel. */
    private record PageFactory(String fxml, Supplier<BindableView> controller) {
    }

    /** A page built in the background, not bound yet. */
    private record BuiltPage(Parent view, BindableView controller) {
    }

    private final WizardModel model;
    private final TaskExecutor executor;
    private final Map<PageId, PageFactory> factories = new EnumMap<>(PageId.class);
    private final Map<PageId, Parent> views = new EnumMap<>(PageId.class);
    private final Map<PageId, BuiltPage> built = new EnumMap<>(PageId.class);
    private boolean buildingAhead;
    private PageId building;

    public PageCatalog(WizardModel model, WizardServices services) {
        this.model = model;
        this.executor = services.executor();
        model.setCloser(resource -> services.executor().execute(BackgroundTask.of((listener, cancel) -> {
            resource.close();
            return null;
        })));
        StartViewModel start = new StartViewModel(model, services);
        add(PageId.START, start, "pages/start/StartView.fxml", () -> new StartView(start));
        ConnectionsViewModel connections = new ConnectionsViewModel(model, services);
        add(PageId.CONNECTIONS, connections, "pages/connections/ConnectionsView.fxml",
                () -> new ConnectionsView(connections));
        ApplicationViewModel application = new ApplicationViewModel(model, services);
        add(PageId.APPLICATION, application, "pages/application/ApplicationView.fxml",
                () -> new ApplicationView(application));
        SelectionViewModel selection = new SelectionViewModel(model, services);
        add(PageId.SELECTION, selection, "pages/selection/SelectionView.fxml", () -> new SelectionView(selection));
        ExportViewModel export = new ExportViewModel(model, services);
        add(PageId.EXPORT_PROGRESS, export, "pages/export/ExportView.fxml", () -> new ExportView(export));
        PreviewViewModel preview = new PreviewViewModel(model, services);
        add(PageId.PREVIEW, preview, "pages/preview/PreviewView.fxml", () -> new PreviewView(preview));
        ConfirmViewModel confirm = new ConfirmViewModel(model, services);
        add(PageId.CONFIRM, confirm, "pages/confirm/ConfirmView.fxml", () -> new ConfirmView(confirm));
        ImportViewModel importing = new ImportViewModel(model, services);
        add(PageId.IMPORT_PROGRESS, importing, "pages/importing/ImportView.fxml", () -> new ImportView(importing));
        SummaryViewModel summary = new SummaryViewModel(model, services);
        add(PageId.SUMMARY, summary, "pages/summary/SummaryView.fxml", () -> new SummaryView(summary));
        model.flowProperty().addListener(observable -> buildNext());
        model.navigation().currentPageProperty().addListener(observable -> buildNext());
    }

    /**
     * The view of {@code page}, bound to its ViewModel: the one built ahead if it is ready, else built now. Call on
     * the FX thread.
     */
    public Parent view(PageId page) {
        Parent view = views.get(page);
        if (view == null) {
            BuiltPage ahead = built.remove(page);
            view = ahead != null ? handOver(ahead) : ViewLoader.load(factories.get(page).fxml(),
                    factories.get(page).controller().get());
            views.put(page, view);
        }
        return view;
    }

    /** Starts building the pages of the flow ahead; from then on after every change of page or flow. FX thread. */
    public void buildAhead() {
        buildingAhead = true;
        buildNext();
    }

    private void add(PageId page, PageViewModel viewModel, String fxml, Supplier<BindableView> controller) {
        model.navigation().register(page, viewModel);
        factories.put(page, new PageFactory(fxml, controller));
    }

    private void buildNext() {
        if (!buildingAhead || building != null) {
            return;
        }
        PageId next = nextToBuild();
        if (next == null) {
            return;
        }
        building = next;
        PageFactory factory = factories.get(next);
        BackgroundTask<BuiltPage> task = BackgroundTask.of((listener, cancel) -> build(factory));
        executor.execute(task
                .onSuccess(page -> {
                    if (!views.containsKey(next)) {
                        built.put(next, page);
                    }
                })
                // Cancelled means the wizard is closing: build nothing more.
                .onCancelled(() -> buildingAhead = false)
                .onFinished(() -> {
                    building = null;
                    buildNext();
                }));
    }

    /** The pages still to build, those after the current one in the flow first, then those before it. */
    private PageId nextToBuild() {
        List<PageId> flow = model.getFlow().pages();
        int current = flow.indexOf(model.navigation().getCurrentPage());
        List<PageId> order = new ArrayList<>(flow.subList(current + 1, flow.size()));
        order.addAll(flow.subList(0, Math.max(current, 0)));
        return order.stream().filter(page -> !views.containsKey(page) && !built.containsKey(page))
                .findFirst().orElse(null);
    }

    /** Builds a page's nodes off the FX thread. */
    private static BuiltPage build(PageFactory factory) {
        BindableView controller = factory.controller().get();
        return new BuiltPage(ViewLoader.build(factory.fxml(), controller), controller);
    }

    private static Parent handOver(BuiltPage page) {
        page.controller().bind();
        return page.view();
    }
}
