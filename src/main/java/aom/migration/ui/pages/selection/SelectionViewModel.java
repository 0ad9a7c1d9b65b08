package aom.migration.ui.pages.selection;

import aom.migration.model.AppHome;
import aom.migration.model.AppRef;
import aom.migration.model.Selection;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.ui.DataSizes;
import aom.migration.ui.EngineText;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.FileRequest;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Selection page: the metadata and which systems to export, each with its size, and the bundle file.
 * Systems the application does not have cannot be chosen, and say why.
 */
public final class SelectionViewModel implements PageViewModel {

    private final WizardModel model;
    private final WizardServices services;
    private final BooleanProperty metadata = new SimpleBooleanProperty(true);
    private final BooleanProperty encrypt = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper metadataDescription = new ReadOnlyStringWrapper("");
    private final Map<SystemKind, SystemChoice> systems = new EnumMap<>(SystemKind.class);
    private final StringProperty bundlePath = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper nextLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.get("selection.title"));
    private AppRef shown;
    private Path folder;
    /** The file the page proposed last; a path the user typed or chose is never replaced. */
    private String proposed;
    private String proposedName;
    private int proposedNumber;

    public SelectionViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        List<Observable> inputs = new ArrayList<>(List.of(metadata, bundlePath));
        for (SystemKind system : SystemKind.values()) {
            SystemChoice choice = new SystemChoice(system);
            systems.put(system, choice);
            inputs.add(choice.selectedProperty());
        }
        inputs.forEach(input -> input.addListener(observable -> update()));
        // The tick box is the page's; the model keeps its value for the export and the next visit.
        encrypt.set(model.encryptBundleProperty().get());
        encrypt.addListener((observable, old, now) -> model.chooseEncryption(now));
        model.flowProperty().addListener(observable -> updateNextLabel());
        // Start over forgets the application: the next visit proposes a fresh file name.
        model.applicationProperty().addListener((observable, old, app) -> {
            if (app == null) {
                shown = null;
            }
        });
        updateNextLabel();
        update();
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty nextLabelProperty() {
        return nextLabel.getReadOnlyProperty();
    }

    /**
     * Shows the application's systems; a file name the page proposed (and the user kept) is proposed anew, so that
     * every export gets a name of its own, also after going back from a finished one.
     */
    @Override
    public void enter() {
        AppRef app = model.applicationProperty().get();
        if (app != null && !app.equals(shown)) {
            show(app);
        } else if (app != null && bundlePath.get().equals(proposed)) {
            propose(app);
        }
    }

    @Override
    public void commit() {
        model.chooseExport(selection(), bundleFile());
    }

    /** "What to export from ConferenceApp". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public BooleanProperty metadataProperty() {
        return metadata;
    }

    /** "The application, its 4 modules with their classes, jars and customers". */
    public ReadOnlyStringProperty metadataDescriptionProperty() {
        return metadataDescription.getReadOnlyProperty();
    }

    public SystemChoice system(SystemKind system) {
        return systems.get(system);
    }

    /** Where the bundle is written; {@code .aombundle} is appended when missing. */
    /** Whether the bundle is encrypted with a passphrase; the export asks for it when it starts. */
    public BooleanProperty encryptProperty() {
        return encrypt;
    }

    public StringProperty bundlePathProperty() {
        return bundlePath;
    }

    /** The size of what is selected, in one line. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What keeps Next disabled, or {@code null}. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What is selected now. */
    public Selection selection() {
        Set<SystemKind> chosen = EnumSet.noneOf(SystemKind.class);
        systems.forEach((system, choice) -> {
            if (choice.selectedProperty().get()) {
                chosen.add(system);
            }
        });
        return new Selection(metadata.get(), chosen);
    }

    /** Lets the user choose where to save the bundle. */
    public void chooseBundleFile() {
        Path current = bundleFile();
        String application = shown == null ? "bundle" : shown.name();
        services.dialogs().chooseFileToSave(new FileRequest(Messages.get("selection.bundle.choose"),
                        current == null ? folder : current.getParent(),
                        current == null ? BundleFileName.defaultFor(application, services.clock())
                                : String.valueOf(current.getFileName()),
                        List.of(new FileRequest.FileType(Messages.get("file.bundle"),
                                List.of("*" + BundleFileName.EXTENSION)))))
                .map(BundleFileName::withExtension)
                .ifPresent(file -> {
                    folder = file.getParent();
                    bundlePath.set(file.toString());
                });
    }

    private void show(AppRef app) {
        shown = app;
        title.set(Messages.format("selection.title.app", app.name()));
        metadata.set(true);
        metadataDescription.set(Messages.format("selection.metadata.description", app.modules().size()));
        for (SystemKind system : SystemKind.values()) {
            offer(app, system);
        }
        propose(app);
    }

    /**
     * Proposes {@code <App>-<time>.aombundle}; within the same second as the names proposed before, the next number
     * ({@code -2}, {@code -3}), so that no proposal repeats an earlier one.
     */
    private void propose(AppRef app) {
        Path directory = folder != null ? folder : defaultFolder();
        String name = BundleFileName.defaultFor(app.name(), services.clock());
        proposedNumber = name.equals(proposedName) ? proposedNumber + 1 : 1;
        proposedName = name;
        proposed = directory.resolve(proposedNumber == 1 ? name : BundleFileName.numbered(name, proposedNumber))
                .toString();
        bundlePath.set(proposed);
    }

    private void offer(AppRef app, SystemKind system) {
        SystemChoice choice = systems.get(system);
        ConnectionSettings ownHost = model.connections().sourceInstanceHosts().get(system);
        if (ownHost != null) {
            // Its data lives on another host, which the application list did not look at: offer it unmeasured.
            choice.offer(Messages.format("selection.system.ownHost", ownHost.hostsOnly()), 0, 0);
            return;
        }
        SystemDatabase database = app.system(system).orElse(null);
        if (database != null) {
            choice.offer(Messages.format("selection.system.size", DataSizes.count(database.documents()),
                    DataSizes.bytes(database.dataBytes()), database.database()), database.documents(),
                    database.dataBytes());
            return;
        }
        ConnectionSettings source = model.connections().sourceProperty().get();
        String where = source == null ? "" : source.hostsOnly();
        choice.refuse(app.naming().databaseName(system)
                .map(name -> Messages.format("selection.system.missing", name, where))
                .orElse(Messages.format("selection.system.unknownNaming", app.name(),
                        EngineText.translate(app.naming().report()))));
    }

    /**
     * The user's home for an export; for "migrate directly" the tool's own bundles folder, where the bundle stays
     * as the backup of what was imported.
     */
    private Path defaultFolder() {
        return model.getFlow() == WizardFlow.MIGRATE ? AppHome.root().resolve("bundles")
                : Path.of(System.getProperty("user.home"));
    }

    private void update() {
        Selection selection = selection();
        long documents = 0;
        long bytes = 0;
        for (SystemKind system : selection.systems()) {
            documents += systems.get(system).documents();
            bytes += systems.get(system).bytes();
        }
        summary.set(selection.isEmpty() ? "" : Messages.format("selection.summary",
                selection.metadata() ? 1 : 0, selection.systems().size(), DataSizes.count(documents),
                DataSizes.bytes(bytes)));
        String found = null;
        if (selection.isEmpty()) {
            found = Messages.get("selection.problem.empty");
        } else if (bundlePath.get() == null || bundlePath.get().isBlank()) {
            found = Messages.get("selection.problem.noFile");
        } else if (bundleFile() == null) {
            found = Messages.format("selection.problem.badFile", bundlePath.get());
        }
        problem.set(found);
        canGoNext.set(found == null);
    }

    private Path bundleFile() {
        String text = bundlePath.get();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Path file = Path.of(text.trim());
            return file.getFileName() == null ? null : BundleFileName.withExtension(file);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void updateNextLabel() {
        nextLabel.set(Messages.get(model.getFlow() == WizardFlow.MIGRATE ? "selection.next.migrate"
                : "selection.next.export"));
    }
}
