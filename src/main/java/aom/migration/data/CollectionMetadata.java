package aom.migration.data;

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
import java.util.Set;

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

    /** Options old dumps carry that a {@code create} command must not get (see {@link #createOptions()}). */
    private static final Set<String> NOT_CREATE_OPTIONS = Set.of("create", "flags", "autoIndexId");

    public CollectionMetadata {
        options = options == null ? new BsonDocument() : options;
        // Dumps before tools 100.6 write no type; a view still shows itself by its viewOn option.
        type = type == null || type.isEmpty() ? options.containsKey("viewOn") ? "view" : "collection" : type;
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

    /**
     * The options to pass to a {@code create} command (after {@code create: <name>}): {@link #options()} without
     * what old dumps carry that a current server refuses. 2.x dumps put {@code create} (the old name) and
     * {@code flags} (storage flags of the MMAPv1 engine) into the options, and {@code autoIndexId} is refused when
     * false since 4.0 and altogether since 8.2, while every collection gets its {@code _id} index anyway.
     * Everything else (validators, collation, capped, {@code viewOn}/{@code pipeline} of a view, ...) is kept.
     */
    public BsonDocument createOptions() {
        BsonDocument clean = new BsonDocument();
        options.forEach((option, value) -> {
            if (!NOT_CREATE_OPTIONS.contains(option)) {
                clean.put(option, value);
            }
        });
        return clean;
    }

    /**
     * The secondary index specifications to pass to {@code createIndexes}, as mongorestore passes them: without
     * {@code ns} (dumps before 4.2 name the source namespace there, a field newer servers refuse) and
     * without the index version {@code v}, so the target builds its own current version (a legacy {@code v: 0}
     * index cannot be built by any server since 3.4). Everything else (unique, sparse, TTL, partial filter,
     * collation, 2dsphere version, ...) is kept as recorded.
     */
    public List<BsonDocument> createIndexSpecs() {
        List<BsonDocument> specs = new ArrayList<>();
        for (BsonDocument index : secondaryIndexes()) {
            BsonDocument spec = index.clone();
            spec.remove("ns");
            spec.remove("v");
            specs.add(spec);
        }
        return specs;
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
