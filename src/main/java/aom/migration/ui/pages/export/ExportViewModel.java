package aom.migration.ui.pages.export;

import aom.migration.bundle.Manifest;
import aom.migration.bundle.Passphrase;
import aom.migration.export.ExportOptions;
import aom.migration.export.ExportResult;
import aom.migration.model.AppRef;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.session.BundleExport;
import aom.migration.session.ExportedBundle;
import aom.migration.session.OpenedBundle;
import aom.migration.ui.DataSizes;
import aom.migration.ui.Durations;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.pages.progress.JobKind;
import aom.migration.ui.pages.progress.JobOutcome;
import aom.migration.ui.pages.progress.JobPageModel;
import aom.migration.ui.pages.progress.JobProgressViewModel;
import aom.migration.ui.settings.RecentBundles;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardJob;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The Export page: runs the export the previous pages describe as soon as the page is shown, follows it, and says
 * how it ended. A cancelled or failed export leaves no bundle file; the page checks that and says so. A finished
 * export becomes the wizard's bundle (and a recent bundle); Next goes on to its preview.
 */
public final class ExportViewModel implements PageViewModel {

    private final WizardModel model;
    private final WizardServices services;
    private final JobPageModel job;
    private final ReadOnlyStringWrapper destination = new ReadOnlyStringWrapper("");
    private ExportRequest lastRequest;

    public ExportViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        job = new JobPageModel(model.runningJob(), services.dialogs(), WizardJob.EXPORT,
                new JobProgressViewModel(JobKind.EXPORT, ExtractionProfile.defaults().database()),
                Messages.get("export.title"), JobPageModel.BackOnceSucceeded.ALLOWED);
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return job.canGoNextProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canGoBackProperty() {
        return job.canGoBackProperty();
    }

    /** Starts the export, unless the same one is running or has finished already. */
    @Override
    public void enter() {
        ExportRequest request = currentRequest();
        if (request == null) {
            return;
        }
        if (!request.equals(lastRequest) || !job.isRunningOrSucceeded()) {
            start(request, false);
        }
    }

    /** The export's life on the page: "Exporting ConferenceApp", its progress, how it ended. */
    public JobPageModel job() {
        return job;
    }

    /** Where the bundle goes. */
    public ReadOnlyStringProperty destinationProperty() {
        return destination.getReadOnlyProperty();
    }

    /** Runs the last export again, after a cancel, a failure or a declined replacement. */
    public void retry() {
        if (lastRequest != null && !job.runningProperty().get()) {
            start(lastRequest, false);
        }
    }

    private ExportRequest currentRequest() {
        ConnectionSettings source = model.connections().sourceProperty().get();
        AppRef app = model.applicationProperty().get();
        Selection selection = model.selectionProperty().get();
        Path bundle = model.bundleFileProperty().get();
        if (source == null || app == null || selection == null || bundle == null) {
            return null;
        }
        return new ExportRequest(source, app, selection, bundle, model.encryptBundleProperty().get());
    }

    /**
     * Runs the export of {@code request}; where its file exists already, only after the user agreed to replace it.
     * Declining leaves that file as it is and the page saying so, which is not a failure.
     */
    private void start(ExportRequest request, boolean overwrite) {
        lastRequest = request;
        Passphrase passphrase = null;
        if (request.encrypted()) {
            Optional<char[]> typed = services.dialogs().askPassphrase(Messages.get("passphrase.export.title"),
                    Messages.format("passphrase.export.message", request.bundle().getFileName()), true);
            if (typed.isEmpty()) {
                job.cannotStart(Messages.get("passphrase.export.cancelled"));
                return;
            }
            passphrase = Passphrase.of(typed.get());
            Arrays.fill(typed.get(), '\0');
            // Kept in memory for the preview and the import of a direct migration, which read the bundle again.
            model.bundlePassphrase(passphrase);
        }
        Passphrase key = passphrase;
        job.prepare(Messages.format("export.title.app", request.app().name()));
        destination.set(Messages.format("export.destination", request.bundle().toAbsolutePath()));
        if (overwrite) {
            run(request, true, key);
            return;
        }
        Path bundle = request.bundle();
        services.executor().execute(BackgroundTask.of((listener, cancel) -> Files.exists(bundle))
                .onSuccess(exists -> {
                    if (!exists) {
                        run(request, false, key);
                    } else if (confirmReplace(request)) {
                        run(request, true, key);
                    } else {
                        declined(request);
                    }
                })
                .onFailure(error -> run(request, false, key)));
    }

