package aom.migration.ui.pages.progress;

import aom.migration.ui.dialog.DialogService;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.RunningJob;
import aom.migration.ui.wizard.WizardJob;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/**
 * The life of a page that runs one long job (the Export and Import pages): prepared when the page is entered,
 * followed by the progress part and tracked by the wizard while it runs (Back and closing the window wait or ask),
 * and ended with a banner that says how. The pages say what to run and what each ending means in words; this keeps
 * Next, Back, "running" and the banner consistent with that, the same on both pages. No toolkit needed.
 */
public final class JobPageModel {

    /** Whether Back is offered once the job has succeeded. */
    public enum BackOnceSucceeded {
        /** Yes: nothing was changed that Back could contradict (an export only wrote a file). */
        ALLOWED,
        /** No: the job changed something that cannot be taken back from this page (an import). */
        LOCKED
    }

    private final RunningJob wizardJob;
    private final DialogService dialogs;
    private final WizardJob kind;
    private final JobProgressViewModel progress;
    private final ReadOnlyStringWrapper title;
    private final ReadOnlyObjectWrapper<JobOutcome> outcome = new ReadOnlyObjectWrapper<>(JobOutcome.NONE);
    private final ReadOnlyStringWrapper outcomeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private BackgroundTask<?> job;

    /**
     * A page running jobs of {@code kind}, shown in {@code progress} and tracked as the wizard's {@code wizardJob},
     * titled {@code title} until a job starts; its failures are shown through {@code dialogs}.
     */
    public JobPageModel(RunningJob wizardJob, DialogService dialogs, WizardJob kind, JobProgressViewModel progress,
                        String title, BackOnceSucceeded back) {
        this.wizardJob = wizardJob;
        this.dialogs = dialogs;
        this.kind = Objects.requireNonNull(kind);
        this.progress = progress;
        this.title = new ReadOnlyStringWrapper(title);
        BooleanExpression idle = running.not();
        canGoBack.bind(back == BackOnceSucceeded.ALLOWED ? idle : idle.and(outcome.isNotEqualTo(JobOutcome.SUCCEEDED)));
    }

    public JobProgressViewModel progress() {
        return progress;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JobOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** How the job ended, in a sentence or two; empty while none has ended. */
    public ReadOnlyStringProperty outcomeTextProperty() {
        return outcomeText.getReadOnlyProperty();
    }

    /** From {@link #prepare} until the job (or the decision not to run one) has ended. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Only once the job has succeeded. */
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    /** Not while a job runs; after a success only where the page allows it. */
    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** Whether the last job runs or has succeeded: entering the page again need not start it again. */
    public boolean isRunningOrSucceeded() {
        return job != null && (job.getState() == BackgroundTask.State.RUNNING
                || job.getState() == BackgroundTask.State.SUCCEEDED);
    }

    /** A job is about to start (questions may come first): the last outcome goes, Next and Back are locked. */
    public void prepare(String runningTitle) {
        title.set(runningTitle);
        outcome.set(JobOutcome.NONE);
        outcomeText.set("");
        canGoNext.set(false);
        running.set(true);
    }

    /**
     * Makes {@code task} the page's job: its progress is shown and the wizard tracks it until it ends. Call before
     * adding the page's own endings and handing it to the executor, so that the wizard unlocks first.
     */
    public <T> BackgroundTask<T> follow(BackgroundTask<T> task) {
        job = task;
        progress.track(task);
        wizardJob.track(task, kind);
        task.onFinished(() -> {
            if (job == task) {
                running.set(false);
            }
        });
        return task;
    }

    /** The job succeeded: Next leads on. */
    public void succeeded(String doneTitle, String text) {
        title.set(doneTitle);
        outcome.set(JobOutcome.SUCCEEDED);
        outcomeText.set(text);
        canGoNext.set(true);
    }

    /** The job ended as {@code how} says ({@link JobOutcome#CANCELLED}, say), in {@code text}. */
    public void ended(JobOutcome how, String text) {
        outcome.set(how);
        outcomeText.set(text);
    }

    /** The job failed: {@code text} on the banner, and the error dialog, titled {@code dialogTitle}, with details. */
    public void failed(String text, String dialogTitle, Throwable error) {
        ended(JobOutcome.FAILED, text);
        dialogs.showError(dialogTitle, ErrorText.readable(error), error);
    }

    /** No job ran after all (the user declined a question): nothing runs, nothing is shown as progress. */
    public void notRun(JobOutcome how, String text) {
        running.set(false);
        progress.clear();
        ended(how, text);
    }

    /** No job can start (a question was cancelled before anything began): Next stays locked. */
    public void cannotStart(String text) {
        ended(JobOutcome.FAILED, text);
        canGoNext.set(false);
    }
}
