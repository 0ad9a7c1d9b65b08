package aom.migration.restore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every document of an installation's databases, byte for byte, plus each collection's index names: two snapshots
 * are equal exactly when the databases hold the same bytes, whatever the order the server returns them in.
 */
public final class TargetSnapshot {

    private TargetSnapshot() {
    }

    /** Database -> collection -> sorted documents (Base64 of the raw bytes), and "indexes" entries. */
    public static Map<String, Map<String, List<String>>> of(MongoClient client) {
        Map<String, Map<String, List<String>>> snapshot = new TreeMap<>();
        for (String name : client.listDatabaseNames()) {
            if (!name.equals("admin") && !name.equals("local") && !name.equals("config")) {
                snapshot.put(name, of(client.getDatabase(name)));
            }
        }
        return snapshot;
    }

    public static Map<String, List<String>> of(MongoDatabase database) {
        Map<String, List<String>> collections = new TreeMap<>();
        for (String collection : database.listCollectionNames()) {
            collections.put(collection, documents(database, collection, new BsonDocument()));
            List<String> indexes = new ArrayList<>();
            database.getCollection(collection).listIndexes(BsonDocument.class)
                    .forEach(index -> indexes.add(index.toJson()));
            Collections.sort(indexes);
            collections.put(collection + " (indexes)", indexes);
        }
        return collections;
    }

    /** The documents of one collection matching {@code filter}, sorted. */
    static List<String> documents(MongoDatabase database, String collection, BsonDocument filter) {
        List<String> documents = new ArrayList<>();
        try (MongoCursor<RawBsonDocument> cursor = database.getCollection(collection, RawBsonDocument.class)
                .find(filter).iterator()) {
            while (cursor.hasNext()) {
                ByteBuffer buffer = cursor.next().getByteBuffer().asNIO();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                documents.add(Base64.getEncoder().encodeToString(bytes));
            }
        }
        Collections.sort(documents);
        return documents;
    }

    /** The databases and collections ("db" or "db.collection") in which two snapshots differ, sorted. */
    public static List<String> differences(Map<String, Map<String, List<String>>> expected,
                                    Map<String, Map<String, List<String>>> actual) {
        TreeSet<String> differences = new TreeSet<>();
        Set<String> databases = new TreeSet<>(expected.keySet());
        databases.addAll(actual.keySet());
        for (String database : databases) {
            Map<String, List<String>> a = expected.get(database);
            Map<String, List<String>> b = actual.get(database);
            if (a == null || b == null) {
                differences.add(database + (a == null ? " (only after)" : " (only before)"));
                continue;
            }
            Set<String> collections = new TreeSet<>(a.keySet());
            collections.addAll(b.keySet());
            for (String collection : collections) {
                if (!Objects.equals(a.get(collection), b.get(collection))) {
                    differences.add(database + "." + collection);
                }
            }
        }
        return new ArrayList<>(differences);
    }

    /** One document by id, as raw BSON, or {@code null}. */
    static RawBsonDocument byId(MongoDatabase database, String collection, Object id) {
        return database.getCollection(collection, RawBsonDocument.class).find(Filters.eq("_id", id)).first();
    }
}
