package aom.migration.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: moves one database from one server to another, as an installation looks whose system keeps its
 * instance data on a host of its own. Documents travel as raw bytes; secondary indexes are created again.
 */
public final class MovedDatabase {

    private MovedDatabase() {
    }

    /** Copies {@code database} from {@code from} to {@code to} and drops it on {@code from}. */
    public static void move(MongoClient from, MongoClient to, String database) {
        copy(from, to, database);
        from.getDatabase(database).drop();
    }

    /** Copies {@code database} from {@code from} to {@code to} (collections, documents, secondary indexes). */
    public static void copy(MongoClient from, MongoClient to, String database) {
        MongoDatabase source = from.getDatabase(database);
        MongoDatabase target = to.getDatabase(database);
        for (String name : source.listCollectionNames()) {
            if (name.startsWith("system.")) {
                continue;
            }
            MongoCollection<RawBsonDocument> into = target.getCollection(name, RawBsonDocument.class);
            List<RawBsonDocument> batch = new ArrayList<>();
            target.createCollection(name);
            for (RawBsonDocument document : source.getCollection(name, RawBsonDocument.class).find()) {
                batch.add(document);
                if (batch.size() == 500) {
                    into.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                into.insertMany(batch);
            }
            for (Document index : source.getCollection(name).listIndexes()) {
                if (!"_id_".equals(index.getString("name"))) {
                    Document keys = index.get("key", Document.class);
                    target.getCollection(name).createIndex(keys);
                }
            }
        }
    }
}
