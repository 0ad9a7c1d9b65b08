package aom.migration.ui.task;

import aom.migration.progress.CancelledException;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.Workers;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * Runs tasks on daemon worker threads and delivers their progress to the FX thread at most every
 * {@link #PROGRESS_INTERVAL}, so that the FX thread never waits for the engine and is never flooded by it.
 */
public final class FxTaskExecutor implements TaskExecutor {

    /** The least time between two progress updates of one task on the FX thread. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofMillis(75);

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService workers = Executors.newCachedThreadPool(Workers.daemons("aom-worker"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Workers.daemons("aom-progress"));
    private final Set<BackgroundTask<?>> active = ConcurrentHashMap.newKeySet();
    private final UnaryOperator<ProgressListener> listeners;

    public FxTaskExecutor() {
        this(UnaryOperator.identity());
    }

    /**
     * An executor whose jobs report through {@code listeners}' wrapping of the usual listener. Tests use it to hold a
     * job at a known point (say, mid-way through an export) without timing.
     */
    public FxTaskExecutor(UnaryOperator<ProgressListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        ProgressRelay relay = new ProgressRelay(Platform::runLater, timer, PROGRESS_INTERVAL, task::apply);
        EngineTask<T> fxTask = new EngineTask<>(task, relay, listeners.apply(relay));
        active.add(task);
        task.onFailure(error -> LOG.warn("Background task failed: {}", error.toString(), error));
        task.onFinished(() -> active.remove(task));
        runOnFxThread(task::started);
        try {
            workers.execute(fxTask);
        } catch (RejectedExecutionException e) {
            // Shut down already (the wizard is closing): the task ends as cancelled, as the running ones do.
            task.cancel();
            runOnFxThread(() -> task.failed(new CancelledException()));
        }
        return task;
    }

    @Override
    public void shutdown() {
        active.forEach(BackgroundTask::cancel);
        workers.shutdown();
        timer.shutdown();
    }

    private static void runOnFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
