package aom.migration.restore;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * One line of the metadata merge: which entity, what happens to it and why.
 *
 * @param collection the metadata collection ({@code modules})
 * @param key        the natural key for people ({@code ConferenceCore 2.1.0 / Person})
 * @param outcome    what the import does
 * @param reason     why, in words (or {@code null} when the outcome says it all)
 * @param sourceId   the entity's id in the bundle, or {@code null} for target-only entities
 * @param targetId   its id in the target after the import ({@code null} when it is not there)
 */
public record EntityChange(String collection, String key, EntityOutcome outcome, String reason, String sourceId,
                           String targetId) {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .build();

    /** Whether the entity gets another id in the target than it had in the bundle. */
    public boolean remapped() {
        return sourceId != null && targetId != null && !sourceId.equals(targetId);
    }

    /** One line such as {@code modules  Speakers 1.3.0  new (its id is taken by HelpDesk 1.0.0 ...)}. */
    public String describe() {
        return collection + " " + key + ": " + outcome.label() + (reason == null ? "" : " (" + reason + ")");
    }

    /** An id as people read it: hex for ObjectIds, the value for strings, Extended JSON otherwise. */
    static String idText(BsonValue id) {
        if (id == null) {
            return null;
        }
        if (id.isObjectId()) {
            return id.asObjectId().getValue().toHexString();
        }
        if (id.isString()) {
            return id.asString().getValue();
        }
        String json = new BsonDocument("v", id).toJson(RELAXED);
        return json.substring(json.indexOf(':') + 1, json.length() - 1).trim();
    }
}
