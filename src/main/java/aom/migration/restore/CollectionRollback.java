package aom.migration.restore;

import aom.migration.model.SystemKind;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Puts an import's collections back as they were before it, from whatever state a failure, a cancel or a crash
 * left, then {@link #check}s them against what the journal recorded before each was touched, and only after that
 * check passed does the caller {@link #dropWorking} drop the import's working collections (DESIGN.md section 5, "A
 * rollback proves itself").
 *
 * <p>Putting back never drops a collection that may hold the target's data: what the import renamed in is renamed
 * back to its staging name (the staging name's absence is what tells that it was renamed in, since only this import
 * uses it), the set-aside original is renamed back. A collection at the live name that the import did not put there
 * (an application still writing to the target recreated it) is left alone and reported. With the copy swap the
 * import's copy at the live name is dropped (its data is still in the staging collection) and the complete copy set
 * aside is copied back. Every step is idempotent, so an interrupted rollback is finished by the next run, and each
 * one first asks the {@link Fence}.
 */
final class CollectionRollback {

    private final Function<SystemKind, MongoClient> clients;
    private final ImportOptions options;
    private final Fence fence;

    CollectionRollback(Function<SystemKind, MongoClient> clients, ImportOptions options, Fence fence) {
        this.clients = clients;
        this.options = options;
        this.fence = fence;
    }

    /**
     * Puts every collection the swap reached back, newest first.
     *
     * @return what could not be put back, one line each (nothing was deleted for it)
     */
    List<String> putBack(List<JournalEntry> entries, SwapStrategy strategy) {
        List<JournalEntry> reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        List<String> problems = new ArrayList<>();
        for (JournalEntry entry : reversed) {
            if (!entry.swap().started()) {
                continue;
            }
            if (strategy == SwapStrategy.COPY) {
                copyBack(entry);
            } else {
                renameBack(entry, problems);
            }
        }
        return problems;
    }

    private void renameBack(JournalEntry entry, List<String> problems) {
        MongoDatabase database = database(entry);
        Set<String> names = Namespaces.names(database);
        String live = entry.collection();
        boolean asideThere = entry.aside() != null && names.contains(entry.aside());
        Optional<BsonDocument> current = names.contains(live) ? Namespaces.info(database, live) : Optional.empty();
        if (current.isPresent()) {
            if (Namespaces.isView(current.get())) {
                if (entry.newView() != null && !sameView(current.get(), entry.oldView())) {
                    // The import's view: it holds no data.
                    fence.confirm();
                    database.getCollection(live).drop();
                } else if (asideThere) {
                    problems.add(entry.namespace() + " was made a view by someone else while the import had the"
                            + " original set aside as " + entry.aside() + "; it is left as it is");
                    return;
                }
            } else if (entry.staging() != null && !names.contains(entry.staging())) {
                // Only this import uses the staging name: its absence means the staging collection was renamed in.
                fence.confirm();
                Namespaces.rename(client(entry), entry.database(), live, entry.staging());
            } else if (asideThere || entry.oldView() != null) {
                problems.add(entry.namespace() + " was created again by someone else while the import had the"
                        + " original " + (asideThere ? "set aside as " + entry.aside() : "view dropped") + "; it is"
                        + " left as it is");
                return;
            }
        }
        if (asideThere) {
            fence.confirm();
            Namespaces.rename(client(entry), entry.database(), entry.aside(), live);
        }
        if (entry.oldView() != null && Namespaces.info(database, live).isEmpty()) {
            fence.confirm();
            Namespaces.createView(database, live, entry.oldView());
        }
    }

    private void copyBack(JournalEntry entry) {
        JournalEntry.Swap swap = entry.swap();
        MongoDatabase database = database(entry);
        Set<String> names = Namespaces.names(database);
        String live = entry.collection();
        if (!swap.liveDropped() && (entry.aside() == null || names.contains(live))) {
            // The live name was never given over: what is there is the target's own.
            return;
        }
        if (names.contains(live)) {
            // The import's copy (or part of it); its documents are still in the staging collection.
            fence.confirm();
            database.getCollection(live).drop();
        }
        if (entry.aside() != null && swap.asideComplete() && names.contains(entry.aside())) {
            fence.confirm();
            new CollectionCopier(options).copy(database, entry.aside(), live, fence, CancellationToken.none());
        }
        if (entry.oldView() != null && Namespaces.info(database, live).isEmpty()) {
            fence.confirm();
            Namespaces.createView(database, live, entry.oldView());
        }
    }

    /**
     * Compares every collection of the journal with what was recorded before the import touched it: present or
     * absent as before, the view as it was, the document count and index names taken just before it was set aside,
     * and, where a copy was set aside, its content hash.
     */
    RollbackProof check(List<JournalEntry> entries, SwapStrategy strategy) {
        List<String> differences = new ArrayList<>();
        Set<String> databases = new LinkedHashSet<>();
        int counted = 0;
        int hashed = 0;
        for (JournalEntry entry : entries) {
            databases.add(entry.database());
            MongoDatabase database = database(entry);
            String live = entry.collection();
            String where = entry.namespace();
            JournalEntry.Swap swap = entry.swap();
            Optional<BsonDocument> current = Namespaces.info(database, live);
            if (entry.oldView() != null) {
                if (current.isEmpty() || !sameView(current.get(), entry.oldView())) {
                    differences.add(where + " is not the view it was before the import");
                }
            } else if (entry.aside() != null) {
                if (current.isEmpty() || Namespaces.isView(current.get())) {
                    differences.add(where + " is missing");
                    continue;
                }
                if (swap.countBefore() >= 0) {
                    counted++;
                    long count = database.getCollection(live).estimatedDocumentCount();
                    if (count != swap.countBefore()) {
                        differences.add(where + " has " + count + " documents; it had " + swap.countBefore()
                                + " before the import");
                    }
                }
                if (swap.indexesBefore() != null) {
                    Set<String> indexes = Namespaces.indexNames(database, live);
                    if (!indexes.equals(new TreeSet<>(swap.indexesBefore()))) {
                        differences.add(where + " has the indexes " + indexes + "; it had " + new TreeSet<>(
                                swap.indexesBefore()) + " before the import");
                    }
                }
                if (strategy == SwapStrategy.COPY && swap.liveDropped() && swap.digestBefore() != null) {
                    hashed++;
                    CollectionDigest now = Verifier.readBack(client(entry), entry.database(), live,
                            swap.digestBefore().averageBytes(), CancellationToken.none());
                    if (!now.equals(swap.digestBefore())) {
                        differences.add(where + ": the documents copied back differ from those set aside (content"
                                + " hash " + now.contentHash() + " instead of " + swap.digestBefore().contentHash()
                                + ")");
                    }
                }
            } else if (swap.started() && current.isPresent()) {
                differences.add(where + " is there, but the target had no collection of that name before the"
                        + " import");
            }
        }
        return new RollbackProof(entries.size(), databases.size(), counted, hashed, 0, null, differences);
    }

    /** Drops the import's working collections (staging, set aside): only after {@link #check} passed. */
    void dropWorking(List<JournalEntry> entries) {
        drop(entries, true);
    }

    /** Drops the collections the import set aside, keeping its staging collections (a resume). */
    void dropAsides(List<JournalEntry> entries) {
        drop(entries, false);
    }

    private void drop(List<JournalEntry> entries, boolean staging) {
        for (JournalEntry entry : entries) {
            MongoDatabase database = database(entry);
            Set<String> names = Namespaces.names(database);
            for (String working : new String[] {staging ? entry.staging() : null, entry.aside()}) {
                if (working != null && names.contains(working)) {
                    fence.confirm();
                    database.getCollection(working).drop();
                }
            }
        }
    }

    private static boolean sameView(BsonDocument info, BsonDocument definition) {
        return definition != null && Namespaces.isView(info)
                && ImportPlanner.viewDefinition(info.getDocument("options", new BsonDocument())).equals(definition);
    }

    private MongoClient client(JournalEntry entry) {
        return clients.apply(entry.system());
    }

    private MongoDatabase database(JournalEntry entry) {
        return client(entry).getDatabase(entry.database());
    }
}
