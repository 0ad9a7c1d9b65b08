package aom.migration.restore;

import aom.migration.model.ExtractionProfile.CollectionSpec;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the natural key of metadata documents as the profile defines it. A reference field in a key stands for
 * the referenced document's own key ({@code metamodels: [moduleId, name]} becomes
 * {@code [["ConferenceCore", "2.1.0"], "Person"]}), so keys are equal across installations whose ids differ.
 */
final class NaturalKeys {

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();
    private static final int MAX_DEPTH = 16;

    private final MetadataIndex index;
    private final Map<String, Map<BsonValue, BsonArray>> cache = new HashMap<>();

    NaturalKeys(MetadataIndex index) {
        this.index = index;
    }

    /** The key of a document of {@code collection}. */
    BsonArray key(String collection, BsonDocument document) {
        return key(collection, document, 0);
    }

    /** A stable text form of a key, for maps and comparisons. */
    static String text(BsonArray key) {
        return new BsonDocument("k", key).toJson(CANONICAL);
    }

    /** The key for people: {@code ConferenceCore 2.1.0 / Person / email}. */
    static String readable(BsonArray key) {
        List<String> levels = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (BsonValue component : key) {
            if (component.isArray()) {
                levels.add(readable(component.asArray()));
            } else {
                plain.add(scalar(component));
            }
        }
        if (!plain.isEmpty()) {
            levels.add(String.join(" ", plain));
        }
        return String.join(" / ", levels);
    }

    private BsonArray key(String collection, BsonDocument document, int depth) {
        BsonValue id = document.get("_id");
        Map<BsonValue, BsonArray> known = cache.computeIfAbsent(collection, c -> new HashMap<>());
        BsonArray cached = id == null ? null : known.get(id);
        if (cached != null) {
            return cached;
        }
        CollectionSpec spec = index.spec(collection);
        BsonArray key = new BsonArray();
        for (String field : spec.key()) {
            BsonValue value = MetadataIndex.path(field).first(document);
            String referenced = spec.references().get(field);
            if (referenced != null && value != null) {
                BsonDocument target = index.get(referenced, value);
                if (target != null && depth < MAX_DEPTH) {
                    key.add(key(referenced, target, depth + 1));
                } else {
                    key.add(new BsonDocument("unresolved", value));
                }
            } else {
                key.add(value == null ? BsonNull.VALUE : value);
            }
        }
        if (id != null) {
            known.put(id, key);
        }
        return key;
    }

    private static String scalar(BsonValue value) {
        if (value.isString()) {
            return value.asString().getValue();
        }
        if (value.isDocument() && value.asDocument().containsKey("unresolved")) {
            return "<missing " + scalar(value.asDocument().get("unresolved")) + ">";
        }
        if (value.isObjectId()) {
            return value.asObjectId().getValue().toHexString();
        }
        if (value.isNumber()) {
            return value.isInt32() ? String.valueOf(value.asInt32().getValue())
                    : value.isInt64() ? String.valueOf(value.asInt64().getValue())
                    : String.valueOf(value.asNumber().doubleValue());
        }
        if (value.isNull()) {
            return "<none>";
        }
        return new BsonDocument("v", value).toJson(CANONICAL).replaceFirst("^\\{\"v\": ", "").replaceFirst("}$", "");
    }
}
