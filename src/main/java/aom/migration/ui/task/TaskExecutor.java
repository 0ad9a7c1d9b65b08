package aom.migration.ui.task;

/**
 * Runs {@link BackgroundTask}s off the FX thread. The wizard uses {@link FxTaskExecutor}; ViewModel tests use
 * {@link CurrentThreadTaskExecutor}, which needs no JavaFX toolkit.
 */
public interface TaskExecutor {

    /**
     * Starts {@code task} and returns it. Register callbacks before: an executor may finish the task inside this
     * call ({@link CurrentThreadTaskExecutor} does).
     */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** Stops accepting tasks (those handed over later end as cancelled); running tasks are asked to cancel. */
    void shutdown();
}
