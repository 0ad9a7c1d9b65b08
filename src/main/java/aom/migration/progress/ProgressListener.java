package aom.migration.progress;

/**
 * Receives a job's progress. Called from the job's worker threads, never from a UI thread: a UI adapter must
 * hand the event over to its own thread itself. Implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = event -> { };

    void onProgress(ProgressEvent event);

    /** Convenience for jobs: an informational line. */
    default void info(Phase phase, String message) {
        onProgress(ProgressEvent.message(phase, ProgressEvent.Level.INFO, message));
    }

    /** Convenience for jobs: a warning line. */
    default void warn(Phase phase, String message) {
        onProgress(ProgressEvent.message(phase, ProgressEvent.Level.WARNING, message));
    }
}
