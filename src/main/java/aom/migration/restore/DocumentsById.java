package aom.migration.restore;

import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads metadata documents by their ids, one {@code $in} query per {@value #BATCH} ids, into a map by id. */
public final class DocumentsById {

    static final int BATCH = 200;

    private DocumentsById() {
    }

    /** The documents of {@code collection} with these ids that exist, by id; checks {@code cancel} per query. */
    public static Map<BsonValue, BsonDocument> read(MongoDatabase database, String collection, List<BsonValue> ids,
                                             CancellationToken cancel) {
        Map<BsonValue, BsonDocument> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            cancel.throwIfCancelled();
            for (BsonDocument document : database.getCollection(collection, BsonDocument.class)
                    .find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + BATCH))))) {
                found.put(document.get("_id"), document);
            }
        }
        return found;
    }
}
