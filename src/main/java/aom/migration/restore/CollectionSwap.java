package aom.migration.restore;

import aom.migration.model.SystemKind;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Puts an import's loaded staging collections in place once everything is in (DESIGN.md section 5, step 4): the
 * live collection is renamed (or copied) aside, the staging collection takes its name. The set-aside collections are
 * dropped only after verification; until then {@link CollectionRollback} puts everything back. Each step is recorded
 * in the journal before it is taken, and every step that changes the target first asks the import's {@link Fence}.
 */
final class CollectionSwap {

    private final Function<SystemKind, MongoClient> clients;
    private final ImportOptions options;
    private final ImportJournal journal;
    private final Fence fence;

    /** A swap on each system's own host where it has one, following and recording in {@code journal}. */
    CollectionSwap(SystemHosts hosts, ImportOptions options, ImportJournal journal) {
        this.clients = hosts::client;
        this.options = options;
        this.journal = journal;
        this.fence = journal;
    }

    /**
     * Puts the staging collections in place: every live collection is renamed (or, with {@link SwapStrategy#COPY},
     * copied) aside, the staging collection takes its name, target-only collections are set aside too; views are
     * created last. What each step is about to do is recorded in the journal first (the count and indexes of the
     * collection set aside, the copy's digest, that the live name is given over), which is also the step's ownership
     * check. {@code afterStep} runs after each collection (progress, tests).
     */
    void run(SwapStrategy strategy, Consumer<JournalEntry> afterStep, CancellationToken cancel) {
        List<JournalEntry> entries = journal.entries();
        CollectionCopier copier = new CollectionCopier(options);
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            if (entry.staging() == null && entry.aside() == null && entry.oldView() == null) {
                continue;
            }
            cancel.throwIfCancelled();
            MongoDatabase database = database(entry);
            JournalEntry.Swap swap = start(i, entry, database);
            if (strategy == SwapStrategy.COPY) {
                copySwap(i, entry, swap, database, copier, cancel);
            } else {
                renameSwap(entry, swap, database);
            }
            afterStep.accept(entry);
        }
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = journal.entries().get(i);
            if (entry.newView() != null) {
                cancel.throwIfCancelled();
                if (!entry.swap().started()) {
                    journal.recordSwap(i, JournalEntry.Swap.starting(-1, null));
                }
                if (strategy == SwapStrategy.COPY && !entry.swap().liveDropped()) {
                    journal.recordSwap(i, journal.entries().get(i).swap().withLiveDropped());
                }
                journal.confirm();
                Namespaces.createView(database(entry), entry.collection(), entry.newView());
                afterStep.accept(entry);
            }
        }
    }

    /** Records, before the first step on it, the target's collection as it is: its count and index names. */
    private JournalEntry.Swap start(int index, JournalEntry entry, MongoDatabase database) {
        JournalEntry.Swap swap = entry.aside() == null ? JournalEntry.Swap.starting(-1, null)
                : JournalEntry.Swap.starting(database.getCollection(entry.collection()).estimatedDocumentCount(),
                List.copyOf(Namespaces.indexNames(database, entry.collection())));
        journal.recordSwap(index, swap);
        return swap;
    }

    private void renameSwap(JournalEntry entry, JournalEntry.Swap swap, MongoDatabase database) {
        MongoClient client = clients.apply(entry.system());
        if (entry.oldView() != null) {
            fence.confirm();
            database.getCollection(entry.collection()).drop();
        } else if (entry.aside() != null) {
            fence.confirm();
            Namespaces.rename(client, entry.database(), entry.collection(), entry.aside());
            putBackIfLost(client, entry);
            long kept = database.getCollection(entry.aside()).estimatedDocumentCount();
            if (kept != swap.countBefore()) {
                throw new ImportFailedException("Renaming " + entry.namespace() + " aside kept " + kept + " of its "
                        + swap.countBefore() + " documents: the target server's renameCollection does not keep"
                        + " what it renames");
            }
        }
        if (entry.staging() != null) {
            fence.confirm();
            Namespaces.rename(client, entry.database(), entry.staging(), entry.collection());
        }
    }

    /**
     * Asks again after setting the live collection aside: an import suspended between its check and the rename may
     * have set aside what another import, which took the target over meanwhile, had put live. Then the collection
     * goes back under its name (unless something holds that name again) before this import stops. The rename of the
     * staging collection needs no such care: a rename never replaces a collection that exists.
     */
    private void putBackIfLost(MongoClient client, JournalEntry entry) {
        try {
            fence.confirm();
        } catch (OwnershipLostException lost) {
            try {
                Namespaces.rename(client, entry.database(), entry.aside(), entry.collection());
            } catch (RuntimeException e) {
                lost.addSuppressed(e);
            }
            throw lost;
        }
    }

    /**
     * The copy swap: the live collection is copied aside completely (its digest recorded) before the live name is
     * given over; the staging collection is copied in and kept until the import is committed.
     */
    private void copySwap(int index, JournalEntry entry, JournalEntry.Swap swap, MongoDatabase database,
                          CollectionCopier copier, CancellationToken cancel) {
        JournalEntry.Swap progress = swap;
        if (entry.aside() != null) {
            CollectionDigest copied = copier.copy(database, entry.collection(), entry.aside(), fence, cancel);
            progress = progress.withAsideComplete(copied);
            journal.recordSwap(index, progress);
        }
        journal.recordSwap(index, progress.withLiveDropped());
        if (entry.aside() != null || entry.oldView() != null) {
            fence.confirm();
            database.getCollection(entry.collection()).drop();
        }
        if (entry.staging() != null) {
            copier.copy(database, entry.staging(), entry.collection(), fence, cancel);
        }
    }

    private MongoDatabase database(JournalEntry entry) {
        return clients.apply(entry.system()).getDatabase(entry.database());
    }
}
