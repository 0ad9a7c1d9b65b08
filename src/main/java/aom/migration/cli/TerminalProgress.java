package aom.migration.cli;

import aom.migration.progress.ProgressEvent;
import aom.migration.progress.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a job's overall progress as a terminal progress bar on stderr (me.tongfei progressbar): megabytes done of
 * the total (kilobytes below 10 MB), rate, ETA, and the collection being worked on. On a terminal the bar redraws in
 * place; when stderr is redirected it prints a line every few seconds instead. Warnings are collected and printed
 * after the bar.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    private static final long KILOBYTE = 1024;
    private static final long MEGABYTE = 1024 * 1024;
    /** Below this total the bar counts kilobytes: a small application's "0/0 MB" said nothing. */
    static final long KILOBYTES_BELOW = 10 * MEGABYTE;

    private final String task;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean enabled;
    private final List<String> warnings = new ArrayList<>();
    private ProgressBar bar;
    private String working;
    private volatile Duration eta;

    /**
     * @param interactive whether stderr is a terminal (redraw in place) or redirected (periodic lines)
     * @param enabled     {@code false} to print nothing but the warnings
     */
    TerminalProgress(String task, PrintWriter err, boolean interactive, boolean enabled) {
        this.task = task;
        this.err = err;
        this.interactive = interactive;
        this.enabled = enabled;
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
            } else if (bar != null && event.phase() != aom.migration.progress.Phase.DONE) {
                bar.setExtraMessage(" " + event.phase().label());
            }
            return;
        }
        if (!enabled) {
            return;
        }
        if (event.isOverall()) {
            long total = Math.max(event.bytesTotal(), event.bytesDone());
            if (bar == null && total <= 0) {
                return; // the unit is chosen by the total, once there is one
            }
            ProgressBar current = bar(total);
            current.maxHint(Math.max(1, total));
            current.stepTo(event.bytesDone());
            eta = event.etaIfKnown().orElse(null);
        } else {
            working = " " + event.namespace();
            if (bar != null) {
                bar.setExtraMessage(working);
            }
        }
    }

    /** Closes the bar and prints the warnings. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        for (String warning : warnings) {
            err.println("Warning: " + warning);
        }
        err.flush();
    }

    private ProgressBar bar(long total) {
        if (bar == null) {
            boolean small = total < KILOBYTES_BELOW;
            ProgressBarConsumer consumer = interactive ? new ConsoleProgressBarConsumer(System.err)
                    : new DelegatingProgressBarConsumer(line -> {
                        err.println(line);
                        err.flush();
                    }, 120);
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(1).setConsumer(consumer)
                    .setStyle(interactive ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setUnit(small ? " KB" : " MB", small ? KILOBYTE : MEGABYTE).showSpeed()
                    .setUpdateIntervalMillis(interactive ? 200 : 5000)
                    .setEtaFunction(state -> Optional.ofNullable(eta)).continuousUpdate().build();
            if (working != null) {
                bar.setExtraMessage(working);
            }
        }
        return bar;
    }
}
