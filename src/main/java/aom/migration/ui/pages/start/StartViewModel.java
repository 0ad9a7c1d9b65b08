package aom.migration.ui.pages.start;

import aom.migration.demo.DemoServers;
import aom.migration.model.ToolVersion;
import aom.migration.ui.Language;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.dialog.FileRequest;
import aom.migration.ui.pages.selection.BundleFileName;
import aom.migration.ui.settings.RecentBundle;
import aom.migration.ui.settings.RecentBundles;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Start page: which flow, which bundle to import (chosen or from the recent list), and the demo
 * installation.
 */
public final class StartViewModel implements PageViewModel {

    /** The demo servers' life as the Start page shows it. */
    public enum DemoState { OFF, STARTING, RUNNING, FAILED }

    private final WizardModel model;
    private final WizardServices services;
    private final RecentBundles recentBundles;
    private final ObjectProperty<Path> bundleToImport = new SimpleObjectProperty<>();
    private final ObservableList<RecentBundleItem> recent = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DemoState> demoState = new ReadOnlyObjectWrapper<>(DemoState.OFF);
    private final ReadOnlyStringWrapper demoStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();

    public StartViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        this.recentBundles = new RecentBundles(services.settingsDirectory());
        canGoNext.bind(Bindings.createBooleanBinding(this::isComplete, model.flowProperty(), bundleToImport,
                demoState));
        language.set(Language.of(model.languageProperty().get()));
        // The window builds its pages anew in the chosen language (and remembers it).
        language.addListener((observable, old, chosen) -> {
            if (chosen != null) {
                model.chooseLanguage(chosen.locale());
            }
        });
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    @Override
    public void enter() {
        loadRecentBundles();
    }

    @Override
    public void commit() {
        if (model.getFlow() == WizardFlow.IMPORT) {
            Path bundle = bundleToImport.get();
            model.chooseBundle(bundle);
            remember(bundle);
        }
    }

    /** The flow chosen; the model's, so the step header follows the choice. */
    public ReadOnlyObjectProperty<WizardFlow> flowProperty() {
        return model.flowProperty();
    }

    /** Export, import or migrate, as the mode cards choose. */
    public void chooseFlow(WizardFlow chosen) {
        model.chooseFlow(chosen);
    }

    /** The bundle to import, when the import flow is chosen. */
    public ObjectProperty<Path> bundleToImportProperty() {
        return bundleToImport;
    }

    public ObservableList<RecentBundleItem> recentBundles() {
        return recent;
    }

    public ReadOnlyObjectProperty<DemoState> demoStateProperty() {
        return demoState.getReadOnlyProperty();
    }

    /** A line about the demo: starting, its two server addresses, or why it failed. */
    public ReadOnlyStringProperty demoStatusProperty() {
        return demoStatus.getReadOnlyProperty();
    }

    /** The language the wizard speaks; choosing another shows every page in it, now and at the next start. */
    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** The version shown at the foot of the page. */
    public String versionText() {
        return Messages.format("start.version", ToolVersion.version());
    }

    /** Lets the user pick a bundle file and chooses the import flow for it. */
    public void chooseBundle() {
        Path current = bundleToImport.get();
        services.dialogs().chooseFileToOpen(new FileRequest(Messages.get("start.chooseBundle.title"),
                        current == null ? null : current.getParent(), null,
                        List.of(new FileRequest.FileType(Messages.get("file.bundle"),
                                List.of("*" + BundleFileName.EXTENSION)))))
                .ifPresent(this::selectBundle);
    }

    /** Chooses {@code item} for import; a bundle whose file is gone cannot be chosen. */
    public void selectRecent(RecentBundleItem item) {
        if (item != null && item.exists()) {
            selectBundle(item.bundle().path());
        }
    }

    /** Chooses {@code item} and goes straight on to its preview. */
    public void openRecent(RecentBundleItem item) {
        if (item != null && item.exists()) {
            selectBundle(item.bundle().path());
            model.navigation().next();
        }
    }

    private void selectBundle(Path bundle) {
        bundleToImport.set(bundle);
        model.chooseFlow(WizardFlow.IMPORT);
    }

    /**
     * Starts the demo source and target servers in the background (a second or two), fills both connections
     * with them and moves on with the task chosen on the page.
     */
    public void startDemo() {
        DemoServers running = model.demo().serversProperty().get();
        if (running != null) {
            useDemo(running);
            return;
        }
        if (demoState.get() == DemoState.STARTING) {
            return;
        }
        demoState.set(DemoState.STARTING);
        demoStatus.set(Messages.get("start.demo.starting"));
        services.executor().execute(BackgroundTask.of((progress, cancel) -> DemoServers.start(services.demoScale()))
                .onSuccess(this::useDemo)
                .onFailure(error -> {
                    demoState.set(DemoState.FAILED);
                    demoStatus.set(ErrorText.readable(error));
                    services.dialogs().showError(Messages.get("start.demo.failed"), ErrorText.readable(error),
                            error);
                }));
    }

    /**
     * Fills the connections with the demo servers and goes on with the task chosen on the page: an import first
     * needs a bundle, so it stays here and says so.
     */
    private void useDemo(DemoServers servers) {
        model.useDemo(servers);
        demoState.set(DemoState.RUNNING);
        String running = Messages.format("start.demo.running", servers.source().uri(), servers.target().uri());
        boolean needsBundle = model.getFlow() == WizardFlow.IMPORT && bundleToImport.get() == null;
        demoStatus.set(needsBundle ? running + "\n" + Messages.get("start.demo.chooseBundle") : running);
        if (model.navigation().getCurrentPage() == PageId.START && canGoNext.get()) {
            model.navigation().next();
        }
    }

    private boolean isComplete() {
        WizardFlow flow = model.getFlow();
        return flow != null && demoState.get() != DemoState.STARTING
                && (flow != WizardFlow.IMPORT || bundleToImport.get() != null);
    }

    private void loadRecentBundles() {
        services.executor().execute(BackgroundTask.of((progress, cancel) -> items(recentBundles.load()))
                .onSuccess(recent::setAll));
    }

    private void remember(Path bundle) {
        services.executor().execute(BackgroundTask.of((progress, cancel) ->
                items(recentBundles.add(bundle, services.clock().instant()))).onSuccess(recent::setAll));
    }

    private static List<RecentBundleItem> items(List<RecentBundle> bundles) {
        return bundles.stream().map(bundle -> new RecentBundleItem(bundle, Files.isRegularFile(bundle.path())))
                .toList();
    }
}
