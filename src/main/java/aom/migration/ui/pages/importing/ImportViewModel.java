package aom.migration.ui.pages.importing;

import aom.migration.progress.CancelledException;
import aom.migration.restore.ImportCancelledException;
import aom.migration.restore.ImportResult;
import aom.migration.session.PlannedImport;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.pages.progress.JobKind;
import aom.migration.ui.pages.progress.JobOutcome;
import aom.migration.ui.pages.progress.JobProgressViewModel;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardJob;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
    private final JobProgressViewModel progress = new JobProgressViewModel(JobKind.IMPORT);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.get("import.title"));
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<JobOutcome> outcome = new ReadOnlyObjectWrapper<>(JobOutcome.NONE);
    private final ReadOnlyStringWrapper outcomeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(true);
    private PlannedImport started;
    private BackgroundTask<ImportResult> job;

    public ImportViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    /** Not while the import runs, and not once it has succeeded: it cannot be taken back from here. */
    @Override
    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** Starts the confirmed import, once. */
    @Override
    public void enter() {
        PlannedImport planned = model.plannedImportProperty().get();
        if (planned != null && planned != started) {
            start(planned);
        }
    }

    public JobProgressViewModel progress() {
        return progress;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Where from, where to. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JobOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeTextProperty() {
        return outcomeText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    private void start(PlannedImport planned) {
        started = planned;
        String app = planned.plan().application();
        title.set(Messages.format("import.title.app", app, planned.plan().targetHosts()));
        subtitle.set(Messages.format("import.subtitle", planned.bundle().file().getFileName(),
                planned.plan().targetServer().describe()));
        outcome.set(JobOutcome.NONE);
        outcomeText.set("");
        canGoNext.set(false);
        canGoBack.set(false);
        running.set(true);
        BackgroundTask<ImportResult> task = BackgroundTask.of((listener, cancel) ->
                planned.job().run(listener, cancel));
        job = task;
        progress.track(task);
        model.trackJob(task, WizardJob.IMPORT);
        services.executor().execute(task
                .onSuccess(result -> {
                    model.importResultProperty().set(result);
                    outcome.set(JobOutcome.SUCCEEDED);
                    title.set(Messages.format("import.title.done", app, planned.plan().targetHosts()));
                    outcomeText.set(Messages.format("import.succeeded", app, planned.plan().targetHosts()));
                    canGoNext.set(true);
                })
                .onCancelled(() -> cancelled(task.getFailure(), planned.plan().targetHosts()))
                .onFailure(error -> {
                    outcome.set(JobOutcome.FAILED);
                    outcomeText.set(Messages.format("import.failed", ErrorText.readable(error)));
                    canGoBack.set(true);
                    services.dialogs().showError(Messages.get("import.failed.title"), ErrorText.readable(error),
                            error);
                })
                .onFinished(() -> {
                    running.set(false);
                    if (model.plannedImportProperty().get() == planned) {
                        // Its connection is no longer needed; Back plans again with a fresh one.
                        model.plannedImportProperty().set(null);
                    }
                }));
    }

    /**
     * A cancelled import: what its rollback checked, in the user's language; where the cancel came too late for a
     * proven rollback (the target could not be checked, or another import took over), the job's failure instead.
     */
    private void cancelled(Throwable why, String hosts) {
        canGoBack.set(true);
        if (why instanceof ImportCancelledException cancelled) {
            outcome.set(JobOutcome.CANCELLED);
            outcomeText.set(cancelled.proof().map(proof -> proof.counted() == 0 && proof.metadataDocuments() == 0
                    ? Messages.format("import.cancelled.loading", hosts, proof.collections(), proof.databases())
                    : Messages.format("import.cancelled", hosts, proof.collections(), proof.databases(),
                    proof.counted(), proof.metadataDocuments()))
                    .orElseGet(() -> Messages.format("import.cancelled.before", hosts)));
        } else if (why != null && !(why instanceof CancelledException)) {
            outcome.set(JobOutcome.FAILED);
            outcomeText.set(Messages.format("import.failed", ErrorText.readable(why)));
        } else {
            outcome.set(JobOutcome.CANCELLED);
            outcomeText.set(Messages.get("import.cancelled.unchecked"));
        }
    }
}
