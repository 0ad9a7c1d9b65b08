package aom.migration.model;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A JSON object of one of the tool's own files (the bundle's manifest, an extraction profile), read with typed
 * accessors that name the offending field in their messages, and written back pretty-printed. Parsed and written by
 * the BSON library's JSON reader and writer, which the driver has loaded anyway: Jackson's object mapper took a
 * fresh JVM a few hundred milliseconds of class loading and introspection for each of these small files, on the
 * critical path of every export, import and preview.
 *
 * <p>Absent fields and JSON {@code null} read as absent (the accessors' defaults); a field of the wrong type is an
 * {@link IllegalArgumentException} naming its path.
 */
public final class JsonObject {

    private static final JsonWriterSettings PRETTY = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).indentCharacters("  ").newLineCharacters("\n").build();

    private static final JsonWriterSettings PRETTY_LINE = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .build();

    /** Far more than any of the tool's files needs, far less than would exhaust a thread's stack. */
    static final int MAX_DEPTH = 64;

    private final BsonDocument document;
    private final String path;

    private JsonObject(BsonDocument document, String path) {
        this.document = document;
        this.path = path;
    }

    /**
     * Parses {@code json}, which must hold one JSON object.
     *
     * @throws IllegalArgumentException with the parser's description of what is wrong
     */
    public static JsonObject parse(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        int depth = depth(text);
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("it nests objects and arrays " + depth + " levels deep; at most "
                    + MAX_DEPTH + " are allowed");
        }
        try {
            return new JsonObject(BsonDocument.parse(text), "");
        } catch (RuntimeException e) {
            // The parser's own exceptions (JsonParseException, BsonInvalidOperationException, number formats):
            // whatever it is, the text is not the JSON object expected.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** How deeply objects and arrays nest, outside strings: the parser recurses once per level. */
    private static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    /** Writes {@code document} as indented JSON in UTF-8, numbers as plain numbers. */
    public static byte[] write(BsonDocument document) {
        return document.toJson(PRETTY).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the field is there and not {@code null}. */
    public boolean has(String name) {
        BsonValue value = document.get(name);
        return value != null && !value.isNull();
    }

    /** The field's text, or null when it is absent. */
    public String string(String name) {
        BsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw wrongType(name, "a string");
        }
        return value.asString().getValue();
    }

    /** The field as a whole number that fits an {@code int}, or {@code absent}. */
    public int int32(String name, int absent) {
        long value = int64(name, absent);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw wrongType(name, "a whole number of at most " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /** The field as a whole number, or {@code absent}. */
    public long int64(String name, long absent) {
        BsonValue value = value(name);
        if (value == null) {
            return absent;
        }
        return switch (value.getBsonType()) {
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case DOUBLE -> {
                double number = value.asDouble().getValue();
                if (number != Math.rint(number) || Math.abs(number) > 1L << 53) {
                    throw wrongType(name, "a whole number");
                }
                yield (long) number;
            }
            default -> throw wrongType(name, "a whole number");
        };
    }

    /** The field as true or false, or {@code absent}. */
    public boolean bool(String name, boolean absent) {
        BsonValue value = value(name);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return value.asBoolean().getValue();
    }

    /** The embedded object, or null when it is absent. */
    public JsonObject object(String name) {
        BsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isDocument()) {
            throw wrongType(name, "an object");
        }
        return new JsonObject(value.asDocument(), pathOf(name));
    }

    /** The array of strings, or null when it is absent. */
    public List<String> strings(String name) {
        return list(name, (element, at) -> {
            if (!element.isString()) {
                throw new IllegalArgumentException("'" + at + "' must be a string");
            }
            return element.asString().getValue();
        });
    }

    /** The array of objects, or null when it is absent. */
    public List<JsonObject> objects(String name) {
        return list(name, (element, at) -> {
            if (!element.isDocument()) {
                throw new IllegalArgumentException("'" + at + "' must be an object");
            }
            return new JsonObject(element.asDocument(), at);
        });
    }

    /** The object as a map of its fields' values read by {@code read}, in order, or null when it is absent. */
    public <T> Map<String, T> map(String name, Function<Field, T> read) {
        JsonObject object = object(name);
        if (object == null) {
            return null;
        }
        Map<String, T> map = new LinkedHashMap<>();
        for (String key : object.document.keySet()) {
            map.put(key, read.apply(new Field(object, key)));
        }
        return map;
    }

    /**
     * Refuses fields other than {@code known}, for files people write by hand, where a misspelt field would otherwise
     * be ignored without a word.
     */
    public void rejectUnknown(Set<String> known) {
        for (String key : document.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown field '" + pathOf(key) + "' (known fields: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** The field's value as JSON text, for messages; empty when it is absent. */
    public String describe(String name) {
        BsonValue value = document.get(name);
        if (value == null) {
            return "";
        }
        if (value.isString()) {
            return value.asString().getValue();
        }
        String json = new BsonDocument("v", value).toJson(PRETTY_LINE);
        return json.substring(json.indexOf(':') + 1, json.length() - 1).trim();
    }

    /** Where this object is in the file, dotted; empty at the top. */
    public String path() {
        return path;
    }

    /** One field of an object, for {@link #map}. */
    public record Field(JsonObject owner, String name) {

        public String string() {
            String value = owner.string(name);
            if (value == null) {
                throw owner.wrongType(name, "a string");
            }
            return value;
        }

        public long int64() {
            if (!owner.has(name)) {
                throw owner.wrongType(name, "a whole number");
            }
            return owner.int64(name, 0);
        }

        public JsonObject object() {
            JsonObject value = owner.object(name);
            if (value == null) {
                throw owner.wrongType(name, "an object");
            }
            return value;
        }
    }

    private interface ElementReader<T> {
        T read(BsonValue element, String at);
    }

    private <T> List<T> list(String name, ElementReader<T> read) {
        BsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array");
        }
        BsonArray array = value.asArray();
        List<T> list = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            list.add(read.read(array.get(i), pathOf(name) + "[" + i + "]"));
        }
        return list;
    }

    private BsonValue value(String name) {
        BsonValue value = document.get(name);
        return value == null || value.getBsonType() == BsonType.NULL ? null : value;
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private IllegalArgumentException wrongType(String name, String expected) {
        return new IllegalArgumentException("'" + pathOf(name) + "' must be " + expected);
    }

    /** Builds the documents that {@link #write} writes: fields in the order added, nulls left out. */
    public static final class Builder {

        private final BsonDocument document = new BsonDocument();

        public Builder put(String name, String value) {
            if (value != null) {
                document.put(name, new BsonString(value));
            }
            return this;
        }

        /** Puts {@code value}, or JSON {@code null} when there is none. */
        public Builder putOrNull(String name, String value) {
            document.put(name, value == null ? BsonNull.VALUE : new BsonString(value));
            return this;
        }

        public Builder put(String name, long value) {
            document.put(name, value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                    ? new BsonInt32((int) value) : new BsonInt64(value));
            return this;
        }

        public Builder put(String name, boolean value) {
            document.put(name, BsonBoolean.valueOf(value));
            return this;
        }

        public Builder put(String name, BsonDocument value) {
            if (value != null) {
                document.put(name, value);
            }
            return this;
        }

        public Builder strings(String name, List<String> values) {
            if (values != null) {
                BsonArray array = new BsonArray();
                values.forEach(value -> array.add(new BsonString(value)));
                document.put(name, array);
            }
            return this;
        }

        public Builder documents(String name, List<BsonDocument> values) {
            if (values != null) {
                document.put(name, new BsonArray(values));
            }
            return this;
        }

        public BsonDocument build() {
            return document;
        }
    }
}
