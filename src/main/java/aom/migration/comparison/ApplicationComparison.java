package aom.migration.comparison;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.NamingDetection;
import aom.migration.model.SystemKind;
import aom.migration.model.ToolClock;
import aom.migration.model.WorkingNames;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Workers;
import aom.migration.restore.CollectionDigest;
import aom.migration.restore.ImportPlanner;
import aom.migration.restore.TargetNaming;
import aom.migration.restore.Verifier;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Compares one application in two installations, e.g. after a migration: per system database every collection's
 * document count and order-independent content hash ({@link CollectionDigest}, read on both sides at the same time),
 * views by definition, and the application's metadata slice by natural keys ({@link MetadataSliceComparison}), so
 * that equal entities with different ids compare equal. Reads only.
 */
public final class ApplicationComparison {

    private final Installation source;
    private final SystemHosts sourceHosts;
    private final Installation target;
    private final SystemHosts targetHosts;
    private final ExtractionProfile profile;

    /** Compares two installations that keep every system's database next to their metadata. */
    public ApplicationComparison(Installation source, Installation target, ExtractionProfile profile) {
        this(source, SystemHosts.mainOnly(source), target, SystemHosts.mainOnly(target), profile);
    }

    /**
     * Compares two installations whose systems may live on hosts of their own: the metadata is read from
     * {@code source} and {@code target}, each system's database from its host in {@code sourceHosts} and
     * {@code targetHosts} (which the caller opens and closes).
     */
    public ApplicationComparison(Installation source, SystemHosts sourceHosts, Installation target,
                                 SystemHosts targetHosts, ExtractionProfile profile) {
        this.source = source;
        this.sourceHosts = sourceHosts;
        this.target = target;
        this.targetHosts = targetHosts;
        this.profile = profile;
    }

    /**
     * Compares {@code application}'s databases of {@code systems} and its metadata.
     *
     * @throws aom.migration.mongo.UnknownApplicationException when the source has no such application
     * @throws aom.migration.progress.CancelledException       when cancelled
     */
    public ComparisonReport compare(String application, Set<SystemKind> systems, CancellationToken cancel) {
        List<String> differences = new ArrayList<>();
        MetadataSliceComparison.Result metadata = new MetadataSliceComparison(profile)
                .compare(source.database(profile.database()), target.database(profile.database()), application,
                        cancel);
        differences.addAll(metadata.differences());
        DatabaseNaming sourceNaming = NamingDetection.detect(application, sourceHosts.databaseNames(application))
                .namingIfKnown().orElse(DatabaseNaming.DASHED);
        DatabaseNaming targetNaming = TargetNaming.choose(targetHosts, application, sourceNaming);
        List<ComparisonReport.CollectionRow> rows = new ArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor(Workers.daemons("aom-compare-source"));
        try {
            Set<String> sourceDatabases = new HashSet<>(sourceHosts.databaseNames(application));
            Set<String> targetDatabases = new HashSet<>(targetHosts.databaseNames(application));
            for (SystemKind system : systems) {
                String from = sourceNaming.databaseName(application, system);
                String to = targetNaming.databaseName(application, system);
                if (!sourceDatabases.contains(from) && !targetDatabases.contains(to)) {
                    rows.add(new ComparisonReport.CollectionRow(system.name(), from, to, null, -1, -1, null, null,
                            false, true));
                    continue;
                }
                compareDatabase(system, sourceHosts.client(system).getDatabase(from),
                        targetHosts.client(system).getDatabase(to), reader, rows, differences, cancel);
            }
        } finally {
            reader.shutdownNow();
        }
        return new ComparisonReport(application, sourceHosts.describe(), targetHosts.describe(),
                ToolClock.now().toString(), differences.isEmpty(), rows, metadata.rows(), differences);
    }

    private void compareDatabase(SystemKind system, MongoDatabase from, MongoDatabase to, ExecutorService reader,
                                 List<ComparisonReport.CollectionRow> rows, List<String> differences,
                                 CancellationToken cancel) {
        Map<String, BsonDocument> sourceCollections = collections(from);
        Map<String, BsonDocument> targetCollections = collections(to);
        Set<String> names = new TreeSet<>(sourceCollections.keySet());
        names.addAll(targetCollections.keySet());
        Verifier sourceReader = new Verifier(sourceHosts.client(system));
        Verifier targetReader = new Verifier(targetHosts.client(system));
        for (String name : names) {
            cancel.throwIfCancelled();
            BsonDocument sourceInfo = sourceCollections.get(name);
            BsonDocument targetInfo = targetCollections.get(name);
            String where = system + " " + to.getName() + "." + name;
            if (sourceInfo == null || targetInfo == null) {
                differences.add(where + (sourceInfo == null ? " is only in the target" : " is missing in the target"));
            }
            if (isView(sourceInfo) || isView(targetInfo)) {
                boolean equal = sourceInfo != null && targetInfo != null && viewDefinition(sourceInfo)
                        .equals(viewDefinition(targetInfo));
                if (!equal && sourceInfo != null && targetInfo != null) {
                    differences.add(where + ": the view is defined differently");
                }
                rows.add(new ComparisonReport.CollectionRow(system.name(), from.getName(), to.getName(), name,
                        sourceInfo == null ? -1 : 0, targetInfo == null ? -1 : 0, null, null, true, equal));
                continue;
            }
            CompletableFuture<CollectionDigest> sourceDigest = sourceInfo == null ? null : CompletableFuture
                    .supplyAsync(() -> sourceReader.digest(from.getName(), name, cancel), reader);
            CollectionDigest targetDigest = targetInfo == null ? null : targetReader.digest(to.getName(), name,
                    cancel);
            CollectionDigest sourceResult = sourceDigest == null ? null : join(sourceDigest);
            boolean equal = sourceResult != null && sourceResult.equals(targetDigest);
            if (!equal && sourceResult != null && targetDigest != null) {
                differences.add(where + ": " + (sourceResult.documents() == targetDigest.documents()
                        ? "the documents differ (same count, " + sourceResult.documents() + ")"
                        : targetDigest.documents() + " documents, the source has " + sourceResult.documents()));
            }
            rows.add(new ComparisonReport.CollectionRow(system.name(), from.getName(), to.getName(), name,
                    sourceResult == null ? -1 : sourceResult.documents(),
                    targetDigest == null ? -1 : targetDigest.documents(),
                    sourceResult == null ? null : sourceResult.contentHash(),
                    targetDigest == null ? null : targetDigest.contentHash(), false, equal));
        }
    }

    private static CollectionDigest join(CompletableFuture<CollectionDigest> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The collections an application database holds, without system collections (but {@code system.js}). */
    private static Map<String, BsonDocument> collections(MongoDatabase database) {
        Map<String, BsonDocument> collections = new LinkedHashMap<>();
        for (BsonDocument info : database.listCollections(BsonDocument.class)) {
            String name = info.getString("name").getValue();
            if (!WorkingNames.isWorking(name) && (!name.startsWith("system.") || name.equals("system.js"))) {
                collections.put(name, info);
            }
        }
        return collections;
    }

    private static boolean isView(BsonDocument info) {
        return info != null && "view".equals(info.getString("type", new BsonString("collection")).getValue());
    }

    private static BsonDocument viewDefinition(BsonDocument info) {
        return ImportPlanner.viewDefinition(info.getDocument("options", new BsonDocument()));
    }
}
