package aom.migration.restore;

import aom.migration.bundle.CollectionSource;
import aom.migration.model.SystemKind;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.ProgressTracker;
import aom.migration.progress.Workers;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads an application's databases into a target without touching the live collections until everything is in
 * (DESIGN.md section 5, steps 2 and 4): each collection goes into a staging collection first (several at once,
 * checksums verified on the way), gets its indexes there, and only then do the swaps happen: the live collection is
 * renamed aside, the staging collection renamed in. The set-aside collections are dropped only after verification;
 * until then {@link #rollBack} puts everything back, from any state a crash can leave.
 */
public final class DatabaseImporter {

    /**
     * One collection to load.
     *
     * @param system     the system its database belongs to
     * @param database   the target database
     * @param collection the collection's name in the target
     * @param staging    the staging collection it is loaded into
     * @param source     the data
     */
    public record StagedCollection(SystemKind system, String database, String collection, String staging,
                                   CollectionSource source) {
        public String namespace() {
            return database + "." + collection;
        }
    }

    private final Function<SystemKind, MongoClient> clients;
    private final ImportOptions options;

    /** An importer writing every system's database through {@code client}. */
    public DatabaseImporter(MongoClient client, ImportOptions options) {
        this(system -> client, options);
    }

    /** An importer writing each system's database on its own host where it has one. */
    public DatabaseImporter(SystemHosts hosts, ImportOptions options) {
        this(hosts::client, options);
    }

    DatabaseImporter(Function<SystemKind, MongoClient> clients, ImportOptions options) {
        this.clients = clients;
        this.options = options;
    }

    /**
     * What loading one collection found.
     *
     * @param expected the digest of the bundle's documents, computed while they streamed in
     * @param staged   the digest of what the staging collection holds, read back from the target right after the
     *                 load, or {@code null} where it was not read back
     */
    public record Loaded(CollectionDigest expected, CollectionDigest staged) {
    }

    /**
     * Loads every collection into its staging collection, {@link ImportOptions#parallelCollections()} at a time.
     * With {@code readBack}, each loader then reads its staging collection back and computes its digest while the
     * others still load: the verification's reading overlaps with the loading, and a server that did not keep the
     * documents as sent is found before anything is swapped. The first failure stops the others.
     *
     * @return what was loaded, by target namespace ({@code db.collection}), in the order of {@code collections}
     */
    public Map<String, Loaded> load(List<StagedCollection> collections, boolean readBack, ProgressTracker tracker,
                                    CancellationToken cancel) {
        for (StagedCollection collection : collections) {
            tracker.expect(collection.namespace(), collection.source().expectedDocuments(),
                    collection.source().expectedBytes());
        }
        CancellationToken stop = linked(cancel);
        ExecutorService loaders = Executors.newFixedThreadPool(
                Math.max(1, Math.min(options.parallelCollections(), collections.size())), Workers.daemons("aom-load"));
        ExecutorService inserters = Executors.newCachedThreadPool(Workers.daemons("aom-insert"));
        try {
            CollectionLoader loader = new CollectionLoader(options, inserters, tracker, stop);
            Map<String, Future<Loaded>> futures = new LinkedHashMap<>();
            // Largest first, so that the last collections to load are small ones and every loader stays busy to the
            // end; the results keep the plan's order.
            List<StagedCollection> bySize = new ArrayList<>(collections);
            bySize.sort(Comparator.comparingLong((StagedCollection c) -> c.source().expectedBytes()).reversed());
            Map<String, Future<Loaded>> submitted = new HashMap<>();
            for (StagedCollection collection : bySize) {
                submitted.put(collection.namespace(), loaders.submit(() -> {
                    stop.throwIfCancelled();
                    try {
                        MongoDatabase database = database(collection.system(), collection.database());
                        CollectionDigest expected = loader.load(database, collection.staging(), collection.source(),
                                collection.namespace());
                        CollectionDigest staged = readBack ? readBack(collection, expected, stop) : null;
                        return new Loaded(expected, staged);
                    } catch (MongoException | InsertBatch.InsertRefusedException e) {
                        // The driver's message does not say which collection was being loaded.
                        throw new ImportFailedException("Loading " + collection.namespace() + " into the target"
                                + " failed: " + DriverFailures.readable(e, "the target"), e);
                    }
                }));
            }
            for (StagedCollection collection : collections) {
                futures.put(collection.namespace(), submitted.get(collection.namespace()));
            }
            return await(futures, stop, cancel);
        } finally {
            loaders.shutdownNow();
            inserters.shutdownNow();
        }
    }

    /**
     * Reads a loaded staging collection back for its digest. A cursor cannot go on after its connection broke, so
     * a broken connection reads the collection once more from the start (as a broken insert sends its batch again).
     */
    private CollectionDigest readBack(StagedCollection collection, CollectionDigest expected,
                                      CancellationToken stop) {
        MongoClient client = clients.apply(collection.system());
        try {
            return Verifier.readBack(client, collection.database(), collection.staging(), expected.averageBytes(),
                    stop);
        } catch (MongoSocketException e) {
            return Verifier.readBack(client, collection.database(), collection.staging(), expected.averageBytes(),
                    stop);
        }
    }

    /** Builds each staging collection's secondary indexes, as the source had them. */
    public void buildIndexes(List<StagedCollection> collections, ProgressTracker tracker, CancellationToken cancel) {
        CancellationToken stop = linked(cancel);
        ExecutorService builders = Executors.newFixedThreadPool(
                Math.max(1, Math.min(options.parallelCollections(), collections.size())), Workers.daemons("aom-index"));
        try {
            Map<String, Future<Void>> futures = new LinkedHashMap<>();
            for (StagedCollection collection : collections) {
                List<BsonDocument> indexes = collection.source().metadata().createIndexSpecs();
                tracker.expect(collection.namespace() + " indexes", indexes.size(), -1);
                futures.put(collection.namespace(), builders.submit(() -> {
                    stop.throwIfCancelled();
                    createIndexes(database(collection.system(), collection.database()), collection, indexes);
                    tracker.advance(collection.namespace() + " indexes", indexes.size(), 0);
                    return null;
                }));
            }
            await(futures, stop, cancel);
        } finally {
            builders.shutdownNow();
        }
    }

    /**
     * Puts the staging collections in place: every live collection is renamed (or, with {@link SwapStrategy#COPY},
     * copied) aside, the staging collection takes its name, target-only collections are set aside too; views are
     * created last. {@code afterStep} runs after each collection (progress, tests).
     */
    void swap(ImportJournal journal, SwapStrategy strategy, Consumer<JournalEntry> afterStep,
              CancellationToken cancel) {
        List<JournalEntry> entries = journal.entries();
        CollectionCopier copier = new CollectionCopier(options);
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            if (entry.staging() == null && entry.aside() == null && entry.oldView() == null) {
                continue;
            }
            cancel.throwIfCancelled();
            MongoDatabase database = database(entry);
            if (entry.oldView() != null) {
                database.getCollection(entry.collection()).drop();
            } else if (entry.aside() != null) {
                if (strategy == SwapStrategy.COPY) {
                    copier.copy(database, entry.collection(), entry.aside(), cancel);
                    journal.markAsideComplete(i);
                    database.getCollection(entry.collection()).drop();
                } else {
                    rename(entry, entry.collection(), entry.aside());
                }
            }
            if (entry.staging() != null) {
                if (strategy == SwapStrategy.COPY) {
                    copier.copy(database, entry.staging(), entry.collection(), cancel);
                    database.getCollection(entry.staging()).drop();
                } else {
                    rename(entry, entry.staging(), entry.collection());
                }
            }
            afterStep.accept(entry);
        }
        for (JournalEntry entry : entries) {
            if (entry.newView() != null) {
                cancel.throwIfCancelled();
                createView(database(entry), entry.collection(), entry.newView());
                afterStep.accept(entry);
            }
        }
    }

    /**
     * Restores every collection of the journal to its state before the import, from whatever state a failure, a
     * cancel or a crash left. Idempotent: running it again after it was interrupted finishes the job.
     *
     * @param swapStarted whether the swap may have begun; before it, only staging collections are dropped
     */
    void rollBack(List<JournalEntry> entries, SwapStrategy strategy, boolean swapStarted) {
        List<JournalEntry> reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        CollectionCopier copier = new CollectionCopier(options);
        for (JournalEntry entry : reversed) {
            MongoDatabase database = database(entry);
            if (swapStarted) {
                Set<String> names = names(database);
                if (entry.aside() != null && names.contains(entry.aside())) {
                    if (strategy != SwapStrategy.COPY) {
                        dropIfPresent(database, entry.collection(), names);
                        rename(entry, entry.aside(), entry.collection());
                    } else if (entry.asideComplete()) {
                        dropIfPresent(database, entry.collection(), names);
                        copier.copy(database, entry.aside(), entry.collection(), CancellationToken.none());
                        database.getCollection(entry.aside()).drop();
                    } else {
                        // The copy aside was not complete, so the live collection was never dropped.
                        database.getCollection(entry.aside()).drop();
                    }
                } else if (entry.oldView() != null) {
                    dropIfPresent(database, entry.collection(), names);
                    createView(database, entry.collection(), entry.oldView());
                } else if (entry.aside() == null && names.contains(entry.collection())) {
                    // The plan found nothing of this name in the target: what is there now came from the import.
                    database.getCollection(entry.collection()).drop();
                }
            }
            if (entry.staging() != null) {
                dropIfPresent(database, entry.staging(), names(database));
            }
        }
    }

    /** Drops the set-aside collections: the import is verified and committed. */
    void dropAsides(List<JournalEntry> entries) {
        for (JournalEntry entry : entries) {
            if (entry.aside() != null) {
                MongoDatabase database = database(entry);
                dropIfPresent(database, entry.aside(), names(database));
            }
        }
    }

    private void createIndexes(MongoDatabase database, StagedCollection collection, List<BsonDocument> indexes) {
        if (indexes.isEmpty()) {
            return;
        }
        BsonArray specs = new BsonArray(new ArrayList<>(indexes));
        try {
            database.runCommand(new BsonDocument("createIndexes", new BsonString(collection.staging()))
                    .append("indexes", specs));
        } catch (MongoCommandException e) {
            throw new ImportFailedException("Cannot build the indexes of " + collection.namespace() + ": "
                    + e.getErrorMessage(), e);
        }
    }

    private MongoDatabase database(SystemKind system, String name) {
        return clients.apply(system).getDatabase(name);
    }

    private MongoDatabase database(JournalEntry entry) {
        return database(entry.system(), entry.database());
    }

    /** Renames within the entry's database, on the host of the entry's system. */
    private void rename(JournalEntry entry, String from, String to) {
        String database = entry.database();
        try {
            clients.apply(entry.system()).getDatabase("admin").runCommand(new BsonDocument("renameCollection",
                    new BsonString(database + "." + from)).append("to", new BsonString(database + "." + to))
                    .append("dropTarget", BsonBoolean.FALSE));
        } catch (MongoCommandException e) {
            throw new ImportFailedException("Cannot rename " + database + "." + from + " to " + to + ": "
                    + e.getErrorMessage(), e);
        }
    }

    /** Creates a view and checks that the server really made one (mongo-java-server silently makes a collection). */
    static void createView(MongoDatabase database, String name, BsonDocument definition) {
        BsonDocument command = new BsonDocument("create", new BsonString(name));
        command.putAll(definition);
        try {
            database.runCommand(command);
        } catch (MongoCommandException e) {
            throw new ImportFailedException("Cannot create the view " + database.getName() + "." + name + ": "
                    + e.getErrorMessage(), e);
        }
        BsonDocument created = database.listCollections(BsonDocument.class).filter(Filters.eq("name", name)).first();
        if (created == null || !"view".equals(created.getString("type", new BsonString("")).getValue())) {
            database.getCollection(name).drop();
            throw new ImportFailedException("The target server does not support views: it made "
                    + database.getName() + "." + name + " a plain collection instead of a view on "
                    + definition.get("viewOn"));
        }
    }

    static Set<String> names(MongoDatabase database) {
        return database.listCollectionNames().into(new TreeSet<>());
    }

    private static void dropIfPresent(MongoDatabase database, String name, Set<String> names) {
        if (names.contains(name)) {
            database.getCollection(name).drop();
        }
    }

    /** A token that is cancelled by {@code parent} or by the first failing task. */
    private static CancellationToken linked(CancellationToken parent) {
        CancellationToken linked = new CancellationToken();
        parent.onCancel(linked::cancel);
        return linked;
    }

    private static <T> Map<String, T> await(Map<String, Future<T>> futures, CancellationToken stop,
                                            CancellationToken user) {
        Map<String, T> results = new LinkedHashMap<>();
        RuntimeException first = null;
        for (Map.Entry<String, Future<T>> entry : futures.entrySet()) {
            try {
                results.put(entry.getKey(), entry.getValue().get());
            } catch (ExecutionException e) {
                stop.cancel();
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                RuntimeException failure = cause instanceof RuntimeException runtime
                        ? runtime : new IllegalStateException(cause);
                // A cancel caused by another task's failure is not the story; keep the real failure.
                if (first == null || first instanceof CancelledException && !(failure instanceof CancelledException)) {
                    first = failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.cancel();
                first = first == null ? new CancelledException() : first;
            }
        }
        if (first != null) {
            if (first instanceof CancelledException && !user.isCancelled()) {
                throw new IllegalStateException("A loading task stopped without a reason", first);
            }
            throw first;
        }
        user.throwIfCancelled();
        return results;
    }
}
