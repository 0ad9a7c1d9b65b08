package aom.migration.restore;

import aom.migration.progress.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes into the journal, on a thread of its own, how many documents of each staging collection the target has
 * acknowledged, so that a resumed import goes on after them rather than from the start. One update at a time: while
 * one is on its way, newer counts wait and the latest goes next, so the loads never wait for the journal.
 */
final class AckRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AckRecorder.class);

    private final ImportJournal journal;
    private final Map<String, Long> pending = new HashMap<>();
    private final Thread writer;
    private boolean closed;

    AckRecorder(ImportJournal journal) {
        this.journal = journal;
        this.writer = Workers.daemons("aom-acknowledged").newThread(this::write);
        writer.start();
    }

    /** {@code documents} of {@code staging}, from the first on, are in the target. */
    synchronized void acknowledged(String staging, long documents) {
        pending.merge(staging, documents, Math::max);
        notifyAll();
    }

    private void write() {
        while (true) {
            Map<String, Long> next;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                next = new HashMap<>(pending);
                pending.clear();
            }
            try {
                journal.recordAcknowledged(next);
            } catch (OwnershipLostException e) {
                return;
            } catch (RuntimeException e) {
                // Only a head start for a resume is lost; the load itself goes on or fails on its own.
                LOG.debug("Could not record the acknowledged documents: {}", e.toString());
            }
        }
    }

    /** Writes what is pending, then stops. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
