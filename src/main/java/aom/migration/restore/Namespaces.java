package aom.migration.restore;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The few namespace operations the swap and the rollback share: listing, renaming within a database (never over an
 * existing collection), views.
 */
final class Namespaces {

    private Namespaces() {
    }

    static Set<String> names(MongoDatabase database) {
        return database.listCollectionNames().into(new TreeSet<>());
    }

    /**
     * How {@code listCollections} describes {@code name}, if it exists. Matched here rather than by the command's
     * filter, which mongo-java-server ignores.
     */
    static Optional<BsonDocument> info(MongoDatabase database, String name) {
        for (BsonDocument info : database.listCollections(BsonDocument.class).filter(Filters.eq("name", name))) {
            if (name.equals(info.getString("name", new BsonString("")).getValue())) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    static boolean isView(BsonDocument info) {
        return "view".equals(info.getString("type", new BsonString("collection")).getValue());
    }

    /**
     * Renames {@code from} to {@code to} within {@code database} on {@code client}; refuses (the server does) when
     * {@code to} exists, so that a rename never replaces anything.
     */
    static void rename(MongoClient client, String database, String from, String to) {
        try {
            client.getDatabase("admin").runCommand(new BsonDocument("renameCollection",
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
        BsonDocument created = info(database, name).orElse(null);
        if (created == null || !isView(created)) {
            database.getCollection(name).drop();
            throw new ImportFailedException("The target server does not support views: it made "
                    + database.getName() + "." + name + " a plain collection instead of a view on "
                    + definition.get("viewOn"));
        }
    }

    /** The names of a collection's indexes. */
    static Set<String> indexNames(MongoDatabase database, String collection) {
        Set<String> names = new TreeSet<>();
        for (BsonDocument index : database.getCollection(collection).listIndexes(BsonDocument.class)) {
            names.add(index.getString("name", new BsonString("")).getValue());
        }
        return names;
    }
}
