package aom.migration.restore;

import aom.migration.data.CollectionSource;
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
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Loads an application's databases into a target without touching the live collections (DESIGN.md section 5,
 * step 2): each collection goes into a staging collection first (several at once, checksums verified on the way)
 * and gets its indexes there. {@link CollectionSwap} then puts them in place, and {@link CollectionRollback} puts
 * everything back, from any state a crash can leave. Every step that changes the target first asks the import's
 * {@link Fence}.
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
    private final ImportJournal journal;
    private final Fence fence;

    /**
     * An importer writing each system's database on its own host where it has one, asking {@code journal} before
     * every step and recording in it what it loaded.
     */
    DatabaseImporter(SystemHosts hosts, ImportOptions options, ImportJournal journal) {
        this.clients = hosts::client;
        this.options = options;
        this.journal = journal;
        this.fence = journal;
    }
    /**
     * What loading one collection found.
     *
     * @param expected the digest of the bundle's documents, computed while they streamed in
     * @param staged   the digest of what the staging collection holds, read back from the target right after the
     *                 load, or {@code null} where it was not read back
     * @param kept     documents the staging collection already held from an interrupted attempt of this import,
     *                 which were not sent again: 0 for a fresh load
     * @param whole    whether that attempt had loaded and verified the whole collection, which was kept as it was
     */
    public record Loaded(CollectionDigest expected, CollectionDigest staged, long kept, boolean whole) {
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
        try (AckRecorder acknowledgements = new AckRecorder(journal)) {
            CollectionLoader loader = new CollectionLoader(options, inserters, tracker, stop, fence);
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
                        return load(loader, collection, readBack, acknowledgements, stop);
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
     * Loads one collection, or, where an interrupted attempt of this import began it, keeps what it verified and
     * goes on after what the target acknowledged; records the result in the journal.
     */
    private Loaded load(CollectionLoader loader, StagedCollection collection, boolean readBack,
                        AckRecorder acknowledgements, CancellationToken stop) {
        MongoDatabase database = database(collection.system(), collection.database());
        String working = collection.database() + "." + collection.staging();
        JournalEntry.Load record = journal.load(working);
        boolean exists = record != JournalEntry.Load.NONE
                && Namespaces.names(database).contains(collection.staging());
        if (exists && record.digest() != null) {
            CollectionDigest kept = keep(collection, record, stop);
            if (kept != null) {
                loader.skipped(collection.namespace(), kept);
                return new Loaded(kept, readBack ? kept : null, kept.documents(), true);
            }
        }
        long skip = exists ? record.acknowledged() : 0;
        CollectionDigest expected = loader.load(database, collection.staging(), collection.source(),
                collection.namespace(), new CollectionLoader.Resume(exists, skip,
                        documents -> acknowledgements.acknowledged(working, documents)));
        CollectionDigest staged = readBack ? readBack(collection, expected, stop) : null;
        journal.recordLoad(working, new JournalEntry.Load(expected.documents(), expected,
                expected.equals(staged)));
        return new Loaded(expected, staged, skip, false);
    }

    /**
     * The digest of a staging collection an interrupted attempt loaded whole, when it still holds that: verified
     * then (the count is checked again), or, where it was not read back then (the copy swap), read back now.
     *
     * @return the digest, or {@code null} when the collection must be loaded on
     */
    private CollectionDigest keep(StagedCollection collection, JournalEntry.Load record, CancellationToken stop) {
        MongoDatabase database = database(collection.system(), collection.database());
        if (record.verified()) {
            long count = database.getCollection(collection.staging()).estimatedDocumentCount();
            return count == record.digest().documents() ? record.digest() : null;
        }
        CollectionDigest now = readBack(collection, record.digest(), stop);
        return now.equals(record.digest()) ? record.digest() : null;
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
                    fence.confirmRecent();
                    MongoDatabase database = database(collection.system(), collection.database());
                    createIndexes(database, collection, indexes);
                    fence.confirmAfterWriting(database, collection.staging());
                    tracker.advance(collection.namespace() + " indexes", indexes.size(), 0);
                    return null;
                }));
            }
            await(futures, stop, cancel);
        } finally {
            builders.shutdownNow();
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
