package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.PasswordHash;
import aom.migration.model.SystemKind;
import aom.migration.model.ToolClock;
import aom.migration.model.WorkingNames;
import aom.migration.mongo.RawFind;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.ProgressTracker;
import aom.migration.progress.Workers;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Checks that a target holds what an import brought: each collection's document count and content hash
 * ({@link CollectionDigest}, order-independent) against the digests computed while loading, views and drops, that
 * each database holds exactly the imported collections, and every metadata document the merge wrote, kept or
 * removed. Passwords are compared by hash and never reported.
 */
public final class Verifier {

    private static final int BATCH = 200;
    private static final int DEFAULT_PARALLEL = 2;
    private static final long BATCH_BYTES = 4L * 1024 * 1024;

    private final MongoClient client;
    private final Function<SystemKind, MongoClient> clients;
    private final int parallel;

    public Verifier(MongoClient client) {
        this(client, DEFAULT_PARALLEL);
    }

    /** A verifier that reads up to {@code parallel} collections at once. */
    public Verifier(MongoClient client, int parallel) {
        this(client, system -> client, parallel);
    }

    /** A verifier that reads each system's database on its own host where it has one. */
    public Verifier(SystemHosts hosts) {
        this(hosts.main(), hosts::client, DEFAULT_PARALLEL);
    }

    private Verifier(MongoClient client, Function<SystemKind, MongoClient> clients, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
        this.client = client;
        this.clients = clients;
        this.parallel = parallel;
    }

    /** Reads a collection once and computes its digest. */
    public CollectionDigest digest(String database, String collection, CancellationToken cancel) {
        return digest(client, database, collection, averageDocumentBytes(client, database, collection), cancel);
    }

    /** The server's average document size of a collection, or 0 when it does not say. */
    private static long averageDocumentBytes(MongoClient client, String database, String collection) {
        try {
            BsonDocument stats = client.getDatabase(database).runCommand(
                    new BsonDocument("collStats", new BsonString(collection)), BsonDocument.class);
            BsonValue average = stats.get("avgObjSize");
            return average != null && average.isNumber() ? average.asNumber().longValue() : 0;
        } catch (MongoException e) {
            return 0;
        }
    }

    /**
     * Reads a collection once and computes its digest, in batches of about 4 MB when the average document size is
     * known ({@code averageBytes > 0}): servers that do not cut batches at 16 MB themselves (mongo-java-server)
     * would otherwise send replies of 101 large documents, past the 48 MB a reply may have.
     */
    CollectionDigest digest(String database, String collection, long averageBytes, CancellationToken cancel) {
        return digest(client, database, collection, averageBytes, cancel);
    }

    /**
     * Reads a collection once, in batches of about 4 MB for documents of {@code averageBytes}, and computes its
     * digest; for the import's loaders, which read each staging collection back right after loading it.
     */
    static CollectionDigest readBack(MongoClient client, String database, String collection, long averageBytes,
                                     CancellationToken cancel) {
        return digest(client, database, collection, averageBytes, cancel);
    }

    private static CollectionDigest digestOf(MongoClient client, String database, String collection,
                                             CancellationToken cancel) {
        return digest(client, database, collection, averageDocumentBytes(client, database, collection), cancel);
    }

    private static CollectionDigest digest(MongoClient client, String database, String collection,
                                           long averageBytes, CancellationToken cancel) {
        DigestAccumulator digest = new DigestAccumulator();
        // The documents are hashed straight out of the replies, as the server sent them, never decoded.
        int batchSize = averageBytes > 0 ? (int) Math.max(1, Math.min(100_000, BATCH_BYTES / averageBytes)) : 0;
        try (RawFind find = RawFind.open(client, database, collection, batchSize, digest)) {
            while (find.next() >= 0) {
                cancel.throwIfCancelled();
            }
        }
        return digest.result();
    }

