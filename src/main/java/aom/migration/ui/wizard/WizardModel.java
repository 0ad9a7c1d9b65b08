package aom.migration.ui.wizard;

import aom.migration.bundle.Passphrase;
import aom.migration.demo.DemoServers;
import aom.migration.model.AppRef;
import aom.migration.model.Selection;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.restore.ImportResult;
import aom.migration.session.ExportedBundle;
import aom.migration.session.OpenedBundle;
import aom.migration.session.PlannedImport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One wizard session: the state its pages share (the flow, the application, the selection, the bundle file, the
 * opened bundle, the planned import, the results), and its parts with jobs of their own: the
 * {@link WizardConnections connections}, the {@link WizardNavigation navigation}, the {@link RunningJob running job}
 * and the {@link DemoSession demo servers}.
 * Plain JavaFX properties without the toolkit, so a whole session is testable in a unit test.
 *
 * <p>Pages read the shared state as read-only properties; each piece is written by the page that owns it, through a
 * method named for the choice or the event ({@link #chooseApplication}, {@link #importPlanned}, ...), so that a
 * reader can find every write of a piece of state, and no page changes another's by accident.
 *
 * <p>The opened bundle and the planned import hold a file and a connection open: replacing or clearing them closes
 * the old one through the {@link #setCloser closer} (in the background, in the wizard).
 */
public final class WizardModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WizardModel.class);

    private final ReadOnlyObjectWrapper<WizardFlow> flow = new ReadOnlyObjectWrapper<>(WizardFlow.EXPORT);
    private final RunningJob runningJob = new RunningJob();
    private final WizardNavigation navigation = new WizardNavigation(flow, runningJob.runningProperty());
    private final DemoSession demo = new DemoSession();

    private final WizardConnections connections = new WizardConnections();
    private final ReadOnlyObjectWrapper<AppRef> application = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> bundleFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper encryptBundle = new ReadOnlyBooleanWrapper();
    /** The passphrase of the bundle being written or read, in memory only; never saved. */
    private Passphrase bundlePassphrase;
    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>(Locale.getDefault());
    private final ReadOnlyObjectWrapper<OpenedBundle> openedBundle = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlannedImport> plannedImport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ExportedBundle> exportedBundle = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImportResult> importResult = new ReadOnlyObjectWrapper<>();
    private Consumer<AutoCloseable> closer = WizardModel::closeQuietly;

    public WizardModel() {
        openedBundle.addListener((observable, old, now) -> release(old, now));
        plannedImport.addListener((observable, old, now) -> release(old, now));
        connections.sourceProperty().addListener((observable, old, now) -> forgetWhatCameFrom(old));
        connections.targetProperty().addListener((observable, old, now) -> forgetWhatWentTo(old));
    }

    /**
     * Another source: the application, the selection, the bundle made from them and what followed belong to the old
     * one and are forgotten, so that no page shows them as if they came from the new one.
     */
    private void forgetWhatCameFrom(ConnectionSettings old) {
        if (old == null) {
            return;
        }
        application.set(null);
        selection.set(null);
        if (exportedBundle.get() != null) {
            exportedBundle.set(null);
            bundleFile.set(null);
            openedBundle.set(null);
        }
        forgetWhatWentTo(old);
    }

    /** Another target: the import planned against the old one and its result are forgotten. */
    private void forgetWhatWentTo(ConnectionSettings old) {
        if (old == null) {
            return;
        }
        plannedImport.set(null);
        importResult.set(null);
    }

    /** Which page shows, and Next and Back. */
    public WizardNavigation navigation() {
        return navigation;
    }

    /** The export, import or check now running, which locks the navigation. */
    public RunningJob runningJob() {
        return runningJob;
    }

    /** The demo servers, stopped when the wizard exits. */
    public DemoSession demo() {
        return demo;
    }

    /**
     * Abandons the flow and returns to the Start page (not while a job runs). The connections stay; the application,
     * the bundle and the results are forgotten, so that the next run starts afresh.
     */
    public boolean restart() {
        if (runningJob.isRunning() || navigation.getCurrentPage() == PageId.START) {
            return false;
        }
        application.set(null);
        selection.set(null);
        bundleFile.set(null);
        plannedImport.set(null);
        openedBundle.set(null);
        exportedBundle.set(null);
        importResult.set(null);
        navigation.enter(PageId.START);
        return true;
    }

    /**
     * Opens {@code bundle} right away, as when the wizard is started with a bundle file as its argument: the
     * import flow, on the bundle's preview.
     */
    public void openBundle(Path bundle) {
        chooseBundle(bundle);
        flow.set(WizardFlow.IMPORT);
        navigation.enter(PageId.PREVIEW);
    }

    // ---- shared state ----

    /** Export, import or migrate: the Start page's choice. */
    public ReadOnlyObjectProperty<WizardFlow> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    /** Chooses the flow, which decides the pages that follow (the Start page's choice). */
    public void chooseFlow(WizardFlow chosen) {
        flow.set(Objects.requireNonNull(chosen));
    }

    public WizardFlow getFlow() {
        return flow.get();
    }

    /** The source and the target, each with its instance hosts. */
    public WizardConnections connections() {
        return connections;
    }

    /** The application chosen on the Application page. */
    public ReadOnlyObjectProperty<AppRef> applicationProperty() {
        return application.getReadOnlyProperty();
    }

    /** Chooses the application to export (the Application page's choice). */
    public void chooseApplication(AppRef app) {
        application.set(Objects.requireNonNull(app));
    }

    /** What to export, chosen on the Selection page. */
    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The bundle being written (export, migrate) or read (import). */
    public ReadOnlyObjectProperty<Path> bundleFileProperty() {
        return bundleFile.getReadOnlyProperty();
    }

    /** Chooses what to export and the bundle file it goes to (the Selection page's choice). */
    public void chooseExport(Selection what, Path bundle) {
        selection.set(Objects.requireNonNull(what));
        bundleFile.set(Objects.requireNonNull(bundle));
    }

    /** Chooses the bundle to read: the Start page's for an import. */
    public void chooseBundle(Path bundle) {
        bundleFile.set(Objects.requireNonNull(bundle));
    }

    /** Whether the export encrypts the bundle with a passphrase (the tick box on the Selection page). */
    public ReadOnlyBooleanProperty encryptBundleProperty() {
        return encryptBundle.getReadOnlyProperty();
    }

    /** Chooses whether the export encrypts the bundle (the Selection page's tick box). */
    public void chooseEncryption(boolean encrypt) {
        encryptBundle.set(encrypt);
    }

    /**
     * The passphrase of the wizard's bundle, as typed for the export or for opening it, or {@code null}; kept in
     * memory for the pages that read the bundle again, never written anywhere.
     */
    public synchronized Passphrase bundlePassphrase() {
        return bundlePassphrase == null ? null : bundlePassphrase.copy();
    }

    /** Remembers {@code passphrase} (a copy) in place of the one before, which is wiped. */
    public synchronized void bundlePassphrase(Passphrase passphrase) {
        if (bundlePassphrase != null) {
            bundlePassphrase.close();
        }
        bundlePassphrase = passphrase == null ? null : passphrase.copy();
    }

    /**
     * The language the wizard shows; the window rebuilds its pages when it changes (on the Start page, where no
     * job runs).
     */
    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
    }

    /** Chooses the language the wizard shows, on the Start page or as the settings remember it. */
    public void chooseLanguage(Locale chosen) {
        language.set(Objects.requireNonNull(chosen));
    }

    /**
     * A new model for the same session, for a window rebuilt in another language: the flow, the connections and the
     * demo servers move over (this model no longer stops them); the rest starts afresh. Not while a job runs.
     */
    public WizardModel handOver() {
        if (runningJob.isRunning()) {
            throw new IllegalStateException("A job is running");
        }
        WizardModel next = new WizardModel();
        next.language.set(language.get());
        next.flow.set(flow.get());
        connections.copyTo(next.connections);
        demo.handOverTo(next.demo);
        return next;
    }

    /** The bundle the Preview page opened (and the Confirm and Import pages use), or {@code null}. */
    public ReadOnlyObjectProperty<OpenedBundle> openedBundleProperty() {
        return openedBundle.getReadOnlyProperty();
    }

    /** The bundle the Preview page opened; the one opened before is closed. */
    public void bundleOpened(OpenedBundle opened) {
        openedBundle.set(Objects.requireNonNull(opened));
    }

    /** The import planned on the Confirm page against the target, ready to run, or {@code null}. */
    public ReadOnlyObjectProperty<PlannedImport> plannedImportProperty() {
        return plannedImport.getReadOnlyProperty();
    }

    /** The import the Confirm page planned, in place of (and closing) the one planned before. */
    public void importPlanned(PlannedImport planned) {
        plannedImport.set(Objects.requireNonNull(planned));
    }

    /** No import is planned (the Confirm page's choices leave nothing, or planning failed); the old one is closed. */
    public void forgetPlannedImport() {
        plannedImport.set(null);
    }

    /**
     * The import run from {@code planned} has ended: its connection is closed, unless a newer plan took its place.
     * Back on the Confirm page plans again with a fresh one.
     */
    public void importEnded(PlannedImport planned) {
        if (plannedImport.get() == planned) {
            plannedImport.set(null);
        }
    }

    /** The export that finished in this flow, or {@code null}. */
    public ReadOnlyObjectProperty<ExportedBundle> exportedBundleProperty() {
        return exportedBundle.getReadOnlyProperty();
    }

    /**
     * The export page's {@code exported} bundle, which the pages after it read. A bundle opened from the same file
     * is forgotten (and closed), as the file was written anew and must be read again.
     */
    public void exportFinished(ExportedBundle exported) {
        Path written = exported.result().bundle();
        OpenedBundle opened = openedBundle.get();
        if (opened != null && opened.file().toAbsolutePath().equals(written.toAbsolutePath())) {
            openedBundle.set(null);
        }
        exportedBundle.set(exported);
        bundleFile.set(written);
    }

    /** The import that finished in this flow, or {@code null}. */
    public ReadOnlyObjectProperty<ImportResult> importResultProperty() {
        return importResult.getReadOnlyProperty();
    }

    /** The Import page's finished import, which the Summary reads. */
    public void importFinished(ImportResult result) {
        importResult.set(Objects.requireNonNull(result));
    }

    /**
     * How a replaced bundle or planned import is closed; the wizard closes them on a background thread, as closing
     * a file or a connection must not hold up the FX thread. Closes right away until set.
     */
    public void setCloser(Consumer<AutoCloseable> closer) {
        this.closer = Objects.requireNonNull(closer);
    }

    private void release(AutoCloseable old, AutoCloseable now) {
        if (old != null && old != now) {
            closer.accept(old);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Could not close {}: {}", resource, e.toString());
        }
    }

    /**
     * Uses {@code servers} as source and target, whatever the flow chosen (an export uses the source, an import the
     * target). The servers are stopped when the wizard exits; start them once and call this again to refill the
     * connections.
     */
    public void useDemo(DemoServers servers) {
        demo.use(servers);
        connections.useSource(servers.source().settings());
        connections.useTarget(servers.target().settings());
    }

    /** Closes the opened bundle and the planned import and stops the demo servers, if any: called on exit. */
    @Override
    public void close() {
        closer = WizardModel::closeQuietly;
        plannedImport.set(null);
        openedBundle.set(null);
        bundlePassphrase(null);
        demo.close();
    }
}
