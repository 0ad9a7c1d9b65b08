package aom.migration.progress;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts documents and bytes per namespace and overall, computes rates and the ETA, and forwards coalesced
 * {@link ProgressEvent}s to a listener: at most one per namespace every {@code interval}, plus one whenever a
 * namespace starts or finishes. Thread-safe; the counting itself is a couple of atomic adds, so hot loops can
 * call {@link #advance} per batch without cost.
 */
public final class ProgressTracker {

    private static final long DEFAULT_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();
    /**
     * No time left is told before this much of a transfer has run and this share of it is done: the first batches
     * come after connecting and planning, and their rate promised hours ("97:15:37") for jobs of seconds.
     */
    static final double ETA_AFTER_SECONDS = 2;
    static final double ETA_AFTER_FRACTION = 0.01;

    private final ProgressListener listener;
    private final LongSupplier clock;
    private final long intervalNanos;
    private final long startNanos;
    private volatile Phase phase;
    private final Counter overall = new Counter();
    private final ConcurrentHashMap<String, Counter> perNamespace = new ConcurrentHashMap<>();

    public ProgressTracker(ProgressListener listener, Phase phase) {
        this(listener, phase, System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    ProgressTracker(ProgressListener listener, Phase phase, LongSupplier clock, long intervalNanos) {
        this.listener = listener;
        this.phase = phase;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.startNanos = clock.getAsLong();
    }

    public Phase phase() {
        return phase;
    }

    /** The listener this tracker reports to, for a sub-task that needs a tracker of its own. */
    public ProgressListener listener() {
        return listener;
    }

    /** Moves to another phase and tells the listener. */
    public void phase(Phase next, String message) {
        this.phase = next;
        listener.onProgress(ProgressEvent.message(next, ProgressEvent.Level.INFO, message));
    }

    /** Declares the expected size of one namespace; also adds it to the overall totals. */
    public void expect(String namespace, long documents, long bytes) {
        Counter counter = perNamespace.computeIfAbsent(namespace, n -> new Counter());
        counter.documentsTotal.set(documents);
        counter.bytesTotal.set(bytes);
        overall.documentsTotal.updateAndGet(total -> Math.max(0, total) + Math.max(0, documents));
        overall.bytesTotal.updateAndGet(total -> Math.max(0, total) + Math.max(0, bytes));
    }

    /** Records progress on one namespace and, at most every interval, tells the listener. */
    public void advance(String namespace, long documents, long bytes) {
        Counter counter = perNamespace.computeIfAbsent(namespace, n -> new Counter());
        counter.documentsDone.addAndGet(documents);
        counter.bytesDone.addAndGet(bytes);
        overall.documentsDone.addAndGet(documents);
        overall.bytesDone.addAndGet(bytes);
        long now = clock.getAsLong();
        if (counter.due(now, intervalNanos)) {
            emit(namespace, counter, now);
        }
        if (overall.due(now, intervalNanos)) {
            emit(null, overall, now);
        }
    }

    /** Emits the final figures of one namespace, whatever the interval. */
    public void finish(String namespace) {
        Counter counter = perNamespace.computeIfAbsent(namespace, n -> new Counter());
        long now = clock.getAsLong();
        emit(namespace, counter, now);
        emit(null, overall, now);
    }

    /** Emits the current overall figures, whatever the interval. */
    public void flush() {
        emit(null, overall, clock.getAsLong());
    }

    public long documentsDone() {
        return overall.documentsDone.get();
    }

    public long bytesDone() {
        return overall.bytesDone.get();
    }

    public Duration elapsed() {
        return Duration.ofNanos(clock.getAsLong() - startNanos);
    }

    private void emit(String namespace, Counter counter, long now) {
        double seconds = Math.max(1e-9, (now - (namespace == null ? startNanos : counter.firstNanos(now))) / 1e9);
        long docs = counter.documentsDone.get();
        long bytes = counter.bytesDone.get();
        long docsTotal = counter.documentsTotal.get();
        long bytesTotal = counter.bytesTotal.get();
        double bytesRate = bytes / seconds;
        double docsRate = docs / seconds;
        Duration eta = null;
        boolean settled = seconds >= ETA_AFTER_SECONDS;
        if (bytesTotal > 0 && bytesRate > 0 && bytes <= bytesTotal) {
            eta = settled && bytes >= bytesTotal * ETA_AFTER_FRACTION
                    ? Duration.ofMillis((long) ((bytesTotal - bytes) / bytesRate * 1000)) : null;
        } else if (docsTotal > 0 && docsRate > 0 && docs <= docsTotal) {
            eta = settled && docs >= docsTotal * ETA_AFTER_FRACTION
                    ? Duration.ofMillis((long) ((docsTotal - docs) / docsRate * 1000)) : null;
        }
        listener.onProgress(new ProgressEvent(phase, namespace, docs, docsTotal, bytes, bytesTotal,
                bytesRate, docsRate, eta, ProgressEvent.Level.INFO, null));
    }

    private static final class Counter {
        final AtomicLong documentsDone = new AtomicLong();
        final AtomicLong documentsTotal = new AtomicLong(-1);
        final AtomicLong bytesDone = new AtomicLong();
        final AtomicLong bytesTotal = new AtomicLong(-1);
        final AtomicLong lastEmitNanos = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong startedNanos = new AtomicLong(Long.MIN_VALUE);

        boolean due(long now, long interval) {
            startedNanos.compareAndSet(Long.MIN_VALUE, now);
            long last = lastEmitNanos.get();
            return (last == Long.MIN_VALUE || now - last >= interval) && lastEmitNanos.compareAndSet(last, now);
        }

        long firstNanos(long now) {
            long started = startedNanos.get();
            return started == Long.MIN_VALUE ? now : started;
        }
    }
}
