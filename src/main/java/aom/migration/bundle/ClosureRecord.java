package aom.migration.bundle;

import aom.migration.data.CorruptDataException;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * What the import needs to know about one metadata document of the bundle besides the document itself: one line of
 * {@code metadata/_keys.jsonl}.
 *
 * @param collection       the document's collection in the metadata database
 * @param id               its {@code _id}
 * @param key              its natural key: the profile's key fields, where a reference field stands for the
 *                         referenced document's natural key (so {@code {moduleId: {name, version}, name}} for a
 *                         class); a reference that points at nothing keeps its raw id
 * @param shared           whether the installation shares the document (owner {@code shared}, the
 *                         {@code sharedWhen} flag, or inherited from its parent): the import keeps the target's
 *                         copy and remaps references to it
 * @param parentCollection the collection of the document its {@code parent} field points at, or {@code null}
 * @param parentId         that document's id, or {@code null}
 * @param description      a short name for people ({@code Venues 1.0.0}, {@code Session})
 * @param via              why the document is in the closure ({@code applications.ownerId of application
 *                         ConferenceApp}); {@code application} for the seed
 */
public record ClosureRecord(String collection, BsonValue id, BsonDocument key, boolean shared,
                            String parentCollection, BsonValue parentId, String description, String via) {

    /** The record as one document of {@code _keys.jsonl}. */
    public BsonDocument toDocument() {
        BsonDocument document = new BsonDocument("collection", new BsonString(collection))
                .append("_id", id)
                .append("key", key)
                .append("shared", BsonBoolean.valueOf(shared));
        if (parentCollection != null) {
            document.append("parent", new BsonDocument("collection", new BsonString(parentCollection))
                    .append("_id", parentId == null ? BsonNull.VALUE : parentId));
        }
        return document.append("description", new BsonString(description)).append("via", new BsonString(via));
    }

    /**
     * Reads a record back.
     *
     * @throws CorruptDataException naming {@code origin} when a field is missing or has the wrong type
     */
    public static ClosureRecord fromDocument(BsonDocument document, String origin) {
        try {
            if (document.get("_id") == null) {
                throw new CorruptDataException(origin + ": a line has no '_id'");
            }
            BsonDocument parent = document.containsKey("parent") ? document.getDocument("parent") : null;
            return new ClosureRecord(document.getString("collection").getValue(), document.get("_id"),
                    document.getDocument("key"), document.getBoolean("shared").getValue(),
                    parent == null ? null : parent.getString("collection").getValue(),
                    parent == null ? null : parent.get("_id"),
                    document.getString("description", new BsonString("")).getValue(),
                    document.getString("via", new BsonString("")).getValue());
        } catch (org.bson.BsonInvalidOperationException e) {
            throw new CorruptDataException(origin + ": " + e.getMessage(), e);
        }
    }
}
