package aom.migration.cli;

import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * While open, Ctrl+C (the JVM shutting down) cancels a job instead of killing it mid-write, and holds the exit for a
 * grace period so that the job can clean up: delete a partial bundle, or restore the target after an import. The
 * JVM then exits with 130; the sentence saying what became of the job is printed before the exit is let go, as
 * nothing printed after it is sure to appear.
 */
final class CancelOnCtrlC implements AutoCloseable {

    /** A job run that can be cancelled through its token. */
    @FunctionalInterface
    interface Run<T, E extends Exception> {
        T run() throws E;
    }

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean pressed;

    CancelOnCtrlC(CancellationToken token, Duration grace, String name) {
        hook = new Thread(() -> {
            pressed = true;
            token.cancel();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Runs {@code job}; when Ctrl+C cancels it, prints {@code outcome} (what the cancel left, checked after the job
     * ended) to {@code err} and throws {@link CancelledByUser}, before the JVM is let go.
     */
    <T, E extends Exception> T run(Run<T, E> job, PrintWriter err, Supplier<String> outcome) throws E {
        return run(job, err, cancelled -> outcome.get());
    }

    /** {@link #run(Run, PrintWriter, Supplier)} where the job's cancel says what it did about it. */
    <T, E extends Exception> T run(Run<T, E> job, PrintWriter err, Function<CancelledException, String> outcome)
            throws E {
        try {
            return job.run();
        } catch (CancelledException e) {
            if (!pressed) {
                throw e;
            }
            err.println(outcome.apply(e));
            err.flush();
            throw new CancelledByUser();
        }
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

    /** The job was cancelled with Ctrl+C and the user told so; exit code 130, nothing more to print. */
    static final class CancelledByUser extends UserError {
        CancelledByUser() {
            super(ExitCode.CANCELLED, "Cancelled with Ctrl+C");
        }
    }
}
