package aom.migration.model;

import aom.migration.model.ExtractionProfile.CollectionSpec;
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
 * Computes documents' natural keys as the extraction profile defines them, the same way on the source (export) and
 * on the target (import), so that keys can be compared across installations: the profile's key fields in order,
 * where a key field that is an id reference stands for the referenced document's natural key (a class's key is
 * {@code {moduleId: {name: 'Speakers', version: '1.3.0'}, name: 'Speaker'}}). A reference that points at nothing
 * keeps its raw id. Remembers keys it computed; not thread-safe.
 */
public final class NaturalKeys {

    /** Finds a document by collection and id; returns {@code null} when there is none. */
    @FunctionalInterface
    public interface Lookup {
        BsonDocument find(String collection, BsonValue id);
    }

    private static final int MAX_DEPTH = 16;
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();

    private final ExtractionProfile profile;
    private final Lookup lookup;
    private final Map<String, List<FieldPath>> paths = new HashMap<>();
    private final Map<String, BsonDocument> known = new HashMap<>();

    public NaturalKeys(ExtractionProfile profile, Lookup lookup) {
        this.profile = profile;
        this.lookup = lookup;
    }

    /** The natural key of {@code document}, a document of {@code collection}. */
    public BsonDocument keyOf(String collection, BsonDocument document) {
        return keyOf(collection, document, 0);
    }

    /** A stable text form of a key (canonical Extended JSON), for maps and comparisons across installations. */
    public static String text(BsonDocument key) {
        return key.toJson(CANONICAL);
    }

    /**
     * A key for people: the referenced entity's key first, then this entity's own fields, joined by {@code /}
     * ({@code ConferenceCore 2.1.0 / Person / email}). A reference that pointed at nothing shows its raw id.
     */
    public static String describe(BsonDocument key) {
        List<String> levels = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (BsonValue component : key.values()) {
            if (component.isDocument()) {
                levels.add(describe(component.asDocument()));
            } else {
                plain.add(scalar(component));
            }
        }
        if (!plain.isEmpty()) {
            levels.add(String.join(" ", plain));
        }
        return String.join(" / ", levels);
    }

    private BsonDocument keyOf(String collection, BsonDocument document, int depth) {
        BsonValue id = document.get("_id");
        String memo = id == null ? null : collection + "\0" + id;
        if (memo != null && known.containsKey(memo)) {
            return known.get(memo);
        }
        CollectionSpec spec = profile.collection(collection);
        List<FieldPath> keyPaths = paths.computeIfAbsent(collection,
                c -> spec.key().stream().map(FieldPath::parse).toList());
        BsonDocument key = new BsonDocument();
        for (int i = 0; i < keyPaths.size(); i++) {
            String name = spec.key().get(i);
            BsonValue value = keyPaths.get(i).first(document);
            String target = spec.references().get(name);
            if (value != null && target != null && depth < MAX_DEPTH) {
                BsonDocument referenced = lookup.find(target, value);
                key.put(name, referenced == null ? value : keyOf(target, referenced, depth + 1));
            } else {
                key.put(name, value == null ? BsonNull.VALUE : value);
            }
        }
        if (memo != null) {
            known.put(memo, key);
        }
        return key;
    }

    private static String scalar(BsonValue value) {
        if (value.isString()) {
            return value.asString().getValue();
        }
        if (value.isObjectId()) {
            return value.asObjectId().getValue().toHexString();
        }
        if (value.isInt32()) {
            return String.valueOf(value.asInt32().getValue());
        }
        if (value.isInt64()) {
            return String.valueOf(value.asInt64().getValue());
        }
        if (value.isNull()) {
            return "<none>";
        }
        String json = new BsonDocument("v", value).toJson(CANONICAL);
        return json.substring(json.indexOf(':') + 1, json.length() - 1).trim();
    }
}
