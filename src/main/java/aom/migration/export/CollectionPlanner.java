package aom.migration.export;

import aom.migration.data.CollectionMetadata;
import aom.migration.model.SystemKind;
import aom.migration.model.WorkingNames;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Lists what a system database holds, the way mongodump sees it: every collection except {@code system.*} (but
 * {@code system.js} is kept) and the working collections of imports ({@link WorkingNames}), views as definitions only, with options and UUID from {@code listCollections},
 * indexes from {@code listIndexes} and sizes from {@code collStats}.
 */
final class CollectionPlanner {

    private final MongoClient client;

    CollectionPlanner(MongoClient client) {
        this.client = client;
    }

    /**
     * The collections of one database as {@code listCollections} describes them (options, UUID; no indexes or sizes
     * yet), sorted by name: the order of their entries in a bundle. One round trip.
     */
    List<CollectionMetadata> list(String databaseName) {
        List<CollectionMetadata> listed = new ArrayList<>();
        for (BsonDocument info : client.getDatabase(databaseName).listCollections(BsonDocument.class)) {
            CollectionMetadata described = describe(info);
            if (described != null) {
                listed.add(described);
            }
        }
        listed.sort(Comparator.comparing(CollectionMetadata::collectionName));
        return listed;
    }

    /** Completes one listed collection into a plan: its indexes and sizes (none for a view). */
    CollectionPlan plan(SystemKind system, String databaseName, CollectionMetadata described) {
        if (described.isView()) {
            return new CollectionPlan(system, databaseName, described, 0, 0, 0);
        }
        MongoDatabase database = client.getDatabase(databaseName);
        List<BsonDocument> indexes = database.getCollection(described.collectionName(), BsonDocument.class)
                .listIndexes(BsonDocument.class).into(new ArrayList<>());
        CollectionMetadata definition = new CollectionMetadata(described.collectionName(), described.type(),
                described.options(), indexes, described.uuid(), null);
        return withStats(system, database, definition);
    }

    /**
     * The definition of one {@code listCollections} entry without its indexes, or {@code null} when mongodump would
     * skip it: {@code system.*} collections except {@code system.js} (views are exported through their own entries,
     * not through {@code system.views}).
     */
    static CollectionMetadata describe(BsonDocument info) {
        String name = info.getString("name", new BsonString("")).getValue();
        if (name.isEmpty() || name.startsWith("system.") && !name.equals("system.js") || WorkingNames.isWorking(name)) {
            return null;
        }
        String type = info.getString("type", new BsonString("collection")).getValue();
        BsonDocument options = info.containsKey("options") && info.get("options").isDocument()
                ? info.getDocument("options") : new BsonDocument();
        boolean view = type.equals("view") || options.containsKey("viewOn");
        return new CollectionMetadata(name, view ? "view" : type, options, List.of(), uuid(info), null);
    }

    private static CollectionPlan withStats(SystemKind system, MongoDatabase database, CollectionMetadata definition) {
        String name = definition.collectionName();
        try {
            BsonDocument stats = database.runCommand(new BsonDocument("collStats", new BsonString(name)),
                    BsonDocument.class);
            return new CollectionPlan(system, database.getName(), definition, number(stats.get("count"), -1),
                    number(stats.get("size"), -1), number(stats.get("avgObjSize"), 0));
        } catch (MongoException e) {
            // collStats is deprecated on recent servers and may be refused; a count is enough for progress.
            long count = database.getCollection(name).estimatedDocumentCount();
            return new CollectionPlan(system, database.getName(), definition, count, -1, 0);
        }
    }

    private static long number(BsonValue value, long fallback) {
        return value != null && value.isNumber() ? value.asNumber().longValue() : fallback;
    }

    /** The collection UUID as 32 hex digits, as mongodump writes it, or {@code null}. */
    private static String uuid(BsonDocument info) {
        BsonValue value = info.containsKey("info") && info.get("info").isDocument()
                ? info.getDocument("info").get("uuid") : null;
        if (value == null || !value.isBinary()) {
            return null;
        }
        BsonBinary binary = value.asBinary();
        if (binary.getType() == BsonBinarySubType.UUID_STANDARD.getValue()) {
            java.util.UUID uuid = binary.asUuid(UuidRepresentation.STANDARD);
            return uuid.toString().replace("-", "");
        }
        return HexFormat.of().formatHex(binary.getData());
    }
}
