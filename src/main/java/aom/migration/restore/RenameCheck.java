package aom.migration.restore;

import aom.migration.model.WorkingNames;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import java.util.List;
import java.util.Set;

/**
 * Checks, in an import's own scratch collections, that a server's {@code renameCollection} really moves a collection:
 * afterwards the new name holds its documents and the old name nothing, also once a new collection is made there.
 * mongo-java-server's H2 backend fails this (it renames the collection object but keeps the stored documents under
 * the old name, where a later collection of that name finds them, and where a drop by the old name deletes them):
 * there the rename swap, and a rollback of it, could empty live collections, so the import copies instead.
 */
final class RenameCheck {

    private RenameCheck() {
    }

    /**
     * Whether renames keep data in {@code database} on {@code client}; the check's collections are dropped again.
     *
     * @throws com.mongodb.MongoCommandException when the server refuses the rename (e.g. not authorised): the swap
     *                                            would too
     */
    static boolean keepsData(MongoClient client, String database, String tag, Fence fence) {
        MongoDatabase db = client.getDatabase(database);
        String first = WorkingNames.probe(tag, 'a');
        String second = WorkingNames.probe(tag, 'b');
        try {
            fence.confirm();
            db.getCollection(first, BsonDocument.class).insertOne(new BsonDocument("_id", new BsonInt32(1)));
            // The server's own refusal (e.g. not authorised) goes to the caller as it is: the swap would meet it too.
            client.getDatabase("admin").runCommand(new BsonDocument("renameCollection",
                    new BsonString(database + "." + first)).append("to", new BsonString(database + "." + second)));
            // A new collection under the old name must start empty.
            db.getCollection(first, BsonDocument.class).insertOne(new BsonDocument("_id", new BsonInt32(2)));
            return db.getCollection(first).countDocuments() == 1 && db.getCollection(second).countDocuments() == 1;
        } catch (MongoWriteException e) {
            // A duplicate key: the new collection under the old name found the renamed one's documents.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } finally {
            fence.confirm();
            Set<String> names = Namespaces.names(db);
            for (String probe : List.of(first, second)) {
                if (names.contains(probe)) {
                    db.getCollection(probe).drop();
                }
            }
        }
    }
}
