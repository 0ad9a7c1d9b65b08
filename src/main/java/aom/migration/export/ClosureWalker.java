package aom.migration.export;

import aom.migration.export.ClosureGraph.Kind;
import aom.migration.export.ClosureGraph.Link;
import aom.migration.export.ClosureGraph.Node;
import aom.migration.export.CompiledProfile.Child;
import aom.migration.export.CompiledProfile.IdReference;
import aom.migration.export.CompiledProfile.KeyLink;
import aom.migration.export.CompiledProfile.Spec;
import aom.migration.mongo.UnknownApplicationException;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks an application's metadata closure (DESIGN.md section 3) in rounds: starting from the application document,
 * each round follows the id references, key references and children of the documents the previous round found,
 * with one {@code $in} query per collection and round, until nothing new turns up. Reads only the fields the
 * profile names (a projection), so module jars are not loaded here.
 */
final class ClosureWalker {

    private static final int IN_BATCH = 1000;

    private final MongoDatabase database;
    private final CompiledProfile profile;
    private final CancellationToken token;

    ClosureWalker(MongoDatabase database, CompiledProfile profile, CancellationToken token) {
        this.database = database;
        this.profile = profile;
        this.token = token;
    }

    /** @throws UnknownApplicationException when the metadata database has no application of that name */
    ClosureGraph walk(String applicationName) {
        ClosureGraph graph = new ClosureGraph(profile.collections());
        List<Node> frontier = new ArrayList<>();
        graph.include(profile.profile().application().collection(), seed(applicationName), Link.SEED, frontier);
        while (!frontier.isEmpty()) {
            token.throwIfCancelled();
            frontier = round(graph, frontier);
        }
        return graph;
    }

    private BsonDocument seed(String applicationName) {
        String collection = profile.profile().application().collection();
        String nameField = profile.profile().application().nameField();
        List<BsonDocument> found = collection(collection)
                .find(new BsonDocument(nameField, new BsonString(applicationName)))
                .projection(Projections.include(profile.spec(collection).projection())).limit(2)
                .into(new ArrayList<>());
        if (found.isEmpty()) {
            List<String> known = new ArrayList<>();
            for (BsonDocument app : collection(collection).find().projection(Projections.include(nameField))) {
                BsonValue name = app.get(nameField);
                if (name != null && name.isString()) {
                    known.add(name.asString().getValue());
                }
            }
            known.sort(String.CASE_INSENSITIVE_ORDER);
            throw new UnknownApplicationException(applicationName, "the metadata database '" + database.getName()
                    + "'", known);
        }
        return found.get(0);
    }

