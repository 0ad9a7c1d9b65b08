package aom.migration.restore;

import aom.migration.progress.CancellationToken;
import aom.migration.progress.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The journal an import holds, with the lease that keeps it: renewed a few times per lease; when a renewal finds
 * the journal taken over, the import's {@code stop} token is cancelled, so that even a long step (a verification
 * read) ends at once, and the job reports the take-over.
 */
final class HeldJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeldJournal.class);
    private static final Duration MIN_HEARTBEAT = Duration.ofMillis(250);

    private final String application;
    private final Duration leaseTime;
    private final CancellationToken stop;
    private ImportJournal journal;
    private ScheduledExecutorService lease;

    HeldJournal(ImportJournal journal, String application, Duration leaseTime, CancellationToken stop) {
        this.application = application;
        this.leaseTime = leaseTime;
        this.stop = stop;
        hold(journal);
    }

    ImportJournal journal() {
        return journal;
    }

    /** Holds {@code next} instead, once the lease of the one before was stopped with {@link #close}. */
    void hold(ImportJournal next) {
        journal = next;
        lease = renew(next);
    }

    /**
     * Stops renewing the lease, letting a renewal on its way finish rather than interrupting it: an interrupted
     * one may still reach the server, where some servers would recreate a journal just removed.
     */
    @Override
    public void close() {
        lease.shutdown();
        try {
            if (!lease.awaitTermination(10, TimeUnit.SECONDS)) {
                lease.shutdownNow();
            }
        } catch (InterruptedException e) {
            lease.shutdownNow();
            Thread.currentThread().interrupt();
        }
        journal.release();
    }

    private ScheduledExecutorService renew(ImportJournal held) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Workers.daemons("aom-import-lease"));
        long every = Math.max(MIN_HEARTBEAT.toMillis(), leaseTime.toMillis() / 4);
        scheduler.scheduleAtFixedRate(() -> {
            try {
                held.heartbeat();
            } catch (OwnershipLostException e) {
                LOG.info("The import of {} lost its journal: {}", application, e.getMessage());
                stop.cancel();
                throw e;
            } catch (RuntimeException e) {
                LOG.info("Could not renew the import's lease: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return scheduler;
    }
}
