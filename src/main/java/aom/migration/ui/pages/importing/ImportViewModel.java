package aom.migration.ui.pages.importing;

import aom.migration.progress.CancelledException;
import aom.migration.restore.ImportCancelledException;
import aom.migration.restore.ImportResult;
import aom.migration.session.PlannedImport;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.pages.progress.JobKind;
import aom.migration.ui.pages.progress.JobOutcome;
import aom.migration.ui.pages.progress.JobPageModel;
import aom.migration.ui.pages.progress.JobProgressViewModel;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardJob;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Import page: runs the import confirmed on the previous page as soon as the page is shown, follows its phases
 * and collections, and says how it ended. A cancelled or failed import leaves the target as it was (the engine
 * rolls back); the page says so. After a cancel or failure Back leads to the Confirm page, which plans again.
 */
public final class ImportViewModel implements PageViewModel {

    private final WizardModel model;
    private final WizardServices services;
    private final JobPageModel job;
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private PlannedImport started;

    public ImportViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        job = new JobPageModel(model.runningJob(), services.dialogs(), WizardJob.IMPORT,
                new JobProgressViewModel(JobKind.IMPORT), Messages.get("import.title"),
                JobPageModel.BackOnceSucceeded.LOCKED);
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return job.canGoNextProperty();
    }

    /** Not while the import runs, and not once it has succeeded: it cannot be taken back from here. */
    @Override
    public ReadOnlyBooleanProperty canGoBackProperty() {
        return job.canGoBackProperty();
    }

    /** Starts the confirmed import, once. */
    @Override
    public void enter() {
        PlannedImport planned = model.plannedImportProperty().get();
        if (planned != null && planned != started) {
            start(planned);
        }
    }

    /** The import's life on the page: its title, its progress, how it ended. */
    public JobPageModel job() {
        return job;
    }

    /** Where from, where to. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    private void start(PlannedImport planned) {
        started = planned;
        String app = planned.plan().application();
        job.prepare(Messages.format("import.title.app", app, planned.plan().targetHosts()));
        subtitle.set(Messages.format("import.subtitle", planned.input().getFileName(),
                planned.plan().targetServer().describe()));
        BackgroundTask<ImportResult> task = BackgroundTask.of((listener, cancel) ->
                planned.run(listener, cancel));
        services.executor().execute(job.follow(task)
                .onSuccess(result -> {
                    model.importFinished(result);
                    job.succeeded(Messages.format("import.title.done", app, planned.plan().targetHosts()),
                            Messages.format("import.succeeded", app, planned.plan().targetHosts()));
                })
                .onCancelled(() -> cancelled(task.getFailure(), planned.plan().targetHosts()))
                .onFailure(error -> job.failed(Messages.format("import.failed", ErrorText.readable(error)),
                        Messages.get("import.failed.title"), error))
                .onFinished(() -> model.importEnded(planned)));
    }

    /**
     * A cancelled import: what its rollback checked, in the user's language; where the cancel came too late for a
     * proven rollback (the target could not be checked, or another import took over), the job's failure instead.
     */
    private void cancelled(Throwable why, String hosts) {
        if (why instanceof ImportCancelledException cancelled) {
            String text = cancelled.proof().map(proof -> proof.counted() == 0 && proof.metadataDocuments() == 0
                    ? Messages.format("import.cancelled.loading", hosts, proof.collections(), proof.databases())
                    : Messages.format("import.cancelled", hosts, proof.collections(), proof.databases(),
                    proof.counted(), proof.metadataDocuments()))
                    .orElseGet(() -> Messages.format("import.cancelled.before", hosts));
            job.ended(JobOutcome.CANCELLED, text);
        } else if (why != null && !(why instanceof CancelledException)) {
            job.ended(JobOutcome.FAILED, Messages.format("import.failed", ErrorText.readable(why)));
        } else {
            job.ended(JobOutcome.CANCELLED, Messages.get("import.cancelled.unchecked"));
        }
    }
}