    /**
     * Checks the staging collections that were read back right after loading ({@link DatabaseImporter#load}) against
     * the bundle, before anything is swapped: a report that fails here means the target server did not keep the
     * documents as they were sent, and the import stops while the live collections are still untouched.
     */
    VerificationReport checkStaged(ImportPlan plan, Map<String, DatabaseImporter.Loaded> loaded) {
        List<VerificationReport.CollectionCheck> checks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (SystemPlan system : plan.systems()) {
            for (CollectionChange change : system.collections()) {
                String namespace = system.targetDatabase() + "." + change.collection();
                DatabaseImporter.Loaded load = loaded.get(namespace);
                if (load == null || load.staged() == null) {
                    continue;
                }
                boolean passed = compare(namespace, load.expected(), load.staged(), problems);
                checks.add(new VerificationReport.CollectionCheck(system.system().name(), system.targetDatabase(),
                        change.collection(), change.action().label(), load.expected().documents(),
                        load.staged().documents(), load.expected().contentHash(), load.staged().contentHash(), false,
                        passed));
            }
        }
        return new VerificationReport(plan.application(), plan.targetDescription(), ToolClock.now().toString(),
                problems.isEmpty(), true, checks, List.of(), problems);
    }

    /**
     * Verifies an import that has been swapped in. A collection whose staging collection was read back while
     * loading ({@link DatabaseImporter.Loaded#staged()}) and then renamed into place is only counted again: a rename
     * moves the collection as it is, so its content is the one read back. Collections that were copied into place
     * (sharded targets) are read again.
     *
     * @param loaded what {@link DatabaseImporter#load} returned, by target namespace
     */
    VerificationReport verify(ImportPlan plan, Map<String, DatabaseImporter.Loaded> loaded, ExtractionProfile profile,
                              ProgressTracker tracker, CancellationToken cancel) {
        Map<String, CollectionDigest> expected = new LinkedHashMap<>();
        Map<String, CollectionDigest> staged = new LinkedHashMap<>();
        loaded.forEach((namespace, load) -> {
            expected.put(namespace, load.expected());
            if (load.staged() != null && plan.swapStrategy() != SwapStrategy.COPY) {
                staged.put(namespace, load.staged());
            }
        });
        List<VerificationReport.CollectionCheck> checks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, BsonDocument>> presentByDatabase = new LinkedHashMap<>();
        for (SystemPlan system : plan.systems()) {
            presentByDatabase.put(system.targetDatabase(),
                    collections(clients.apply(system.system()).getDatabase(system.targetDatabase())));
        }
        Map<String, CollectionDigest> actual = digestAll(plan, presentByDatabase, expected, staged.keySet(), cancel);
        for (SystemPlan system : plan.systems()) {
            Map<String, BsonDocument> present = presentByDatabase.get(system.targetDatabase());
            for (CollectionChange change : system.collections()) {
                cancel.throwIfCancelled();
                checks.add(check(system, change, present, expected, staged, actual, tracker, problems, cancel));
            }
            Set<String> extra = new TreeSet<>(present.keySet());
            system.collections().stream().filter(c -> c.action() != CollectionAction.DROP)
                    .forEach(c -> extra.remove(c.collection()));
            extra.removeIf(name -> WorkingNames.isWorking(name) || name.startsWith("system."));
            for (String name : extra) {
                problems.add(system.targetDatabase() + "." + name + system.onHost()
                        + " is in the target but not in the import");
            }
        }
        List<VerificationReport.MetadataCheck> metadata = new ArrayList<>();
        plan.metadata().ifPresent(merge -> metadata.addAll(checkMetadata(merge, profile, problems, cancel)));
        boolean passed = problems.isEmpty() && checks.stream().allMatch(VerificationReport.CollectionCheck::passed)
                && metadata.stream().allMatch(VerificationReport.MetadataCheck::passed);
        return new VerificationReport(plan.application(), plan.targetDescription(), ToolClock.now().toString(), passed,
                !staged.isEmpty(), checks, metadata, problems);
    }

