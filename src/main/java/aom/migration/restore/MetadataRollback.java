package aom.migration.restore;

import aom.migration.bundle.ExtendedJson;
import aom.migration.model.AppHome;
import aom.migration.model.BadInputException;
import aom.migration.model.PrivateFiles;
import aom.migration.model.ToolClock;
import aom.migration.model.WorkingNames;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The target's metadata slice of one application, saved before the merge changes anything, so that a failed or
 * cancelled import (or the recovery after a crash) can put every document back.
 *
 * <p>It is saved twice: in the target itself (collection {@code __aom_import_rollback.<application>} of the metadata
 * database, which only the import holding that application's journal writes), which is what recovery uses, because
 * it survives on the server whatever happens to the machine that ran the import; and as a JSON-lines file under
 * {@link AppHome#rollbacks()} that the plan names, for people and for a restore by hand. Restoring deletes what the
 * merge inserted and puts every saved document back by id; {@link #check()} then compares the target with what was
 * saved, and only after that passes is the saved slice discarded. Every write first asks the import's
 * {@link Fence}.
 */
public final class MetadataRollback {

    /** The first line's {@code format} value of a rollback file. */
    public static final String FILE_FORMAT = "aom-metadata-rollback";

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final int BATCH = 200;
    private static final int IDS_PER_RECORD = 10_000;

    private final MongoDatabase database;
    private final String collection;
    private final String importId;
    private final Fence fence;

    /**
     * @param collection where the slice is saved on the server: {@link #collectionName} of the application (or the
     *                   legacy collection, for an import of an earlier version)
     */
    MetadataRollback(MongoDatabase database, String collection, String importId, Fence fence) {
        this.database = database;
        this.collection = collection;
        this.importId = importId;
        this.fence = fence;
    }

    /** The collection of the metadata database that holds {@code application}'s saved slice while an import runs. */
    static String collectionName(String application) {
        return WorkingNames.slice(application);
    }

    /** Where the rollback file of an import of {@code application} started at {@code when} goes. */
    public static Path fileFor(String application, Instant when) {
        String safe = application.replaceAll("[^A-Za-z0-9._-]", "_");
        return AppHome.rollbacks().resolve(safe + "-" + FILE_TIME.format(when) + ".jsonl");
    }

    /** Saves every target document the plan names, and the ids it will insert, to the server and to {@code file}. */
    void save(MetadataMergePlan plan, Path file, CancellationToken cancel) {
        MongoCollection<BsonDocument> saved = database.getCollection(collection, BsonDocument.class);
        Map<String, List<BsonValue>> inserted = plan.insertedIds();
        Set<String> existing = database.listCollectionNames().into(new TreeSet<>());
        BsonArray created = new BsonArray();
        plan.writes().stream().map(MetadataMergePlan.PlannedWrite::collection).distinct()
                .filter(collection -> !existing.contains(collection)).forEach(c -> created.add(new BsonString(c)));
        // Written to a part file of its own and moved to its name when complete (DESIGN.md section 10): a person who
        // restores by hand never finds a cut-off file there.
        Path part = PrivateFiles.partFile(file);
        try (BufferedWriter writer = newPrivateFile(part)) {
            BsonDocument header = new BsonDocument("format", new BsonString(FILE_FORMAT))
                    .append("formatVersion", new BsonInt32(1))
                    .append("importId", new BsonString(importId))
                    .append("application", new BsonString(plan.application()))
                    .append("database", new BsonString(plan.database()))
                    .append("createdAt", new BsonDateTime(System.currentTimeMillis()));
            BsonDocument insertedIds = new BsonDocument();
            inserted.forEach((collection, ids) -> insertedIds.put(collection, new BsonArray(ids)));
            header.put("inserted", insertedIds);
            header.put("createdCollections", created);
            writer.write(header.toJson(ExtendedJson.CANONICAL));
            writer.newLine();
            fence.confirm();
            saved.insertOne(record("created", "").append("collections", created));
            for (Map.Entry<String, List<BsonValue>> entry : inserted.entrySet()) {
                List<BsonValue> ids = entry.getValue();
                for (int from = 0; from < ids.size(); from += IDS_PER_RECORD) {
                    fence.confirmRecent();
                    saved.insertOne(record("inserted", entry.getKey())
                            .append("ids", new BsonArray(ids.subList(from, Math.min(ids.size(),
                                    from + IDS_PER_RECORD)))));
                }
            }
            for (Map.Entry<String, Set<BsonValue>> entry : plan.rollbackIds().entrySet()) {
                List<BsonValue> ids = new ArrayList<>(entry.getValue());
                for (int from = 0; from < ids.size(); from += BATCH) {
                    cancel.throwIfCancelled();
                    List<BsonValue> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                    List<BsonDocument> records = new ArrayList<>();
                    for (BsonDocument document : database.getCollection(entry.getKey(), BsonDocument.class)
                            .find(Filters.in("_id", batch))) {
                        records.add(record("document", entry.getKey()).append("document", document));
                        writer.write(new BsonDocument("collection", new BsonString(entry.getKey()))
                                .append("document", document).toJson(ExtendedJson.CANONICAL));
                        writer.newLine();
                    }
                    if (!records.isEmpty()) {
                        fence.confirmRecent();
                        saved.insertMany(records);
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("Cannot write the rollback file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
        try {
            PrivateFiles.sync(part);
            PrivateFiles.publish(part, file, false);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("Cannot write the rollback file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a part file nobody will take for a rollback file
        }
    }

    /**
     * Puts the saved slice back: deletes what the merge inserted, restores every saved document. Idempotent. The
     * saved slice stays until {@link #discard()}, so that a restore that does not {@link #check} out loses nothing.
     */
    void restore() {
        MongoCollection<BsonDocument> saved = database.getCollection(collection, BsonDocument.class);
        for (BsonDocument record : saved.find(Filters.and(Filters.eq("importId", importId),
                Filters.eq("kind", "inserted")))) {
            List<BsonValue> ids = record.getArray("ids").getValues();
            fence.confirmRecent();
            database.getCollection(record.getString("collection").getValue()).deleteMany(Filters.in("_id", ids));
        }
        List<WriteModel<BsonDocument>> pending = new ArrayList<>();
        String pendingCollection = null;
        try (MongoCursor<BsonDocument> cursor = saved.find(Filters.and(Filters.eq("importId", importId),
                Filters.eq("kind", "document"))).iterator()) {
            while (cursor.hasNext()) {
                BsonDocument record = cursor.next();
                String name = record.getString("collection").getValue();
                if (pendingCollection != null && (!name.equals(pendingCollection) || pending.size() >= BATCH)) {
                    fence.confirmRecent();
                    database.getCollection(pendingCollection, BsonDocument.class).bulkWrite(pending);
                    pending = new ArrayList<>();
                }
                pendingCollection = name;
                BsonDocument document = record.getDocument("document");
                pending.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                        new ReplaceOptions().upsert(true)));
            }
        }
        if (!pending.isEmpty()) {
            fence.confirmRecent();
            database.getCollection(pendingCollection, BsonDocument.class).bulkWrite(pending);
        }
        for (BsonDocument record : saved.find(Filters.and(Filters.eq("importId", importId),
                Filters.eq("kind", "created")))) {
            fence.confirm();
            dropIfEmpty(database, record.getArray("collections"));
        }
    }

    /**
     * Compares the target with the saved slice: every saved document is there, equal to what was saved, and no
     * document the merge inserted is left.
     *
     * @return what was compared, and every difference
     */
    RollbackProof check() {
        MongoCollection<BsonDocument> saved = database.getCollection(collection, BsonDocument.class);
        List<String> differences = new ArrayList<>();
        long compared = 0;
        for (BsonDocument record : saved.find(Filters.and(Filters.eq("importId", importId),
                Filters.eq("kind", "inserted")))) {
            String name = record.getString("collection").getValue();
            List<BsonValue> ids = record.getArray("ids").getValues();
            long left = database.getCollection(name).countDocuments(Filters.in("_id", ids));
            if (left > 0) {
                differences.add(database.getName() + "." + name + ": " + left + " document(s) the import inserted"
                        + " are still there");
            }
        }
        Map<String, Map<BsonValue, BsonDocument>> wanted = new LinkedHashMap<>();
        for (BsonDocument record : saved.find(Filters.and(Filters.eq("importId", importId),
                Filters.eq("kind", "document")))) {
            BsonDocument document = record.getDocument("document");
            wanted.computeIfAbsent(record.getString("collection").getValue(), c -> new LinkedHashMap<>())
                    .put(document.get("_id"), document);
        }
        for (Map.Entry<String, Map<BsonValue, BsonDocument>> entry : wanted.entrySet()) {
            Map<BsonValue, BsonDocument> actual = DocumentsById.read(database, entry.getKey(),
                    new ArrayList<>(entry.getValue().keySet()), CancellationToken.none());
            for (Map.Entry<BsonValue, BsonDocument> document : entry.getValue().entrySet()) {
                compared++;
                BsonDocument found = actual.get(document.getKey());
                if (found == null) {
                    differences.add(database.getName() + "." + entry.getKey() + " " + document.getKey()
                            + " is missing");
                } else if (!found.equals(document.getValue())) {
                    differences.add(database.getName() + "." + entry.getKey() + " " + document.getKey()
                            + " differs from what was saved before the import");
                }
            }
        }
        return RollbackProof.metadata(database.getName(), compared, differences);
    }
    /** Collections the merge created are dropped again once the restore has emptied them. */
    private static void dropIfEmpty(MongoDatabase database, BsonArray collections) {
        for (BsonValue name : collections) {
            MongoCollection<BsonDocument> collection = database.getCollection(name.asString().getValue(),
                    BsonDocument.class);
            if (collection.countDocuments() == 0) {
                collection.drop();
            }
        }
    }

    /**
     * Removes the saved slice from the server (the file stays). The collection is the application's own, held
     * through its journal, so it is dropped once empty; the shared collection of earlier versions is only emptied.
     */
    void discard() {
        if (!database.listCollectionNames().into(new TreeSet<>()).contains(collection)) {
            return;
        }
        fence.confirm();
        database.getCollection(collection).deleteMany(Filters.eq("importId", importId));
        if (!collection.equals(WorkingNames.LEGACY_SLICE) && database.getCollection(collection).countDocuments() == 0) {
            database.getCollection(collection).drop();
        }
    }

    /**
     * Restores a rollback file by hand, into the metadata database of any installation: deletes the ids the merge
     * inserted and puts every saved document back.
     *
     * @return the number of documents put back
     */
    public static long restoreFile(MongoDatabase database, Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            BsonDocument header = first == null ? new BsonDocument() : BsonDocument.parse(first);
            if (!FILE_FORMAT.equals(header.getString("format", new BsonString("")).getValue())) {
                throw new BadInputException(file + " is not a metadata rollback file of this tool");
            }
            header.getDocument("inserted").forEach((collection, ids) ->
                    database.getCollection(collection).deleteMany(Filters.in("_id", ids.asArray().getValues())));
            long restored = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                BsonDocument entry = BsonDocument.parse(line);
                BsonDocument document = entry.getDocument("document");
                database.getCollection(entry.getString("collection").getValue(), BsonDocument.class)
                        .replaceOne(Filters.eq("_id", document.get("_id")), document,
                                new ReplaceOptions().upsert(true));
                restored++;
            }
            dropIfEmpty(database, header.getArray("createdCollections", new BsonArray()));
            return restored;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rollback file " + file + ": " + e.getMessage(), e);
        }
    }

    private BsonDocument record(String kind, String collection) {
        return new BsonDocument("importId", new BsonString(importId)).append("kind", new BsonString(kind))
                .append("collection", new BsonString(collection))
                .append("savedAt", new BsonDateTime(ToolClock.now().toEpochMilli()));
    }

    /** The file holds password hashes of customers, so only its owner may read it where the system allows. */
    private static BufferedWriter newPrivateFile(Path file) throws IOException {
        PrivateFiles.folder(file.toAbsolutePath().getParent());
        return new BufferedWriter(new OutputStreamWriter(PrivateFiles.createNew(file), StandardCharsets.UTF_8));
    }
}
