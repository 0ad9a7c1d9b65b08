package aom.migration.cli;

import aom.migration.progress.CancellationToken;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl+C (the JVM shutting down) cancels a job instead of killing it mid-write, and holds the exit for a
 * grace period so that the job can clean up: delete a partial bundle, or restore the target after an import.
 */
final class CancelOnCtrlC implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnCtrlC(CancellationToken token, Duration grace, String name) {
        hook = new Thread(() -> {
            token.cancel();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The job has ended: the JVM may exit. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl+C): the hook is running and now lets it go.
        }
    }
}
