package aom.migration.restore;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A field path of the extraction profile ({@code ownerId}, {@code memberIds[]}, {@code metadata.moduleId},
 * {@code usedModules.*[]}): dotted segments, {@code []} for every element of an array, {@code *} for every value of
 * an embedded document. Reads the values a path reaches and replaces them in place (to remap references).
 *
 * <p>Package-private on purpose: the export has its own path helper; both follow the profile's Javadoc and will be
 * unified when the branches meet.
 */
final class FieldPath {

    private record Segment(String name, boolean wildcard, boolean array) {
    }

    private final String text;
    private final List<Segment> segments;

    private FieldPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    static FieldPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An empty field path");
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.split("\\.")) {
            boolean array = part.endsWith("[]");
            String name = array ? part.substring(0, part.length() - 2) : part;
            if (name.isEmpty()) {
                throw new IllegalArgumentException("The field path '" + text + "' has an empty segment");
            }
            segments.add(new Segment(name, name.equals("*"), array));
        }
        return new FieldPath(text, List.copyOf(segments));
    }

    /** Every value the path reaches in {@code document}, in document order; empty when the path is absent. */
    List<BsonValue> values(BsonDocument document) {
        List<BsonValue> found = new ArrayList<>();
        collect(document, 0, found);
        return found;
    }

    /** The first value the path reaches, or {@code null}. */
    BsonValue first(BsonDocument document) {
        List<BsonValue> values = values(document);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Replaces every value the path reaches by {@code replacement}'s answer. The document must be mutable (not a
     * {@code RawBsonDocument}); field order is kept.
     *
     * @return whether any value changed
     */
    boolean replace(BsonDocument document, UnaryOperator<BsonValue> replacement) {
        boolean[] changed = {false};
        replaceIn(document, 0, replacement, changed);
        return changed[0];
    }

    /**
     * The longest plain prefix of the path (no {@code *}, no array step), usable in a query projection; it covers
     * every value the path can reach.
     */
    String projection() {
        StringBuilder prefix = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.wildcard()) {
                break;
            }
            if (!prefix.isEmpty()) {
                prefix.append('.');
            }
            prefix.append(segment.name());
            if (segment.array()) {
                break;
            }
        }
        return prefix.toString();
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
        return Objects.hash(text);
    }

    private void collect(BsonValue node, int index, List<BsonValue> found) {
        if (index == segments.size()) {
            found.add(node);
            return;
        }
        if (!node.isDocument()) {
            return;
        }
        Segment segment = segments.get(index);
        BsonDocument document = node.asDocument();
        for (String name : names(document, segment)) {
            BsonValue child = document.get(name);
            if (child == null) {
                continue;
            }
            if (segment.array() && child.isArray()) {
                for (BsonValue element : child.asArray()) {
                    collect(element, index + 1, found);
                }
            } else {
                collect(child, index + 1, found);
            }
        }
    }

    private void replaceIn(BsonDocument document, int index, UnaryOperator<BsonValue> replacement, boolean[] changed) {
        Segment segment = segments.get(index);
        for (String name : names(document, segment)) {
            BsonValue child = document.get(name);
            if (child == null) {
                continue;
            }
            if (segment.array() && child.isArray()) {
                BsonArray array = child.asArray();
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, descend(array.get(i), index, replacement, changed));
                }
            } else {
                document.put(name, descend(child, index, replacement, changed));
            }
        }
    }

    private BsonValue descend(BsonValue value, int index, UnaryOperator<BsonValue> replacement, boolean[] changed) {
        if (index == segments.size() - 1) {
            BsonValue replaced = replacement.apply(value);
            if (!replaced.equals(value)) {
                changed[0] = true;
            }
            return replaced;
        }
        if (value.isDocument()) {
            replaceIn(value.asDocument(), index + 1, replacement, changed);
        }
        return value;
    }

    private static List<String> names(BsonDocument document, Segment segment) {
        return segment.wildcard() ? new ArrayList<>(document.keySet()) : List.of(segment.name());
    }
}
