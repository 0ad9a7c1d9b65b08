package aom.migration.ui.pages.preview;

import aom.migration.bundle.Manifest;
import aom.migration.bundle.Passphrase;
import aom.migration.bundle.PassphraseRequiredException;
import aom.migration.bundle.WrongPassphraseException;
import aom.migration.model.ExtractionProfile;
import aom.migration.session.OpenedBundle;
import aom.migration.ui.DataSizes;
import aom.migration.ui.EngineText;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.settings.RecentBundles;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
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

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Preview page: opens the bundle in the background (its manifest and metadata, never the data) and shows what
 * is inside: the metadata closure as a tree with each document's JSON, the data per database and collection, the
 * manifest's warnings, a checksum check on request, and, when a target is connected, what importing it would
 * change there.
 */
public final class PreviewViewModel implements PageViewModel {

    /** What the background open produced: the bundle and everything derived from it, ready to show. */
    private record Content(OpenedBundle bundle, MetadataNode tree, List<DataRow> rows, String title,
                           String subtitle) {

        /** Derives what the page shows from {@code bundle}: tree building and formatting, off the FX thread. */
        static Content of(OpenedBundle bundle) {
            return new Content(bundle, buildTree(bundle), DataSummary.rows(bundle), titleOf(bundle),
                    subtitleOf(bundle));
        }
    }

