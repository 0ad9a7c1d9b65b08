package aom.migration.ui.wizard;

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
import javafx.scene.Parent;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Knows every page: creates all ViewModels up front (cheap, no JavaFX nodes) and registers them with the model,
 * and loads each page's view the first time it is shown. Also tells the model to close replaced bundles and
 * connections on a background thread.
 */
public final class PageCatalog {

    private final Map<PageId, Supplier<Parent>> factories = new EnumMap<>(PageId.class);
    private final Map<PageId, Parent> views = new EnumMap<>(PageId.class);

    public PageCatalog(WizardModel model, WizardServices services) {
        model.setCloser(resource -> services.executor().execute(BackgroundTask.of((listener, cancel) -> {
            resource.close();
            return null;
        })));
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
        ExportViewModel export = new ExportViewModel(model, services);
        add(model, PageId.EXPORT_PROGRESS, export, () -> ViewLoader.load("pages/export/ExportView.fxml",
                new ExportView(export)));
        PreviewViewModel preview = new PreviewViewModel(model, services);
        add(model, PageId.PREVIEW, preview, () -> ViewLoader.load("pages/preview/PreviewView.fxml",
                new PreviewView(preview)));
        ConfirmViewModel confirm = new ConfirmViewModel(model, services);
        add(model, PageId.CONFIRM, confirm, () -> ViewLoader.load("pages/confirm/ConfirmView.fxml",
                new ConfirmView(confirm)));
        ImportViewModel importing = new ImportViewModel(model, services);
        add(model, PageId.IMPORT_PROGRESS, importing, () -> ViewLoader.load("pages/importing/ImportView.fxml",
                new ImportView(importing)));
        SummaryViewModel summary = new SummaryViewModel(model, services);
        add(model, PageId.SUMMARY, summary, () -> ViewLoader.load("pages/summary/SummaryView.fxml",
                new SummaryView(summary)));
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
