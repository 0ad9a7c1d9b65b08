package aom.migration.cli;

import aom.migration.bundle.ClosureRecord;
import aom.migration.model.ExtractionProfile;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata closure of a bundle as a tree for people: the documents that others belong to (modules), their
 * children (classes, module jars), and the children's children as counts (attributes, jar chunks). Built from
 * {@code metadata/_keys.jsonl} and the profile's labels only, so it knows nothing about ApiOmat's collections.
 */
final class BundleTree {

    /** One node: its label ({@code module}), description ({@code Basics 1.0.0}), flags and children. */
    record Node(String label, String description, boolean shared, List<Node> children, Map<String, Long> counts) {
    }

    private BundleTree() {
    }

    static List<Node> build(List<ClosureRecord> records, ExtractionProfile profile) {
        Map<String, List<ClosureRecord>> childrenOf = new LinkedHashMap<>();
        for (ClosureRecord record : records) {
            if (record.parentCollection() != null && record.parentId() != null) {
                childrenOf.computeIfAbsent(key(record.parentCollection(), record.parentId()), k -> new ArrayList<>())
                        .add(record);
            }
        }
        List<Node> roots = new ArrayList<>();
        for (ClosureRecord record : records) {
            List<ClosureRecord> children = childrenOf.getOrDefault(key(record.collection(), record.id()), List.of());
            if (record.parentCollection() == null && !children.isEmpty()) {
                List<Node> childNodes = new ArrayList<>();
                for (ClosureRecord child : children) {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (ClosureRecord grandchild : childrenOf.getOrDefault(key(child.collection(), child.id()),
                            List.of())) {
                        counts.merge(profile.label(grandchild.collection()), 1L, Long::sum);
                    }
                    childNodes.add(new Node(profile.label(child.collection()), child.description(), child.shared(),
                            List.of(), counts));
                }
                roots.add(new Node(profile.label(record.collection()), record.description(), record.shared(),
                        childNodes, Map.of()));
            }
        }
        return roots;
    }

    static void print(List<Node> roots, java.io.PrintWriter out) {
        for (Node root : roots) {
            out.println("  " + root.label() + " " + root.description() + (root.shared() ? " (shared)" : ""));
            for (Node child : root.children()) {
                StringBuilder line = new StringBuilder("    " + child.label() + " " + child.description());
                if (!child.counts().isEmpty()) {
                    List<String> counts = new ArrayList<>();
                    child.counts().forEach((label, count) -> counts.add(count + " "
                            + (count == 1 ? label : Sizes.plural(label))));
                    line.append(" (").append(String.join(", ", counts)).append(')');
                }
                out.println(line);
            }
        }
    }

    private static String key(String collection, BsonValue id) {
        return collection + "\0" + id.toString();
    }
}
