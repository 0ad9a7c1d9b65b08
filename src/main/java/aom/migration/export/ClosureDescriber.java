package aom.migration.export;

import aom.migration.bundle.ClosureRecord;
import aom.migration.export.ClosureGraph.Edge;
import aom.migration.export.ClosureGraph.Link;
import aom.migration.export.ClosureGraph.Node;
import aom.migration.export.CompiledProfile.IdReference;
import aom.migration.export.CompiledProfile.Spec;
import aom.migration.model.ExtractionProfile.Ownership;
import aom.migration.model.FieldPath;
import aom.migration.model.NaturalKeys;
import org.bson.BsonValue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the walked graph into what the bundle records: each document's natural key (reference fields in a key
 * resolved to the referenced document's key), whether it is shared, a short description for people, why it is in,
 * and the warnings: dangling references, and documents that must be declared (modules) but were only pulled in
 * through an id reference.
 */
final class ClosureDescriber {

    private static final int MAX_DEPTH = 16;

    private final CompiledProfile profile;
    private final ClosureGraph graph;
    private final NaturalKeys keys;
    private final Map<Node, String> descriptions = new HashMap<>();
    private final Map<Node, Boolean> shared = new HashMap<>();

    ClosureDescriber(CompiledProfile profile, ClosureGraph graph) {
        this.profile = profile;
        this.graph = graph;
        this.keys = new NaturalKeys(profile.profile(), (collection, id) -> {
            Node node = graph.find(collection, id);
            return node == null ? null : node.fields;
        });
    }

    MetadataClosure describe() {
        Node seed = graph.seed();
        String appName = description(seed);
        String displayField = profile.profile().application().displayNameField();
        BsonValue display = displayField == null ? null : FieldPath.parse(displayField).first(seed.fields);
        Map<String, List<ClosureRecord>> records = new LinkedHashMap<>();
        graph.nodes().forEach((collection, nodes) -> {
            List<ClosureRecord> list = new ArrayList<>();
            for (Node node : nodes.values()) {
                list.add(record(node));
            }
            records.put(collection, list);
        });
        List<String> warnings = new ArrayList<>(graph.notes());
        for (ClosureGraph.Dangling dangling : graph.dangling()) {
            warnings.add(label(dangling.from()) + " " + description(dangling.from()) + ": " + dangling.path()
                    + " refers to " + profile.spec(dangling.targetCollection()).label() + " "
                    + shortValue(dangling.value()) + ", which does not exist; the reference is kept as it is");
        }
        warnings.addAll(undeclared(appName));
        return new MetadataClosure(profile.database(), appName,
                display != null && display.isString() ? display.asString().getValue() : appName, records, warnings);
    }

    private ClosureRecord record(Node node) {
        Spec spec = profile.spec(node.collection);
        Node parent = parent(node);
        BsonValue parentId = spec.parent() == null ? null : spec.parent().first(node.fields);
        return new ClosureRecord(node.collection, node.id, keys.keyOf(node.collection, node.fields),
                shared(node, 0), spec.parentTarget(), parent != null ? parent.id : parentId, description(node),
                via(node));
    }

    private boolean shared(Node node, int depth) {
        Boolean known = shared.get(node);
        if (known != null) {
            return known;
        }
        Spec spec = profile.spec(node.collection);
        boolean result;
        if (spec.spec().owner() == Ownership.SHARED) {
            result = true;
        } else if (spec.spec().owner() == Ownership.PARENT) {
            Node parent = parent(node);
            result = parent != null && depth < MAX_DEPTH && shared(parent, depth + 1);
        } else {
            BsonValue flag = spec.sharedWhen() == null ? null : spec.sharedWhen().first(node.fields);
            result = flag != null && flag.isBoolean() && flag.asBoolean().getValue();
        }
        shared.put(node, result);
        return result;
    }

    private Node parent(Node node) {
        Spec spec = profile.spec(node.collection);
        if (spec.parent() == null) {
            return null;
        }
        return graph.find(spec.parentTarget(), spec.parent().first(node.fields));
    }

