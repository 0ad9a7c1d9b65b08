package aom.migration.export;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of an application's metadata closure as the walk found them, with how each one got in, every
 * reference between them, and every reference that pointed at nothing.
 */
final class ClosureGraph {

    /** How a document was reached. */
    enum Kind {
        /** The application document itself. */
        SEED,
        /** Through an id reference ({@code ownerId}, {@code refMetaModelId}). */
        ID,
        /** Through a natural-key reference ({@code usedModules}, {@code dependsOn}). */
        KEY,
        /** As a child of an included document ({@code metamodels.moduleId}). */
        CHILD
    }

    /**
     * One way to reach a document.
     *
     * @param from      the referring document ({@code null} for the seed)
     * @param path      the reference field of {@code from}, or of the child for {@link Kind#CHILD}
     * @param kind      how
     * @param declaring whether this is a key reference that declares the target ({@code declaredThrough})
     */
    record Link(Node from, String path, Kind kind, boolean declaring) {
        static final Link SEED = new Link(null, null, Kind.SEED, false);
    }

    /** One included document: its collection, id, the projected fields the closure needs, and its first link. */
    static final class Node {
        final String collection;
        final BsonValue id;
        final BsonDocument fields;
        final Link cause;

        Node(String collection, BsonValue id, BsonDocument fields, Link cause) {
            this.collection = collection;
            this.id = id;
            this.fields = fields;
            this.cause = cause;
        }
    }

    /** A reference between two included documents. */
    record Edge(Link link, Node to) {
    }

    /** A reference that points at nothing: {@code value} in {@code from}'s {@code path}. */
    record Dangling(Node from, String path, String targetCollection, BsonValue value) {
    }

    private final Map<String, Map<BsonValue, Node>> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<Dangling> dangling = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Node seed;

    ClosureGraph(List<String> collections) {
        for (String collection : collections) {
            nodes.put(collection, new LinkedHashMap<>());
        }
    }

    Node seed() {
        return seed;
    }

    Node find(String collection, BsonValue id) {
        Map<BsonValue, Node> byId = nodes.get(collection);
        return byId == null || id == null ? null : byId.get(id);
    }

    /** Adds a document unless it is already in; returns the node either way and records the edge. */
    Node include(String collection, BsonDocument fields, Link link, List<Node> added) {
        BsonValue id = fields.get("_id");
        Node node = find(collection, id);
        if (node == null) {
            node = new Node(collection, id, fields, link);
            nodes.get(collection).put(id, node);
            if (link.kind() == Kind.SEED) {
                seed = node;
            }
            added.add(node);
        }
        if (link.from() != null) {
            edges.add(new Edge(link, node));
        }
        return node;
    }

    /** Records an edge to a document that is already included. */
    void link(Link link, Node to) {
        edges.add(new Edge(link, to));
    }

    void dangling(Node from, String path, String targetCollection, BsonValue value) {
        dangling.add(new Dangling(from, path, targetCollection, value));
    }

    /** A warning that is not about a dangling reference (e.g. a malformed key reference). */
    void note(String warning) {
        notes.add(warning);
    }

    /** The included documents per collection, in the profile's order and the order they were found in. */
    Map<String, Map<BsonValue, Node>> nodes() {
        return nodes;
    }

    List<Edge> edges() {
        return edges;
    }

    List<Dangling> dangling() {
        return dangling;
    }

    List<String> notes() {
        return notes;
    }
}
