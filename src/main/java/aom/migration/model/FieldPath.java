package aom.migration.model;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A field path of the extraction profile, used to read reference values and to rewrite them when ids are remapped.
 *
 * <p>Syntax: dotted segments ({@code metadata.moduleId}); a segment ending in {@code []} stands for every element of
 * an array ({@code memberIds[]}); a segment {@code *} stands for every value of an embedded document
 * ({@code usedModules.*[]}: every entry of every system's list). Missing fields and {@code null} values are skipped:
 * they are not references. A {@code []} segment that finds a single value instead of an array treats it as a
 * one-element list, because old ApiOmat versions stored single values where newer ones store lists.
 */
public final class FieldPath {

    private final String text;
    private final List<Segment> segments;

    private record Segment(String name, boolean wildcard, boolean array) {
    }

    private FieldPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException when a segment is empty or malformed
     */
    public static FieldPath parse(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A field path must not be empty");
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            boolean array = part.endsWith("[]");
            String name = array ? part.substring(0, part.length() - 2) : part;
            if (name.isEmpty() || name.contains("[") || name.contains("]")) {
                throw new IllegalArgumentException("The field path '" + path + "' has an empty or malformed segment '"
                        + part + "'");
            }
            segments.add(new Segment(name, name.equals("*"), array));
        }
        return new FieldPath(path, List.copyOf(segments));
    }

    /** The top-level field the path starts with: what a projection must include to read it. */
    public String topLevelField() {
        Segment first = segments.get(0);
        if (first.wildcard()) {
            throw new IllegalStateException("The field path '" + text + "' starts with '*'");
        }
        return first.name();
    }

    /**
     * The dotted path a MongoDB query can match on ({@code memberIds}, {@code metadata.moduleId}; queries match
     * array elements by themselves), or {@code null} when the path has a {@code *} segment.
     */
    public String queryPath() {
        StringBuilder path = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.wildcard()) {
                return null;
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(segment.name());
        }
        return path.toString();
    }

    /** Every non-null value at this path, in document order. */
    public List<BsonValue> get(BsonDocument document) {
        List<BsonValue> found = new ArrayList<>();
        collect(document, 0, found);
        return found;
    }

    /** The first non-null value at this path, or {@code null}. */
    public BsonValue first(BsonDocument document) {
        List<BsonValue> values = get(document);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Replaces every non-null value at this path in place with what {@code replacement} returns for it; returning the
     * same value leaves it unchanged.
     *
     * @return how many values were changed
     */
    public int replace(BsonDocument document, UnaryOperator<BsonValue> replacement) {
        return replace(document, 0, replacement);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private void collect(BsonDocument document, int index, List<BsonValue> found) {
        Segment segment = segments.get(index);
        for (BsonValue value : values(document, segment)) {
            for (BsonValue element : elements(value, segment)) {
                if (index == segments.size() - 1) {
                    if (!element.isNull()) {
                        found.add(element);
                    }
                } else if (element.isDocument()) {
                    collect(element.asDocument(), index + 1, found);
                }
            }
        }
    }

    private int replace(BsonDocument document, int index, UnaryOperator<BsonValue> replacement) {
        Segment segment = segments.get(index);
        List<String> names = segment.wildcard() ? new ArrayList<>(document.keySet())
                : document.containsKey(segment.name()) ? List.of(segment.name()) : List.of();
        int changed = 0;
        for (String name : names) {
            BsonValue value = document.get(name);
            if (segment.array() && value.isArray()) {
                BsonArray array = value.asArray();
                for (int i = 0; i < array.size(); i++) {
                    BsonValue element = array.get(i);
                    if (index == segments.size() - 1) {
                        BsonValue next = mapped(element, replacement);
                        if (next != element) {
                            array.set(i, next);
                            changed++;
                        }
                    } else if (element.isDocument()) {
                        changed += replace(element.asDocument(), index + 1, replacement);
                    }
                }
            } else if (index == segments.size() - 1) {
                BsonValue next = mapped(value, replacement);
                if (next != value) {
                    document.put(name, next);
                    changed++;
                }
            } else if (value.isDocument()) {
                changed += replace(value.asDocument(), index + 1, replacement);
            }
        }
        return changed;
    }

    private static BsonValue mapped(BsonValue value, UnaryOperator<BsonValue> replacement) {
        if (value.isNull()) {
            return value;
        }
        BsonValue next = Objects.requireNonNull(replacement.apply(value), "a replacement must not be null");
        return next.equals(value) ? value : next;
    }

    private static List<BsonValue> values(BsonDocument document, Segment segment) {
        if (segment.wildcard()) {
            return new ArrayList<>(document.values());
        }
        BsonValue value = document.get(segment.name());
        return value == null ? List.of() : List.of(value);
    }

    private static List<BsonValue> elements(BsonValue value, Segment segment) {
        if (segment.array() && value.isArray()) {
            return value.asArray().getValues();
        }
        return Collections.singletonList(value);
    }
}