    private VerificationReport.CollectionCheck check(SystemPlan system, CollectionChange change,
                                                     Map<String, BsonDocument> present,
                                                     Map<String, CollectionDigest> expected,
                                                     Map<String, CollectionDigest> staged,
                                                     Map<String, CollectionDigest> digests, ProgressTracker tracker,
                                                     List<String> problems, CancellationToken cancel) {
        String namespace = system.targetDatabase() + "." + change.collection();
        BsonDocument info = present.get(change.collection());
        String action = change.action().label();
        if (change.action() == CollectionAction.DROP) {
            boolean gone = info == null;
            if (!gone) {
                problems.add(namespace + " should have been dropped but is still there");
            }
            return new VerificationReport.CollectionCheck(system.system().name(), system.targetDatabase(),
                    change.collection(), action, 0, gone ? -1 : 0, null, null, change.view(), gone);
        }
        if (change.view()) {
            boolean view = info != null && "view".equals(info.getString("type", new BsonString("")).getValue());
            if (!view) {
                problems.add(namespace + " should be a view but " + (info == null ? "is missing" : "is not a view"));
            }
            return new VerificationReport.CollectionCheck(system.system().name(), system.targetDatabase(),
                    change.collection(), action, 0, 0, null, null, true, view);
        }
        CollectionDigest wanted = expected.getOrDefault(namespace, CollectionDigest.empty());
        if (info == null) {
            problems.add(namespace + " is missing in the target");
            return new VerificationReport.CollectionCheck(system.system().name(), system.targetDatabase(),
                    change.collection(), action, wanted.documents(), -1, wanted.contentHash(), null, false, false);
        }
        CollectionDigest actual;
        if (digests.containsKey(namespace)) {
            actual = digests.get(namespace);
        } else if (staged.containsKey(namespace)) {
            CollectionDigest read = staged.get(namespace);
            // The server's own count of the collection (the count command without a filter), not a scan: the
            // documents were just read back, and what is checked here is that the rename put that collection in.
            long count = clients.apply(system.system()).getDatabase(system.targetDatabase())
                    .getCollection(change.collection()).estimatedDocumentCount();
            actual = new CollectionDigest(count, read.bytes(), read.contentHash());
        } else {
            actual = digestOf(clients.apply(system.system()), system.targetDatabase(), change.collection(), cancel);
        }
        tracker.advance(namespace, actual.documents(), actual.bytes());
        boolean passed = compare(namespace, wanted, actual, problems);
        return new VerificationReport.CollectionCheck(system.system().name(), system.targetDatabase(),
                change.collection(), action, wanted.documents(), actual.documents(), wanted.contentHash(),
                actual.contentHash(), false, passed);
    }

    /** Whether {@code actual} matches {@code wanted}; adds the difference to {@code problems} when not. */
    private static boolean compare(String what, CollectionDigest wanted, CollectionDigest actual,
                                   List<String> problems) {
        if (actual.documents() != wanted.documents()) {
            problems.add(what + " has " + actual.documents() + " documents, the import brought "
                    + wanted.documents());
            return false;
        }
        if (!actual.equals(wanted)) {
            problems.add(what + ": the documents differ from the imported ones (content hash " + actual
                    .contentHash() + " instead of " + wanted.contentHash() + "); the server may not keep every BSON"
                    + " type as it was sent");
            return false;
        }
        return true;
    }

    /**
     * Reads every collection the import loaded, {@link #parallel} at a time: reading back is most of the
     * verification's time, and the server answers several cursors at once faster than one after the other.
     */
    private Map<String, CollectionDigest> digestAll(ImportPlan plan, Map<String, Map<String, BsonDocument>> present,
                                                    Map<String, CollectionDigest> expected, Set<String> readAlready,
                                                    CancellationToken cancel) {
        Map<String, Future<CollectionDigest>> futures = new LinkedHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(parallel, Workers.daemons("aom-verify"));
        try {
            for (SystemPlan system : plan.systems()) {
                for (CollectionChange change : system.collections()) {
                    if (change.action() == CollectionAction.DROP || change.view()
                            || !present.get(system.targetDatabase()).containsKey(change.collection())) {
                        continue;
                    }
                    String namespace = system.targetDatabase() + "." + change.collection();
                    if (readAlready.contains(namespace)) {
                        continue;
                    }
                    CollectionDigest wanted = expected.get(namespace);
                    long average = wanted == null || wanted.documents() == 0 ? 0 : wanted.bytes() / wanted.documents();
                    futures.put(namespace, readers.submit(
                            () -> digest(clients.apply(system.system()), system.targetDatabase(),
                                    change.collection(), average, cancel)));
                }
            }
            Map<String, CollectionDigest> digests = new LinkedHashMap<>();
            for (Map.Entry<String, Future<CollectionDigest>> future : futures.entrySet()) {
                digests.put(future.getKey(), result(future.getValue()));
            }
            return digests;
        } finally {
            readers.shutdownNow();
        }
    }

