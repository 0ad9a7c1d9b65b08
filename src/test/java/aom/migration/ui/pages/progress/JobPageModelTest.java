package aom.migration.ui.pages.progress;

import aom.migration.progress.CancelledException;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.RunningJob;
import aom.migration.ui.wizard.WizardJob;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobPageModelTest {

    private final RunningJob wizardJob = new RunningJob();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    private JobPageModel page(JobPageModel.BackOnceSucceeded back) {
        return new JobPageModel(wizardJob, dialogs, WizardJob.EXPORT, new JobProgressViewModel(JobKind.EXPORT),
                "Export", back);
    }

    @Test
    void whileTheJobRunsNextAndBackAreLockedAndTheWizardKnowsItRuns() {
        JobPageModel page = page(JobPageModel.BackOnceSucceeded.ALLOWED);
        List<Boolean> seenWhileRunning = new ArrayList<>();

        page.prepare("Exporting ConferenceApp");
        executor.execute(page.follow(BackgroundTask.of((listener, cancel) -> {
            seenWhileRunning.addAll(List.of(page.runningProperty().get(), page.canGoBackProperty().get(),
                    page.canGoNextProperty().get(), wizardJob.isRunning()));
            return "done";
        })).onSuccess(result -> page.succeeded("Exported ConferenceApp", "Exported.")));

        assertThat(seenWhileRunning).containsExactly(true, false, false, true);
        assertThat(page.titleProperty().get()).isEqualTo("Exported ConferenceApp");
        assertThat(page.outcomeProperty().get()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(page.outcomeTextProperty().get()).isEqualTo("Exported.");
        assertThat(page.runningProperty().get()).isFalse();
        assertThat(page.canGoNextProperty().get()).isTrue();
        assertThat(page.canGoBackProperty().get()).isTrue();
        assertThat(page.isRunningOrSucceeded()).isTrue();
        assertThat(wizardJob.isRunning()).isFalse();
    }

    @Test
    void aPageThatLocksBackAfterSuccessOffersItAgainAfterACancel() {
        JobPageModel page = page(JobPageModel.BackOnceSucceeded.LOCKED);
        assertThat(page.canGoBackProperty().get()).isTrue();

        page.prepare("Importing");
        executor.execute(page.follow(BackgroundTask.of((listener, cancel) -> "done"))
                .onSuccess(result -> page.succeeded("Imported", "Imported.")));
        assertThat(page.canGoBackProperty().get()).isFalse();

        page.prepare("Importing again");
        executor.execute(page.follow(BackgroundTask.<String>of((listener, cancel) -> {
            throw new CancelledException();
        })).onCancelled(() -> page.ended(JobOutcome.CANCELLED, "Cancelled; the target is as it was.")));

        assertThat(page.outcomeProperty().get()).isEqualTo(JobOutcome.CANCELLED);
        assertThat(page.canGoBackProperty().get()).isTrue();
        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(page.isRunningOrSucceeded()).isFalse();
    }

    @Test
    void aFailureIsShownOnTheBannerAndInTheErrorDialog() {
        JobPageModel page = page(JobPageModel.BackOnceSucceeded.ALLOWED);
        IOException disk = new IOException("No space left on device");

        page.prepare("Exporting");
        executor.execute(page.follow(BackgroundTask.<String>of((listener, cancel) -> {
            throw disk;
        })).onFailure(error -> page.failed("The export failed: no space.", "Export failed", error)));

        assertThat(page.outcomeProperty().get()).isEqualTo(JobOutcome.FAILED);
        assertThat(page.outcomeTextProperty().get()).isEqualTo("The export failed: no space.");
        assertThat(dialogs.errors).extracting(RecordingDialogService.ShownError::title)
                .containsExactly("Export failed");
        assertThat(dialogs.errors.get(0).details()).isSameAs(disk);
        assertThat(page.canGoBackProperty().get()).isTrue();
    }

    @Test
    void aJobNotRunAfterAllShowsNoProgressAndUnlocksTheButtonsItLocked() {
        JobPageModel page = page(JobPageModel.BackOnceSucceeded.ALLOWED);

        page.prepare("Exporting");
        page.notRun(JobOutcome.DECLINED, "Not exported: the file is kept.");

        assertThat(page.runningProperty().get()).isFalse();
        assertThat(page.canGoBackProperty().get()).isTrue();
        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(page.outcomeProperty().get()).isEqualTo(JobOutcome.DECLINED);
        assertThat(page.progress().phases()).extracting(PhaseStep::getState).containsOnly(StepState.PENDING);
    }
}
