package aom.migration.ui.task;

import aom.migration.progress.ProgressEvent;
import aom.migration.progress.ProgressListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hands a job's progress from its worker threads to the UI thread without flooding it: events are collected
 * (the newest figures overall and per collection, every message) and delivered as one {@link Batch} at most once
 * per interval. A job may report thousands of events a second; the UI thread sees a handful.
 */
final class ProgressRelay implements ProgressListener {

    /** What happened since the last delivery. */
    record Batch(ProgressEvent overall, Map<String, ProgressEvent> collections, List<ProgressEvent> messages) {

        boolean isEmpty() {
            return overall == null && collections.isEmpty() && messages.isEmpty();
        }
    }

    private final Executor uiThread;
    private final ScheduledExecutorService timer;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Consumer<Batch> sink;
    private final AtomicReference<ProgressEvent> overall = new AtomicReference<>();
    private final Map<String, ProgressEvent> collections = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ProgressEvent> messages = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastDeliveryNanos;

    /**
     * @param uiThread where batches are delivered (the FX thread in the wizard)
     * @param timer    delays deliveries to keep them apart; {@code null} delivers at once (tests)
     * @param interval the least time between two deliveries
     * @param sink     receives the batches, on {@code uiThread}
     */
    ProgressRelay(Executor uiThread, ScheduledExecutorService timer, Duration interval, Consumer<Batch> sink) {
        this(uiThread, timer, interval, System::nanoTime, sink);
    }

    ProgressRelay(Executor uiThread, ScheduledExecutorService timer, Duration interval, LongSupplier clock,
                  Consumer<Batch> sink) {
        this.uiThread = uiThread;
        this.timer = timer;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.sink = sink;
        this.lastDeliveryNanos = clock.getAsLong() - intervalNanos;
    }

    @Override
    public void onProgress(ProgressEvent event) {
        if (event.message() != null) {
            messages.add(event);
        }
        if (event.isOverall()) {
            if (event.message() == null || event.documentsTotal() >= 0 || event.bytesTotal() >= 0) {
                overall.set(event);
            }
        } else {
            collections.put(event.namespace(), event);
        }
        schedule();
    }

    /** Delivers whatever is pending now, e.g. when the job has ended, so that the last figures are shown. */
    void flush() {
        uiThread.execute(this::deliver);
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = lastDeliveryNanos + intervalNanos - clock.getAsLong();
        if (timer == null || wait <= 0) {
            uiThread.execute(this::deliver);
        } else {
            timer.schedule(() -> uiThread.execute(this::deliver), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void deliver() {
        // Cleared before draining: an event arriving meanwhile schedules the next delivery instead of being lost.
        scheduled.set(false);
        lastDeliveryNanos = clock.getAsLong();
        Map<String, ProgressEvent> perCollection = new LinkedHashMap<>();
        for (String namespace : List.copyOf(collections.keySet())) {
            ProgressEvent event = collections.remove(namespace);
            if (event != null) {
                perCollection.put(namespace, event);
            }
        }
        List<ProgressEvent> lines = new ArrayList<>();
        for (ProgressEvent line = messages.poll(); line != null; line = messages.poll()) {
            lines.add(line);
        }
        Batch batch = new Batch(overall.getAndSet(null), perCollection, lines);
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
