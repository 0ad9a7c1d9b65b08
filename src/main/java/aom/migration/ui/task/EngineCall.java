package aom.migration.ui.task;

import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;

/**
 * One call into the engine, in the shape every job has: it reports to a {@link ProgressListener}, stops when the
 * {@link CancellationToken} is cancelled, and returns its result. Runs on a background thread, never on the FX
 * thread.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface EngineCall<T> {

    T run(ProgressListener progress, CancellationToken cancellation) throws Exception;
}