    /** {@code Venues 1.0.0}, {@code Session}, {@code ConferenceCore 2.1.0 #0} for a jar chunk. */
    String description(Node node) {
        String known = descriptions.get(node);
        if (known != null) {
            return known;
        }
        descriptions.put(node, String.valueOf(node.id));
        Spec spec = profile.spec(node.collection);
        List<String> plain = new ArrayList<>();
        String referenced = null;
        boolean numeric = true;
        for (int i = 0; i < spec.key().size(); i++) {
            BsonValue value = spec.key().get(i).first(node.fields);
            IdReference reference = spec.referenceFor(spec.keyNames().get(i));
            if (reference != null) {
                Node target = value == null ? null : graph.find(reference.target(), value);
                if (referenced == null && target != null) {
                    referenced = description(target);
                }
            } else if (value != null) {
                plain.add(text(value));
                numeric &= value.isNumber();
            }
        }
        String result;
        if (plain.isEmpty()) {
            result = referenced != null ? referenced : shortValue(node.id);
        } else if (numeric && referenced != null) {
            result = referenced + " #" + String.join(" ", plain);
        } else {
            result = String.join(" ", plain);
        }
        descriptions.put(node, result);
        return result;
    }

    private String via(Node node) {
        Link cause = node.cause;
        return switch (cause.kind()) {
            case SEED -> "the application";
            case CHILD -> "belongs to " + label(cause.from()) + " " + description(cause.from());
            case ID, KEY -> "referenced by " + label(cause.from()) + " " + description(cause.from()) + " ("
                    + cause.path() + ")";
        };
    }

    /** Documents that must be declared (through {@code declaredThrough} key references) but are not. */
    private List<String> undeclared(String appName) {
        Set<Node> declared = new HashSet<>();
        Deque<Node> queue = new ArrayDeque<>();
        graph.nodes().forEach((collection, nodes) -> {
            if (!profile.spec(collection).needsDeclaration()) {
                queue.addAll(nodes.values());
            }
        });
        Map<Node, List<Node>> declares = new HashMap<>();
        for (Edge edge : graph.edges()) {
            if (edge.link().declaring()) {
                declares.computeIfAbsent(edge.link().from(), k -> new ArrayList<>()).add(edge.to());
            }
        }
        while (!queue.isEmpty()) {
            for (Node target : declares.getOrDefault(queue.poll(), List.of())) {
                if (declared.add(target)) {
                    queue.add(target);
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        graph.nodes().forEach((collection, nodes) -> {
            if (profile.spec(collection).needsDeclaration()) {
                for (Node node : nodes.values()) {
                    if (!declared.contains(node)) {
                        warnings.add(label(node) + " " + description(node) + " is not declared by " + appName
                                + ", but " + referrer(node) + "; included as a dependency");
                    }
                }
            }
        });
        return warnings;
    }

    /** Who pulled an undeclared document in: "class Session refers to its class Room". */
    private String referrer(Node node) {
        Link cause = node.cause;
        if (cause.from() == null) {
            return "it is part of the closure";
        }
        Node via = cause.from();
        if (parent(via) == node && via.cause.from() != null) {
            Node outside = via.cause.from();
            for (int depth = 0; depth < MAX_DEPTH && !outside.collection.equals(via.collection); depth++) {
                Node up = parent(outside);
                if (up == null) {
                    break;
                }
                outside = up;
            }
            return label(outside) + " " + description(outside) + " refers to its " + label(via) + " "
                    + description(via);
        }
        return label(via) + " " + description(via) + " refers to it through " + cause.path();
    }

    private String label(Node node) {
        return profile.spec(node.collection).label();
    }

    private static String text(BsonValue value) {
        if (value.isString()) {
            return value.asString().getValue();
        }
        if (value.isInt32()) {
            return Integer.toString(value.asInt32().getValue());
        }
        if (value.isInt64()) {
            return Long.toString(value.asInt64().getValue());
        }
        return shortValue(value);
    }

    private static String shortValue(BsonValue value) {
        if (value.isObjectId()) {
            return value.asObjectId().getValue().toHexString();
        }
        if (value.isString()) {
            return "'" + value.asString().getValue() + "'";
        }
        if (value.isDocument()) {
            return value.asDocument().toJson();
        }
        return value.toString();
    }
}