    private final WizardModel model;
    private final WizardServices services;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.get("preview.title"));
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MetadataNode> tree = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<MetadataNode> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detailsTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detailsFacts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detailsJson = new ReadOnlyStringWrapper("");
    private final ObservableList<DataRow> dataRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dataSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ChecksumVerification checksums;
    private final TargetPlan plan;
    private OpenedBundle shown;
    private Path opening;
    private BackgroundTask<Content> openTask;
    private BackgroundTask<String> detailsTask;

    public PreviewViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        this.checksums = new ChecksumVerification(model.runningJob(), services);
        this.plan = new TargetPlan(services.executor());
        selected.addListener((observable, old, node) -> showDetails(node));
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    /** Opens the wizard's bundle, unless it is open already; plans against the target when there is one. */
    @Override
    public void enter() {
        Path file = model.bundleFileProperty().get();
        if (file == null) {
            return;
        }
        OpenedBundle opened = model.openedBundleProperty().get();
        if (opened != null && same(opened.file(), file)) {
            if (shown != opened) {
                showOpened(opened);
            } else {
                planAgainstTarget();
            }
            return;
        }
        if (opening != null && same(opening, file)) {
            return;
        }
        open(file);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the bundle could not be opened, or {@code null}. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** "ConferenceApp (Conference App)". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The file, its size, when and from where it was exported. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** The metadata tree's root (the application), or {@code null} when the bundle has no metadata. */
    public ReadOnlyObjectProperty<MetadataNode> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The node whose details are shown; the view sets it from the tree's selection. */
    public ObjectProperty<MetadataNode> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsTitleProperty() {
        return detailsTitle.getReadOnlyProperty();
    }

    /** Why the document is in the bundle, its natural key, whether it is shared. */
    public ReadOnlyStringProperty detailsFactsProperty() {
        return detailsFacts.getReadOnlyProperty();
    }

    /** The selected document as indented relaxed Extended JSON, passwords masked. */
    public ReadOnlyStringProperty detailsJsonProperty() {
        return detailsJson.getReadOnlyProperty();
    }

    /** The metadata and each database, with their collections as children. */
    public ObservableList<DataRow> dataRows() {
        return dataRows;
    }

    /** "3 databases, 29 collections, 392 documents, 294.4 KB". */
    public ReadOnlyStringProperty dataSummaryProperty() {
        return dataSummary.getReadOnlyProperty();
    }

    /** The manifest's warnings. */
    public ObservableList<String> warnings() {
        return warnings;
    }

    public ChecksumVerification checksums() {
        return checksums;
    }

    public TargetPlan plan() {
        return plan;
    }

    /** Whether the import plan against a target is part of this flow. */
    public boolean showsPlan() {
        return model.getFlow().needsTarget();
    }

    /** Reads every entry of the bundle and compares it with its checksum. */
    public void verifyChecksums() {
        if (shown != null) {
            checksums.start(shown);
        }
    }

    /** Opens the bundle again, e.g. after it could not be read. */
    public void reload() {
        Path file = model.bundleFileProperty().get();
        if (file != null && !loading.get()) {
            open(file);
        }
    }

    private void open(Path file) {
        opening = file;
        loadError.set(null);
        canGoNext.set(false);
        clear();
        title.set(Messages.format("preview.title.file", file.getFileName()));
        Passphrase passphrase = model.bundlePassphrase();
        BackgroundTask<Content> task = BackgroundTask.of((listener, cancel) -> {
            OpenedBundle bundle;
            try (Passphrase key = passphrase) {
                bundle = OpenedBundle.open(file, key, cancel);
            }
            try {
                new RecentBundles(services.settingsDirectory()).add(file, services.clock().instant());
                return Content.of(bundle);
            } catch (RuntimeException e) {
                bundle.close();
                throw e;
            }
        });
        load(task, content -> opened(task, content), error -> askPassphrase(file, error));
    }

    /**
     * An encrypted bundle without (or with a wrong) passphrase: asks for it through the dialog service and opens
     * the bundle again; the passphrase stays in memory for the import. True when the error was handled so.
     */
    private boolean askPassphrase(Path file, Throwable error) {
        if (!(error instanceof PassphraseRequiredException || error instanceof WrongPassphraseException)) {
            return false;
        }
        String name = file.getFileName().toString();
        Optional<char[]> typed = services.dialogs().askPassphrase(Messages.get("passphrase.open.title"),
                Messages.format(error instanceof WrongPassphraseException ? "passphrase.open.wrong"
                        : "passphrase.open.message", name), false);
        if (typed.isEmpty()) {
            loadError.set(Messages.format("passphrase.open.cancelled", name));
            return true;
        }
        try (Passphrase passphrase = Passphrase.of(typed.get())) {
            Arrays.fill(typed.get(), '\0');
            model.bundlePassphrase(passphrase);
        }
        open(file);
        return true;
    }

    /** Shows a bundle opened elsewhere (the wizard was started with it, or the import planned it). */
    private void showOpened(OpenedBundle opened) {
        BackgroundTask<Content> task = BackgroundTask.of((listener, cancel) -> Content.of(opened));
        load(task, content -> {
            if (openTask == task && model.openedBundleProperty().get() == opened) {
                show(content);
            }
        });
    }

    /** Runs {@code task} as the page's one loading task (in place of an earlier one) and hands its content on. */
    private void load(BackgroundTask<Content> task, Consumer<Content> loaded) {
        load(task, loaded, error -> false);
    }

    /** {@link #load(BackgroundTask, Consumer)}; {@code handled} may take a failure on instead of showing it. */
    private void load(BackgroundTask<Content> task, Consumer<Content> loaded, Predicate<Throwable> handled) {
        if (openTask != null) {
            openTask.cancel();
        }
        openTask = task;
        loading.set(true);
        services.executor().execute(task
                .onSuccess(loaded)
                .onFailure(error -> {
                    if (openTask == task && !handled.test(error)) {
                        loadError.set(ErrorText.readable(error));
                    }
                })
                .onFinished(() -> {
                    if (openTask == task) {
                        loading.set(false);
                        opening = null;
                        openTask = null;
                    }
                }));
    }

    private void opened(BackgroundTask<Content> task, Content content) {
        Path wanted = model.bundleFileProperty().get();
        if (openTask != task || wanted == null || !same(wanted, content.bundle().file())) {
            // The user moved on to another bundle meanwhile.
            services.executor().execute(BackgroundTask.of((listener, cancel) -> {
                content.bundle().close();
                return null;
            }));
            return;
        }
        model.bundleOpened(content.bundle());
        show(content);
    }

    private void show(Content content) {
        OpenedBundle bundle = content.bundle();
        Manifest manifest = bundle.manifest();
        shown = bundle;
        title.set(content.title());
        subtitle.set(content.subtitle());
        tree.set(content.tree());
        selected.set(content.tree());
        dataRows.setAll(content.rows());
        checksums.show(content.rows());
        Manifest.Counts counts = manifest.counts();
        dataSummary.set(counts == null ? "" : Messages.format("preview.data.summary", counts.databases(),
                counts.collections(), DataSizes.count(counts.documents()), DataSizes.bytes(counts.bytes()),
                DataSizes.count(counts.metadataDocuments())));
        warnings.setAll(manifest.warnings().stream().map(EngineText::translate).toList());
        // The import follows the tool's profile, never the bundle's (DESIGN.md section 4): say where they differ.
        bundle.profileDifferences(ExtractionProfile.defaults())
                .forEach(line -> warnings.add(Messages.format("preview.warning.profile", line)));
        canGoNext.set(true);
        planAgainstTarget();
    }

    private static String titleOf(OpenedBundle bundle) {
        Manifest.Application app = bundle.manifest().application();
        return app.displayName() == null || app.displayName().equals(app.name()) ? app.name()
                : Messages.format("preview.title.app", app.name(), app.displayName());
    }

    private static String subtitleOf(OpenedBundle bundle) {
        Manifest manifest = bundle.manifest();
        Manifest.Application app = manifest.application();
        return Messages.format("preview.subtitle", bundle.file().getFileName(),
                DataSizes.bytes(bundle.fileBytes()), when(manifest.createdAt()),
                manifest.source() == null ? "?" : manifest.source().hosts(),
                manifest.source() == null ? "?" : manifest.source().serverVersion(),
                app.naming() == null ? Messages.get("preview.naming.none")
                        : Messages.get("naming." + app.naming()));
    }

    private void planAgainstTarget() {
        if (shown == null || !showsPlan()) {
            plan.noTarget("");
        } else if (model.connections().targetProperty().get() == null) {
            plan.noTarget(Messages.get(model.getFlow() == WizardFlow.IMPORT ? "preview.plan.later"
                    : "preview.plan.noTarget"));
        } else {
            plan.plan(model.connections().targetProperty().get(), shown);
        }
    }

    private void clear() {
        shown = null;
        tree.set(null);
        selected.set(null);
        dataRows.clear();
        dataSummary.set("");
        warnings.clear();
        subtitle.set("");
        checksums.show(List.of());
        plan.noTarget("");
    }

    private void showDetails(MetadataNode node) {
        if (detailsTask != null) {
            detailsTask.cancel();
            detailsTask = null;
        }
        if (node == null || node.record() == null || shown == null) {
            detailsTitle.set(node == null ? "" : node.label());
            detailsFacts.set(node == null ? "" : Messages.get("preview.details.group"));
            detailsJson.set("");
            return;
        }
        detailsTitle.set(Messages.format("preview.details.title", Messages.get("preview.kind." + node.kind().name()),
                node.label()));
        detailsFacts.set(Messages.format("preview.details.facts", EngineText.translate(node.record().via()),
                node.record().key().toJson(), Messages.get(node.shared() ? "preview.details.shared"
                        : "preview.details.owned")));
        detailsJson.set("");
        // A metadata document may be large: its JSON is written in the background.
        OpenedBundle bundle = shown;
        BackgroundTask<String> task = BackgroundTask.of((listener, cancel) ->
                bundle.document(node.record().collection(), node.record().id())
                        .map(document -> DocumentJson.pretty(document, passwordFields(bundle)))
                        .orElse(Messages.get("preview.details.missing")));
        detailsTask = task;
        services.executor().execute(task.onSuccess(json -> {
            if (detailsTask == task) {
                detailsJson.set(json);
                detailsTask = null;
            }
        }));
    }

    private static Set<String> passwordFields(OpenedBundle bundle) {
        ExtractionProfile.PasswordSpec password = bundle.manifest().profile() == null ? null
                : bundle.manifest().profile().password();
        return password == null || password.field() == null ? Set.of() : Set.of(password.field());
    }

    private static MetadataNode buildTree(OpenedBundle bundle) {
        if (bundle.manifest().profile() == null) {
            return null;
        }
        return MetadataTree.build(bundle.closure(), bundle.manifest().profile()).orElse(null);
    }

    private static String when(String createdAt) {
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault())
                    .withLocale(Locale.getDefault()).format(Instant.parse(createdAt));
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(createdAt);
        }
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
