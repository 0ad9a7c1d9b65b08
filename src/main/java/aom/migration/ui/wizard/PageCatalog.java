package aom.migration.ui.wizard;

import aom.migration.ui.ViewLoader;
import aom.migration.ui.pages.application.ApplicationView;
import aom.migration.ui.pages.application.ApplicationViewModel;
import aom.migration.ui.pages.connections.ConnectionsView;
import aom.migration.ui.pages.connections.ConnectionsViewModel;
import aom.migration.ui.pages.pending.PendingView;
import aom.migration.ui.pages.pending.PendingViewModel;
import aom.migration.ui.pages.selection.SelectionView;
import aom.migration.ui.pages.selection.SelectionViewModel;
import aom.migration.ui.pages.start.StartView;
import aom.migration.ui.pages.start.StartViewModel;
import javafx.scene.Parent;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Knows every page: creates all ViewModels up front (cheap, no JavaFX nodes) and registers them with the model,
 * and loads each page's view the first time it is shown. A page not built yet is a {@link PendingViewModel}.
 */
public final class PageCatalog {

    private final Map<PageId, Supplier<Parent>> factories = new EnumMap<>(PageId.class);
    private final Map<PageId, Parent> views = new EnumMap<>(PageId.class);

    public PageCatalog(WizardModel model, WizardServices services) {
        StartViewModel start = new StartViewModel(model, services);
        add(model, PageId.START, start, () -> ViewLoader.load("pages/start/StartView.fxml", new StartView(start)));
        ConnectionsViewModel connections = new ConnectionsViewModel(model, services);
        add(model, PageId.CONNECTIONS, connections, () -> ViewLoader.load("pages/connections/ConnectionsView.fxml",
                new ConnectionsView(connections)));
        ApplicationViewModel application = new ApplicationViewModel(model, services);
        add(model, PageId.APPLICATION, application, () -> ViewLoader.load(
                "pages/application/ApplicationView.fxml", new ApplicationView(application)));
        SelectionViewModel selection = new SelectionViewModel(model, services);
        add(model, PageId.SELECTION, selection, () -> ViewLoader.load("pages/selection/SelectionView.fxml",
                new SelectionView(selection)));
        for (PageId page : PageId.values()) {
            if (!factories.containsKey(page)) {
                PendingViewModel pending = new PendingViewModel(page, model);
                add(model, page, pending, () -> ViewLoader.load("pages/pending/PendingView.fxml",
                        new PendingView(pending)));
            }
        }
    }

    /** The view of {@code page}, loaded on first use. Call on the FX thread. */
    public Parent view(PageId page) {
        return views.computeIfAbsent(page, id -> factories.get(id).get());
    }

    private void add(WizardModel model, PageId page, PageViewModel viewModel, Supplier<Parent> view) {
        model.register(page, viewModel);
        factories.put(page, view);
    }
}
