package aom.migration.export;

import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;

/**
 * Decides when a collection may start reading before its turn in the zip. The collection whose turn it is (the head)
 * always starts. A collection read ahead of its turn waits in the spool, and beyond the memory budget in a temporary
 * file: written to disk, read back and written again. A collection behind the head starts only while the data that
 * waits for its turn is expected to fit the budget, from the sizes the server reported. Where the spool writes and
 * reads its files with direct I/O, which costs little, the budget is what the disk can spare beside the bundle, so
 * that collections start as soon as a reader is free (reading several at once is what keeps the server busy) but
 * never fill the disk; where it goes through the page cache, which on a machine whose cores the server shares costs
 * more than the parallel reading gains, it is the spool's memory. The estimates can be wrong; this keeps the rule,
 * not every case. A collection never pauses once its cursor is open (a paused cursor could time out on the server),
 * it only starts later.
 */
final class ReadAhead {

    private static final long WAIT_MILLIS = 100;

    private final long budget;
    private final long[] reserved;
    private long total;
    private int head;

    /**
     * @param collections the number of collections, in zip order
     * @param budget      bytes that may wait for their turn (in memory and spool files)
     */
    ReadAhead(int collections, long budget) {
        this.budget = budget;
        this.reserved = new long[collections];
    }

    /**
     * Waits until collection {@code index} may start reading.
     *
     * @param streams whether the head's data streams straight into the zip (stored entries) rather than into the
     *                spool
     * @throws CancelledException when {@code abort} is cancelled while waiting
     */
    synchronized void awaitStart(int index, CollectionPlan plan, boolean streams, CancellationToken abort) {
        // What the collection holds in the spool until its turn: its size as the server reported it (an upper bound
        // for compressed data too), or the whole budget when the server did not say.
        long waiting = plan.expectedBytes() < 0 ? budget : Math.min(budget, plan.expectedBytes());
        try {
            while (index != head && total + waiting > budget) {
                abort.throwIfCancelled();
                wait(WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        long need = index == head && streams ? 0 : waiting;
        reserved[index] = need;
        total += need;
    }

    /** Collection {@code index} is in the zip: its memory is free and the next one's turn has come. */
    synchronized void written(int index) {
        total -= reserved[index];
        reserved[index] = 0;
        head = index + 1;
        notifyAll();
    }
}
