package aom.migration.ui.task;

import aom.migration.progress.ProgressListener;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Runs each task to the end on the calling thread, with every progress event delivered at once. For ViewModel
 * tests (no JavaFX toolkit needed) and for rendering pages in a known state.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final UnaryOperator<ProgressListener> listeners;

    public CurrentThreadTaskExecutor() {
        this(UnaryOperator.identity());
    }

    /** An executor whose jobs report through {@code listeners}' wrapping of the usual listener (see FxTaskExecutor). */
    public CurrentThreadTaskExecutor(UnaryOperator<ProgressListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        // A job reports from its worker threads too (an export reads several collections at once); the wizard's
        // pages take progress on one thread only, so deliveries take turns here as they do on the JavaFX thread.
        Object uiThread = new Object();
        ProgressRelay relay = new ProgressRelay(delivery -> {
            synchronized (uiThread) {
                delivery.run();
            }
        }, null, Duration.ZERO, task::apply);
        task.started();
        T result;
        try {
            result = task.call().run(listeners.apply(relay), task.cancellation());
        } catch (Exception | Error e) {
            task.failed(e);
            return task;
        }
        task.succeeded(result);
        return task;
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
