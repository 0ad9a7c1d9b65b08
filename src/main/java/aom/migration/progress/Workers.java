package aom.migration.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The background threads of the export and import jobs: daemon threads named after their work (so that a thread dump
 * or a profile says what each does, and a job left behind never keeps the process alive), and a wait for a task's
 * result that gives way to cancellation within a tenth of a second.
 */
public final class Workers {

    private static final long POLL_MILLIS = 100;

    private Workers() {
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory daemons(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Waits for {@code result}, checking {@code token} in between, and throws what the task threw: its
     * {@link IOException} (also when wrapped in an {@link UncheckedIOException}), runtime exception or error.
     *
     * @throws CancelledException when {@code token} is cancelled or the waiting thread interrupted
     */
    public static <T> T await(Future<T> result, CancellationToken token) throws IOException {
        try {
            while (true) {
                token.throwIfCancelled();
                try {
                    return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // Check the token again.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Gives a pool that was shut down up to {@code grace} to finish; keeps the thread's interrupt. */
    public static void awaitTermination(ExecutorService pool, Duration grace) {
        try {
            pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
