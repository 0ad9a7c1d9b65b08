package aom.migration.bundle;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A collection's definition in mongodump's {@code <collection>.metadata.json} shape: options, indexes, UUID, name
 * and type. Reads every shape mongodump has written (2.x without options, 3.x with {@code ns} in index specs, 4.2+
 * canonical Extended JSON, 100.x with {@code collectionName} and {@code type}) and keeps fields it does not know,
 * so a round trip loses nothing.
 *
 * @param collectionName the collection's name, or {@code null} when the file does not say (older dumps)
 * @param type           {@code collection}, {@code view} or {@code timeseries}
 * @param options        the collection options ({@code viewOn}/{@code pipeline} for views, validators, ...)
 * @param indexes        index specifications as {@code listIndexes} returns them
 * @param uuid           the collection UUID as 32 hex digits, or {@code null}
 * @param unknown        top-level fields this class does not model, kept as they were
 */
public record CollectionMetadata(
        String collectionName,
        String type,
        BsonDocument options,
        List<BsonDocument> indexes,
        String uuid,
        BsonDocument unknown) {

    public CollectionMetadata {
        type = type == null || type.isEmpty() ? "collection" : type;
        options = options == null ? new BsonDocument() : options;
        indexes = List.copyOf(indexes == null ? List.of() : indexes);
        unknown = unknown == null ? new BsonDocument() : unknown;
    }

    /**
     * Parses a {@code metadata.json} text.
     *
     * @param origin names the file in error messages
     * @throws CorruptDataException when the text is not a JSON object of the expected shape
     */
    public static CollectionMetadata parse(String json, String origin) {
        BsonDocument document;
        try {
            document = BsonDocument.parse(json);
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new CorruptDataException(origin + " is not valid collection metadata JSON: " + e.getMessage(), e);
        }
        BsonDocument unknown = document.clone();
        String name = string(unknown.remove("collectionName"), origin, "collectionName");
        String type = string(unknown.remove("type"), origin, "type");
        String uuid = string(unknown.remove("uuid"), origin, "uuid");
        BsonValue options = unknown.remove("options");
        if (options != null && !options.isDocument() && !options.isNull()) {
            throw new CorruptDataException(origin + ": 'options' must be a JSON object");
        }
        BsonValue indexes = unknown.remove("indexes");
        List<BsonDocument> specs = new ArrayList<>();
        if (indexes != null && !indexes.isNull()) {
            if (!indexes.isArray()) {
                throw new CorruptDataException(origin + ": 'indexes' must be a JSON array");
            }
            for (BsonValue index : indexes.asArray()) {
                if (!index.isDocument() || !index.asDocument().containsKey("key")) {
                    throw new CorruptDataException(origin + ": every index needs a 'key' object");
                }
                specs.add(index.asDocument());
            }
        }
        return new CollectionMetadata(name, type, options == null || options.isNull() ? null : options.asDocument(),
                specs, uuid, unknown);
    }

    /** mongodump's canonical Extended JSON form, readable by mongorestore 100.x and by {@link #parse}. */
    public String toJson() {
        BsonDocument document = new BsonDocument();
        document.put("indexes", new BsonArray(new ArrayList<>(indexes)));
        if (uuid != null) {
            document.put("uuid", new BsonString(uuid));
        }
        if (collectionName != null) {
            document.put("collectionName", new BsonString(collectionName));
        }
        document.put("type", new BsonString(type));
        document.put("options", options);
        document.putAll(unknown);
        return document.toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build());
    }

    public boolean isView() {
        return "view".equals(type) || options.containsKey("viewOn");
    }

    /** The index specifications without the {@code _id} index, which every collection gets anyway. */
    public List<BsonDocument> secondaryIndexes() {
        return indexes.stream().filter(index -> !"_id_".equals(index.getString("name", new BsonString("")).getValue()))
                .toList();
    }

    public Optional<String> uuidIfKnown() {
        return Optional.ofNullable(uuid);
    }

    private static String string(BsonValue value, String origin, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new CorruptDataException(origin + ": '" + field + "' must be a string");
        }
        return value.asString().getValue();
    }
}
