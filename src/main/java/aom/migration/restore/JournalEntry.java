package aom.migration.restore;

import aom.migration.model.SystemKind;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One collection of an import as the journal records it before anything is created, so that recovery knows every
 * name involved even when they are hashed.
 *
 * @param system        the system the database belongs to
 * @param database      the target database
 * @param collection    the collection's name in the target
 * @param action        create, replace or drop
 * @param staging       the staging collection loaded for it, or {@code null} (views, drops)
 * @param aside         where the target's current collection is set aside, or {@code null} when the target has
 *                      no collection (or a view) at that name
 * @param newView       the definition ({@code viewOn}, {@code pipeline}, ...) of an imported view, or {@code null}
 * @param oldView       the definition of the target's view at that name, or {@code null}
 * @param asideComplete with the copy strategy: whether the set-aside copy is complete (only then is the live
 *                      collection dropped)
 */
record JournalEntry(SystemKind system, String database, String collection, CollectionAction action, String staging,
                    String aside, BsonDocument newView, BsonDocument oldView, boolean asideComplete) {

    String namespace() {
        return database + "." + collection;
    }

    JournalEntry withAsideComplete() {
        return new JournalEntry(system, database, collection, action, staging, aside, newView, oldView, true);
    }

    BsonDocument toBson() {
        return new BsonDocument("system", new BsonString(system.name()))
                .append("database", new BsonString(database))
                .append("collection", new BsonString(collection))
                .append("action", new BsonString(action.name()))
                .append("staging", string(staging))
                .append("aside", string(aside))
                .append("newView", newView == null ? BsonNull.VALUE : newView)
                .append("oldView", oldView == null ? BsonNull.VALUE : oldView)
                .append("asideComplete", BsonBoolean.valueOf(asideComplete));
    }

    static JournalEntry fromBson(BsonDocument document) {
        return new JournalEntry(SystemKind.valueOf(document.getString("system").getValue()),
                document.getString("database").getValue(), document.getString("collection").getValue(),
                CollectionAction.valueOf(document.getString("action").getValue()),
                text(document.get("staging")), text(document.get("aside")), doc(document.get("newView")),
                doc(document.get("oldView")), document.getBoolean("asideComplete", BsonBoolean.FALSE).getValue());
    }

    private static BsonValue string(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }

    private static String text(BsonValue value) {
        return value == null || value.isNull() ? null : value.asString().getValue();
    }

    private static BsonDocument doc(BsonValue value) {
        return value == null || value.isNull() ? null : value.asDocument();
    }
}