    private List<Node> round(ClosureGraph graph, List<Node> frontier) {
        Map<String, Map<BsonValue, List<Link>>> idRequests = new LinkedHashMap<>();
        Map<String, Map<BsonDocument, List<Link>>> keyRequests = new LinkedHashMap<>();
        Map<Child, Map<BsonValue, Node>> childRequests = new LinkedHashMap<>();
        for (Node node : frontier) {
            Spec spec = profile.spec(node.collection);
            for (IdReference reference : spec.references()) {
                for (BsonValue value : reference.path().get(node.fields)) {
                    idRequests.computeIfAbsent(reference.target(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(value, k -> new ArrayList<>())
                            .add(new Link(node, reference.name(), Kind.ID, false));
                }
            }
            for (KeyLink reference : spec.keyReferences()) {
                for (BsonValue value : reference.path().get(node.fields)) {
                    BsonDocument query = keyQuery(graph, node, reference, value);
                    if (query != null) {
                        keyRequests.computeIfAbsent(reference.reference().collection(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(query, k -> new ArrayList<>())
                                .add(new Link(node, reference.name(), Kind.KEY, reference.declaring()));
                    }
                }
            }
            for (Child child : spec.children()) {
                childRequests.computeIfAbsent(child, k -> new LinkedHashMap<>()).put(node.id, node);
            }
        }
        List<Node> next = new ArrayList<>();
        idRequests.forEach((collection, requests) -> resolveIds(graph, collection, requests, next));
        keyRequests.forEach((collection, requests) -> resolveKeys(graph, collection, requests, next));
        childRequests.forEach((child, parents) -> resolveChildren(graph, child, parents, next));
        return next;
    }

    private void resolveIds(ClosureGraph graph, String collection, Map<BsonValue, List<Link>> requests,
                            List<Node> next) {
        List<BsonValue> wanted = new ArrayList<>();
        requests.forEach((id, links) -> {
            Node known = graph.find(collection, id);
            if (known != null) {
                links.forEach(link -> graph.link(link, known));
            } else {
                wanted.add(id);
            }
        });
        Spec spec = profile.spec(collection);
        for (int from = 0; from < wanted.size(); from += IN_BATCH) {
            token.throwIfCancelled();
            List<BsonValue> batch = wanted.subList(from, Math.min(wanted.size(), from + IN_BATCH));
            BsonDocument filter = new BsonDocument("_id", new BsonDocument("$in", new BsonArray(batch)));
            for (BsonDocument document : collection(collection).find(filter)
                    .projection(Projections.include(spec.projection()))) {
                List<Link> links = requests.get(document.get("_id"));
                if (links == null) {
                    continue;
                }
                Node node = graph.include(collection, document, links.get(0), next);
                links.subList(1, links.size()).forEach(link -> graph.link(link, node));
            }
        }
        for (BsonValue id : wanted) {
            if (graph.find(collection, id) == null) {
                for (Link link : requests.get(id)) {
                    graph.dangling(link.from(), link.path(), collection, id);
                }
            }
        }
    }

    private void resolveKeys(ClosureGraph graph, String collection, Map<BsonDocument, List<Link>> requests,
                             List<Node> next) {
        Spec spec = profile.spec(collection);
        requests.forEach((query, links) -> {
            token.throwIfCancelled();
            List<BsonDocument> found = collection(collection).find(query)
                    .projection(Projections.include(spec.projection())).into(new ArrayList<>());
            if (found.isEmpty()) {
                links.forEach(link -> graph.dangling(link.from(), link.path(), collection, query));
            }
            for (BsonDocument document : found) {
                Node node = graph.include(collection, document, links.get(0), next);
                links.subList(1, links.size()).forEach(link -> graph.link(link, node));
            }
        });
    }

    private void resolveChildren(ClosureGraph graph, Child child, Map<BsonValue, Node> parents, List<Node> next) {
        String queryPath = child.parentPath().queryPath();
        if (queryPath == null) {
            graph.note("The profile's parent field " + child.collection() + "." + child.parentPath()
                    + " cannot be queried (it contains '*'); children were not followed");
            return;
        }
        Spec spec = profile.spec(child.collection());
        List<BsonValue> ids = new ArrayList<>(parents.keySet());
        for (int from = 0; from < ids.size(); from += IN_BATCH) {
            token.throwIfCancelled();
            List<BsonValue> batch = ids.subList(from, Math.min(ids.size(), from + IN_BATCH));
            BsonDocument filter = new BsonDocument(queryPath, new BsonDocument("$in", new BsonArray(batch)));
            for (BsonDocument document : collection(child.collection()).find(filter)
                    .projection(Projections.include(spec.projection()))) {
                Node parent = child.parentPath().get(document).stream().map(parents::get)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (parent != null) {
                    graph.include(child.collection(), document,
                            new Link(parent, child.parentPath().toString(), Kind.CHILD, false), next);
                }
            }
        }
    }

    /** The query that finds what a key-reference value names, or {@code null} (with a note) when it is malformed. */
    private static BsonDocument keyQuery(ClosureGraph graph, Node node, KeyLink reference, BsonValue value) {
        if (!value.isDocument()) {
            graph.note(node.collection + " " + node.id + ": " + reference.name() + " holds " + value
                    + " where the profile expects a key document; ignored");
            return null;
        }
        BsonDocument query = new BsonDocument();
        for (Map.Entry<String, String> field : reference.reference().fields().entrySet()) {
            BsonValue part = value.asDocument().get(field.getKey());
            if (part == null) {
                graph.note(node.collection + " " + node.id + ": " + reference.name() + " entry "
                        + value.asDocument().toJson() + " lacks '" + field.getKey() + "'; ignored");
                return null;
            }
            query.put(field.getValue(), part);
        }
        return query;
    }

    private MongoCollection<BsonDocument> collection(String name) {
        return database.getCollection(name, BsonDocument.class);
    }
}
