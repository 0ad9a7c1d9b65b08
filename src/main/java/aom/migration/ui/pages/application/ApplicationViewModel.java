package aom.migration.ui.pages.application;

import aom.migration.model.AppRef;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.NamingDetection;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.ui.DataSizes;
import aom.migration.ui.EngineText;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Application page: the source's applications, loaded in the background, filtered by what the user types;
 * Next once one is selected. Where the databases of an application follow both naming conventions, the user
 * chooses one (DASHED or SUFFIXED) before going on; its databases are then measured under that convention.
 */
public final class ApplicationViewModel implements PageViewModel {

    private final WizardModel model;
    private final WizardServices services;
    private final ObservableList<AppRef> applications = FXCollections.observableArrayList();
    private final FilteredList<AppRef> filtered = new FilteredList<>(applications, app -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<AppRef> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper namingReport = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper namingChoiceNeeded = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<DatabaseNaming> namingChoice = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper measuring = new ReadOnlyBooleanWrapper();
    /** Applications as detected, by name, for those whose convention the user chose. */
    private final Map<String, AppRef> detected = new HashMap<>();
    private ConnectionSettings loadedFrom;
    private BackgroundTask<List<AppRef>> currentLoad;
    private BackgroundTask<AppRef> currentMeasure;

    public ApplicationViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        filter.addListener((observable, old, text) -> filtered.setPredicate(app -> matches(app, text)));
        canGoNext.bind(selected.isNotNull().and(loading.not()).and(measuring.not())
                .and(namingChoiceNeeded.not().or(namingChoice.isNotNull())));
        selected.addListener((observable, old, app) -> offerNamingChoice(app));
        namingChoice.addListener((observable, old, naming) -> chooseNaming(naming));
        namingReport.bind(Bindings.createStringBinding(() -> selected.get() == null
                ? Messages.get("application.none")
                : Messages.format("application.naming", selected.get().name(),
                EngineText.translate(selected.get().naming().report())),
                selected));
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    @Override
    public void enter() {
        if (!Objects.equals(loadedFrom, model.connections().sourceProperty().get())) {
            reload();
        }
    }

    @Override
    public void commit() {
        model.chooseApplication(selected.get());
    }

    /** The applications that match the filter, sorted by name. */
    public ObservableList<AppRef> applications() {
        return filtered;
    }

    /** Case-insensitive text matched against name, display name, owner and module names. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<AppRef> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the list could not be loaded, or {@code null}. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** "3 applications on db1:27017" and the like. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The naming convention found for the selected application, for the line under the table. */
    public ReadOnlyStringProperty namingReportProperty() {
        return namingReport.getReadOnlyProperty();
    }

    /** Whether the selected application's databases follow both conventions, so the user must choose one. */
    public ReadOnlyBooleanProperty namingChoiceNeededProperty() {
        return namingChoiceNeeded.getReadOnlyProperty();
    }

    /** The convention the user chose for an ambiguous application, or {@code null}. */
    public ObjectProperty<DatabaseNaming> namingChoiceProperty() {
        return namingChoice;
    }

    /** Whether the databases are being measured under the chosen convention. */
    public ReadOnlyBooleanProperty measuringProperty() {
        return measuring.getReadOnlyProperty();
    }

    /** Loads the list again from the source, e.g. after an error. */
    public void reload() {
        ConnectionSettings source = model.connections().sourceProperty().get();
        if (source == null) {
            return;
        }
        if (currentLoad != null) {
            currentLoad.cancel();
        }
        if (!Objects.equals(loadedFrom, source)) {
            // The list of another server is not shown while this one's loads, nor chosen from.
            forget();
        }
        loading.set(true);
        loadError.set(null);
        status.set(Messages.format("application.loading", source.hostsOnly()));
        String keep = selected.get() != null ? selected.get().name()
                : model.applicationProperty().get() == null ? null : model.applicationProperty().get().name();
        // Copied on the FX thread; systems on hosts of their own are measured there.
        InstanceHosts hosts = InstanceHosts.of(new HashMap<>(model.connections().sourceInstanceHosts()));
        BackgroundTask<List<AppRef>> load = BackgroundTask.of((progress, cancel) -> {
            try (Installation installation = Installation.connect(source);
                 SystemHosts systems = SystemHosts.connect(installation, hosts)) {
                return installation.applications().stream().map(systems::withOwnHosts).toList();
            }
        });
        currentLoad = load;
        services.executor().execute(load
                .onSuccess(found -> {
                    if (currentLoad == load) {
                        showApplications(source, found, keep);
                    }
                })
                .onFailure(error -> {
                    if (currentLoad == load) {
                        forget();
                        loadError.set(ErrorText.readable(error));
                        status.set("");
                    }
                })
                .onFinished(() -> {
                    if (currentLoad == load) {
                        loading.set(false);
                        currentLoad = null;
                    }
                }));
    }

    /** Forgets the list and the selection: they belong to a server that is no longer the source. */
    private void forget() {
        applications.clear();
        detected.clear();
        selected.set(null);
        loadedFrom = null;
    }

    private void offerNamingChoice(AppRef app) {
        AppRef original = app == null ? null : detected.getOrDefault(app.name(), app);
        boolean ambiguous = original != null && original.naming().outcome() == NamingDetection.Outcome.AMBIGUOUS;
        namingChoiceNeeded.set(ambiguous);
        if (!ambiguous) {
            namingChoice.set(null);
        } else if (app != original) {
            namingChoice.set(app.naming().naming());
        } else {
            namingChoice.set(null);
        }
    }

    private void chooseNaming(DatabaseNaming naming) {
        AppRef app = selected.get();
        ConnectionSettings source = model.connections().sourceProperty().get();
        if (naming == null || app == null || source == null || !namingChoiceNeeded.get()
                || naming == app.naming().naming() && detected.containsKey(app.name())) {
            return;
        }
        AppRef original = detected.getOrDefault(app.name(), app);
        if (currentMeasure != null) {
            currentMeasure.cancel();
        }
        measuring.set(true);
        BackgroundTask<AppRef> measure = BackgroundTask.of((progress, cancel) ->
                NamingOverride.apply(source, original, naming));
        currentMeasure = measure;
        services.executor().execute(measure
                .onSuccess(chosen -> {
                    if (currentMeasure == measure) {
                        detected.put(original.name(), original);
                        int index = applications.indexOf(selected.get());
                        if (index >= 0) {
                            applications.set(index, chosen);
                        }
                        selected.set(chosen);
                    }
                })
                .onFailure(error -> {
                    if (currentMeasure == measure) {
                        loadError.set(ErrorText.readable(error));
                    }
                })
                .onFinished(() -> {
                    if (currentMeasure == measure) {
                        measuring.set(false);
                        currentMeasure = null;
                    }
                }));
    }

    private void showApplications(ConnectionSettings source, List<AppRef> found, String keep) {
        loadedFrom = source;
        detected.clear();
        applications.setAll(found);
        selected.set(found.stream().filter(app -> app.name().equals(keep)).findFirst()
                .orElse(found.size() == 1 ? found.get(0) : null));
        long documents = found.stream().flatMap(app -> app.systems().values().stream())
                .mapToLong(database -> database.documents()).sum();
        status.set(found.isEmpty() ? Messages.format("application.empty", source.hostsOnly())
                : Messages.format("application.found", found.size(), source.hostsOnly(),
                DataSizes.count(documents)));
    }

    static boolean matches(AppRef app, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return contains(app.name(), wanted) || contains(app.displayName(), wanted) || contains(app.owner(), wanted)
                || app.modules().stream().anyMatch(module -> contains(module, wanted));
    }

    private static boolean contains(String value, String wanted) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
