package aom.migration.cli;

import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.Workers;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows a job's overall progress on stderr: megabytes done of the total (kilobytes below 10 MB), rate, ETA, and the
 * collection being worked on. On a terminal a progress bar (me.tongfei progressbar) redraws in place; when stderr is
 * redirected, a line is printed when the job starts, every few seconds (also while a phase reports no progress, so
 * that a log shows the job is alive) and at its end ({@link Lines}). Warnings are collected and printed after the
 * bar.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    private static final long KILOBYTE = 1024;
    private static final long MEGABYTE = 1024 * 1024;
    /** Below this total the bar counts kilobytes: a small application's "0/0 MB" said nothing. */
    static final long KILOBYTES_BELOW = 10 * MEGABYTE;
    /** How often a redirected stderr gets a line. */
    static final Duration LINE_INTERVAL = Duration.ofSeconds(5);
    private static final int BAR_WIDTH = 30;

    private final String task;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean enabled;
    private final LongSupplier clock;
    private final Duration interval;
    private final List<String> warnings = new ArrayList<>();
    private ProgressBar bar;
    private Lines lines;
    private String working;
    private volatile Duration eta;

    /**
     * @param interactive whether stderr is a terminal (redraw in place) or redirected (a line now and then)
     * @param enabled     {@code false} to print nothing but the warnings
     */
    TerminalProgress(String task, PrintWriter err, boolean interactive, boolean enabled) {
        this(task, err, interactive, enabled, System::nanoTime, LINE_INTERVAL);
    }

    /** A redirected stderr gets a line every {@code interval}, by {@code clock}, with progress or without. */
    TerminalProgress(String task, PrintWriter err, boolean interactive, boolean enabled, LongSupplier clock,
                     Duration interval) {
        this.task = task;
        this.err = err;
        this.interactive = interactive;
        this.enabled = enabled;
        this.clock = clock;
        this.interval = interval;
    }

    /** Whether this process writes to a terminal, so that the bar can redraw in place. */
    static boolean isTerminal() {
        return System.console() != null;
    }

    @Override
    public synchronized void onProgress(ProgressEvent event) {
        if (event.message() != null) {
            if (event.level() != ProgressEvent.Level.INFO) {
                warnings.add(event.message());
            } else if (event.phase() != Phase.DONE) {
                showWorking(" " + event.phase().label());
            }
            return;
        }
        if (!enabled) {
            return;
        }
        if (event.isOverall()) {
            long total = Math.max(event.bytesTotal(), event.bytesDone());
            if (bar == null && lines == null && total <= 0) {
                return; // the unit is chosen by the total, once there is one
            }
            eta = event.etaIfKnown().orElse(null);
            if (interactive) {
                advanceBar(total, event.bytesDone());
            } else {
                if (lines == null) {
                    lines = new Lines(total, clock.getAsLong());
                }
                lines.advance(total, event.bytesDone(), clock.getAsLong());
            }
        } else {
            showWorking(" " + event.namespace());
        }
    }

    /** Closes the bar, or prints the last line, and prints the warnings. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        if (lines != null) {
            lines.finish(clock.getAsLong());
            lines = null;
        }
        for (String warning : warnings) {
            err.println("Warning: " + warning);
        }
        err.flush();
    }

    /** What the job works on now (a collection, or a phase that reports none), after the figures. */
    private void showWorking(String message) {
        working = message;
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    /**
     * Moves the terminal's bar, starting it at {@code done} of {@code total}. The library draws from a thread of its
     * own and reads the figures without a lock, so a bar built empty and moved right away was drawn half before and
     * half after the move; on a terminal the next redraw, 200 ms later, puts that right.
     */
    private void advanceBar(long total, long done) {
        if (bar != null) {
            bar.maxHint(Math.max(1, total));
            bar.stepTo(done);
            return;
        }
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, total))
                .startsFrom(done, Duration.ZERO).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUnit(unitName(total), unitSize(total)).showSpeed()
                .setUpdateIntervalMillis(200)
                .setEtaFunction(state -> Optional.ofNullable(eta)).continuousUpdate().build();
        if (working != null) {
            bar.setExtraMessage(working);
        }
    }

    /**
     * The lines of a redirected stderr, drawn here under the listener's lock from one state: the first when there is a
     * total, then one every interval (on progress, or by a timer while none comes in), and the last at the end.
     */
    private final class Lines {
        private final long started;
        private final long unit;
        private final String unitName;
        private long total;
        private long done;
        private long printedAt;
        private boolean printedLatest;
        private final ScheduledExecutorService timer;

        Lines(long total, long now) {
            this.started = now;
            this.unit = unitSize(total);
            this.unitName = unitName(total);
            this.timer = Executors.newSingleThreadScheduledExecutor(Workers.daemons("progress-lines"));
            timer.scheduleAtFixedRate(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Timer: a line when none was printed for an interval, from the figures as they are (under the lock). */
        private void beat() {
            synchronized (TerminalProgress.this) {
                long now = clock.getAsLong();
                if (lines == this && now - printedAt >= interval.toNanos()) {
                    print(now);
                }
            }
        }

        void advance(long total, long done, long now) {
            boolean first = this.total == 0;
            this.total = Math.max(1, total);
            this.done = done;
            printedLatest = false;
            if (first || now - printedAt >= interval.toNanos()) {
                print(now);
            }
        }

        void finish(long now) {
            timer.shutdownNow();
            if (!printedLatest) {
                print(now);
            }
        }

        /**
         * One line: the bar and the counts, the time taken, and the time left and the rate only once they mean
         * something (the rate after a second, the time left once the job told it).
         */
        private void print(long now) {
            int percent = (int) Math.min(100, 100 * done / total);
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
            Duration elapsed = Duration.ofNanos(now - started);
            Duration left = done >= total ? Duration.ZERO : eta;
            long seconds = elapsed.toSeconds();
            String times = left == null ? clockTime(elapsed) : clockTime(elapsed) + " / " + clockTime(left) + " left";
            String speed = seconds == 0 ? "" : " " + done / unit / seconds + unitName + "/s";
            err.printf("%s %3d%% [%s%s] %d/%d%s (%s)%s%s%n", task, percent, "=".repeat(filled),
                    " ".repeat(BAR_WIDTH - filled), done / unit, total / unit, unitName, times, speed,
                    working == null ? "" : working);
            err.flush();
            printedAt = now;
            printedLatest = true;
        }
    }

    /** Kilobytes below {@link #KILOBYTES_BELOW}, megabytes from there on. */
    private static long unitSize(long total) {
        return total < KILOBYTES_BELOW ? KILOBYTE : MEGABYTE;
    }

    private static String unitName(long total) {
        return total < KILOBYTES_BELOW ? " KB" : " MB";
    }

    private static String clockTime(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