    private boolean confirmReplace(ExportRequest request) {
        return services.dialogs().confirm(Messages.get("export.exists.title"), Messages.format("export.exists.message",
                request.bundle().toAbsolutePath()), Messages.get("export.exists.replace"),
                Messages.get("export.exists.keep"));
    }

    private void declined(ExportRequest request) {
        job.notRun(JobOutcome.DECLINED, Messages.format("export.declined", request.bundle().toAbsolutePath()));
    }

    private void run(ExportRequest request, boolean overwrite, Passphrase key) {
        AtomicReference<List<Path>> leftovers = new AtomicReference<>(List.of());
        // Copied on the FX thread: the task must not read the model's observable map.
        InstanceHosts hosts = InstanceHosts.of(new HashMap<>(model.connections().sourceInstanceHosts()));
        BackgroundTask<ExportedBundle> export = BackgroundTask.of((listener, cancel) -> {
            hosts.hostsOnly().forEach((system, host) -> listener.info(Phase.CONNECT,
                    Messages.format("export.ownHost", system, host)));
            try {
                return export(request, hosts, overwrite, key, listener, cancel);
            } catch (CancelledException e) {
                List<Path> found = new ArrayList<>(existing(request.bundle()));
                request.partFiles().forEach(part -> found.add(part.toAbsolutePath()));
                leftovers.set(found);
                throw e;
            }
        });
        services.executor().execute(job.follow(export)
                .onSuccess(this::succeeded)
                .onCancelled(() -> cancelled(request, leftovers.get()))
                .onFailure(error -> failed(request, error)));
    }

    private ExportedBundle export(ExportRequest request, InstanceHosts hosts, boolean overwrite, Passphrase key,
                                  ProgressListener listener, CancellationToken cancel) throws IOException {
        ExportOptions options = ExportOptions.defaults().withOverwrite(overwrite).withPassphrase(key)
                .withNaming(BundleExport.namingFor(request.app().naming(), hosts));
        ExportedBundle exported = new BundleExport(request.source(), hosts, request.app().name(), request.selection(),
                request.bundle(), ExtractionProfile.defaults(), options).run(listener, cancel);
        ExportResult result = exported.result();
        new RecentBundles(services.settingsDirectory()).add(result.bundle(), services.clock().instant());
        return exported;
    }

    private void succeeded(ExportedBundle exported) {
        ExportResult result = exported.result();
        model.exportFinished(exported);
        lastRequest = currentRequest();
        job.succeeded(Messages.format("export.title.done", result.manifest().application().name()),
                describe(exported));
    }

    private void cancelled(ExportRequest request, List<Path> leftovers) {
        job.ended(JobOutcome.CANCELLED, leftovers.isEmpty()
                ? Messages.format("export.cancelled", request.bundle().getFileName())
                : Messages.format("export.cancelled.leftovers", leftovers.stream().map(Path::toString)
                .collect(Collectors.joining(", "))));
    }

    private void failed(ExportRequest request, Throwable error) {
        if (error instanceof FileAlreadyExistsException) {
            // Made by someone else since the page looked: ask now.
            if (confirmReplace(request)) {
                start(request, true);
            } else {
                declined(request);
            }
            return;
        }
        job.failed(Messages.format("export.failed", ErrorText.readable(error)), Messages.get("export.failed.title"),
                error);
    }

    static String describe(ExportedBundle exported) {
        ExportResult result = exported.result();
        Manifest.Counts counts = result.manifest().counts();
        return Messages.format("export.succeeded", result.manifest().application().name(),
                DataSizes.count(counts.metadataDocuments()), counts.databases(), counts.collections(),
                DataSizes.count(counts.documents()), DataSizes.bytes(exported.fileBytes()),
                Durations.elapsed(result.elapsed()));
    }

    private static List<Path> existing(Path... files) {
        List<Path> found = new ArrayList<>();
        for (Path file : files) {
            if (Files.exists(Objects.requireNonNull(file))) {
                found.add(file.toAbsolutePath());
            }
        }
        return found;
    }
}