    private static CollectionDigest result(Future<CollectionDigest> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<VerificationReport.MetadataCheck> checkMetadata(MetadataMergePlan merge, ExtractionProfile profile,
                                                                 List<String> problems, CancellationToken cancel) {
        MongoDatabase database = client.getDatabase(merge.database());
        Map<String, List<MetadataMergePlan.PlannedWrite>> writes = new LinkedHashMap<>();
        merge.writes().forEach(write -> writes.computeIfAbsent(write.collection(), c -> new ArrayList<>()).add(write));
        List<VerificationReport.MetadataCheck> checks = new ArrayList<>();
        for (String collection : profile.collections().keySet()) {
            cancel.throwIfCancelled();
            int before = problems.size();
            List<MetadataMergePlan.PlannedWrite> written = writes.getOrDefault(collection, List.of());
            Map<BsonValue, BsonDocument> stored = DocumentsById.read(database, collection,
                    written.stream().map(MetadataMergePlan.PlannedWrite::id).toList(), cancel);
            for (MetadataMergePlan.PlannedWrite write : written) {
                checkWritten(database.getName(), write, stored.get(write.id()), profile, problems);
            }
            Set<BsonValue> mustExist = merge.expectedPresent().getOrDefault(collection, Set.of());
            long found = count(database, collection, new ArrayList<>(mustExist));
            if (found != mustExist.size()) {
                problems.add(merge.database() + "." + collection + ": " + (mustExist.size() - found)
                        + " entities that must exist after the import are missing");
            }
            List<BsonValue> removed = merge.deletions().getOrDefault(collection, List.of());
            long left = count(database, collection, removed);
            if (left > 0) {
                problems.add(merge.database() + "." + collection + ": " + left + " entities to remove are still"
                        + " there");
            }
            if (!written.isEmpty() || !mustExist.isEmpty() || !removed.isEmpty()) {
                checks.add(new VerificationReport.MetadataCheck(collection, written.size(), mustExist.size(),
                        removed.size(), problems.size() == before));
            }
        }
        return checks;
    }

    /** Compares what the merge wrote with what the target holds under its id ({@code actual}, null if nothing). */
    private static void checkWritten(String database, MetadataMergePlan.PlannedWrite write, BsonDocument actual,
                                     ExtractionProfile profile, List<String> problems) {
        String where = database + "." + write.collection() + " " + write.key();
        if (actual == null) {
            problems.add(where + " is missing");
            return;
        }
        BsonDocument wanted = write.document();
        if (write.resetPassword()) {
            String field = profile.password().field();
            BsonValue stored = actual.get(field);
            if (stored == null || !stored.isString()
                    || !PasswordHash.matches(profile.password().resetTo(), stored.asString().getValue())) {
                problems.add(where + ": the password was not reset");
            }
            actual = actual.clone();
            wanted = wanted.clone();
            actual.remove(field);
            wanted.remove(field);
        }
        if (!actual.equals(wanted)) {
            problems.add(where + " differs from what the import wrote");
        }
    }

    private static long count(MongoDatabase database, String collection, List<BsonValue> ids) {
        long found = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            found += database.getCollection(collection)
                    .countDocuments(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + BATCH))));
        }
        return found;
    }

    private static Map<String, BsonDocument> collections(MongoDatabase database) {
        Map<String, BsonDocument> collections = new LinkedHashMap<>();
        for (BsonDocument info : database.listCollections(BsonDocument.class)) {
            collections.put(info.getString("name").getValue(), info);
        }
        return collections;
    }
}
