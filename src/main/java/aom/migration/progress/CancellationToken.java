package aom.migration.progress;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets the UI or the CLI ask a running job to stop. Jobs call {@link #throwIfCancelled()} in every loop, so a
 * cancel takes effect within one batch. Callbacks registered with {@link #onCancel(Runnable)} run once, on the
 * cancelling thread, for work that blocks (for example closing a cursor).
 */
public final class CancellationToken {

    private volatile boolean cancelled;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable callback : callbacks) {
            callback.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancelledException if the job was cancelled */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Runs {@code callback} when the token is cancelled, or right away if it already is. */
    public void onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled) {
            callback.run();
        }
    }
}
