package aom.migration.ui.task;

import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundTaskTest {

    private final TaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void successDeliversTheResultAndTheLastProgress() {
        List<String> seen = new ArrayList<>();
        BackgroundTask<String> task = executor.execute(BackgroundTask.<String>of((progress, cancel) -> {
            progress.onProgress(new ProgressEvent(Phase.DATA, null, 50, 100, 0, -1, 0, 0, null,
                    ProgressEvent.Level.INFO, null));
            progress.info(Phase.DATA, "Half of ConferenceApp exported");
            return "ConferenceApp.aombundle";
        }).onSuccess(seen::add).onFinished(() -> seen.add("finished")));

        assertThat(task.getState()).isEqualTo(BackgroundTask.State.SUCCEEDED);
        assertThat(seen).containsExactly("ConferenceApp.aombundle", "finished");
        assertThat(task.progressProperty().get()).isEqualTo(0.5);
        assertThat(task.messageProperty().get()).isEqualTo("Half of ConferenceApp exported");
        assertThat(task.log()).hasSize(1);
        assertThat(task.runningProperty().get()).isFalse();
    }

    @Test
    void failureReachesTheFailureCallback() {
        List<Throwable> failures = new ArrayList<>();
        BackgroundTask<String> task = executor.execute(BackgroundTask.<String>of((progress, cancel) -> {
            throw new IllegalStateException("target is read-only");
        }).onFailure(failures::add));

        assertThat(task.getState()).isEqualTo(BackgroundTask.State.FAILED);
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("target is read-only");
    }

    @Test
    void aCancelledCallEndsCancelledNotFailed() {
        List<String> seen = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.<String>of((progress, cancel) -> {
            cancel.throwIfCancelled();
            return "never";
        }).onFailure(error -> seen.add("failed")).onCancelled(() -> seen.add("cancelled"));
        task.cancel();

        executor.execute(task);

        assertThat(task.getState()).isEqualTo(BackgroundTask.State.CANCELLED);
        assertThat(seen).containsExactly("cancelled");
    }

    @Test
    void cancelledExceptionCountsAsCancelEvenWithoutRequest() {
        BackgroundTask<String> task = executor.execute(BackgroundTask.of((progress, cancel) -> {
            throw new CancelledException();
        }));

        assertThat(task.getState()).isEqualTo(BackgroundTask.State.CANCELLED);
    }
}
