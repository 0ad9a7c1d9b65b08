package aom.migration.ui.task;

import aom.migration.progress.CancelledException;
import aom.migration.progress.ProgressListener;
import javafx.concurrent.Task;

/**
 * The {@link Task} adapter of one {@link BackgroundTask}: runs its engine call on a worker thread with a
 * {@link ProgressRelay} as the listener, and reports the outcome back to the task on the FX thread.
 */
final class EngineTask<T> extends Task<T> {

    private final BackgroundTask<T> task;
    private final ProgressRelay relay;
    private final ProgressListener listener;

    EngineTask(BackgroundTask<T> task, ProgressRelay relay, ProgressListener listener) {
        this.task = task;
        this.relay = relay;
        this.listener = listener;
        setOnSucceeded(event -> task.succeeded(getValue()));
        setOnFailed(event -> task.failed(getException()));
        setOnCancelled(event -> task.failed(new CancelledException()));
    }

    @Override
    protected T call() throws Exception {
        try {
            return task.call().run(listener, task.cancellation());
        } finally {
            // Queued before the Task's own state change, so the last figures arrive before "succeeded".
            relay.flush();
        }
    }

    @Override
    protected void cancelled() {
        task.cancel();
    }
}
