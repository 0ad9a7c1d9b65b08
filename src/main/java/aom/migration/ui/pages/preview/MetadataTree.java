package aom.migration.ui.pages.preview;

import aom.migration.bundle.ClosureRecord;
import aom.migration.model.ExtractionProfile;
import aom.migration.ui.Messages;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Arranges a bundle's closure as the tree a support engineer expects: the application at the top, its customers,
 * plan and modules under it, each module's classes and jars under the module, each class's attributes under the
 * class. Works from the records' parents and the profile's labels, so another profile gives its own tree.
 */
public final class MetadataTree {

    private final ExtractionProfile profile;
    private final List<String> order;

    private MetadataTree(ExtractionProfile profile) {
        this.profile = profile;
        this.order = new ArrayList<>(profile.collections().keySet());
    }

    /** The tree of {@code records}, or empty when the bundle holds no metadata. */
    public static Optional<MetadataNode> build(List<ClosureRecord> records, ExtractionProfile profile) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MetadataTree(profile).arrange(records));
    }

    private MetadataNode arrange(List<ClosureRecord> records) {
        Map<String, Map<BsonValue, Draft>> index = new HashMap<>();
        List<Draft> drafts = new ArrayList<>();
        for (ClosureRecord record : records) {
            Draft draft = new Draft(record, kindOf(record.collection()));
            index.computeIfAbsent(record.collection(), c -> new HashMap<>()).put(record.id(), draft);
            drafts.add(draft);
        }
        List<Draft> roots = new ArrayList<>();
        for (Draft draft : drafts) {
            Draft parent = draft.record.parentCollection() == null ? null
                    : index.getOrDefault(draft.record.parentCollection(), Map.of()).get(draft.record.parentId());
            (parent == null ? roots : parent.children).add(draft);
        }
        List<Draft> applications = roots.stream().filter(draft -> draft.kind == NodeKind.APPLICATION).toList();
        if (applications.size() == 1) {
            Draft application = applications.get(0);
            roots.stream().filter(draft -> draft != application).forEach(application.children::add);
            return application.toNode(true);
        }
        // No single application (a hand-made bundle): a group of everything.
        return new MetadataNode(Messages.get("preview.tree.metadata"), NodeKind.GROUP, null, grouped(roots, true));
    }

    private NodeKind kindOf(String collection) {
        ExtractionProfile.CollectionSpec spec = profile.collections().get(collection);
        return NodeKind.ofLabel(spec == null ? null : spec.label());
    }

    private List<MetadataNode> grouped(List<Draft> children, boolean always) {
        Map<String, List<Draft>> byCollection = new LinkedHashMap<>();
        children.stream().sorted((a, b) -> Integer.compare(rank(a), rank(b)))
                .forEach(child -> byCollection.computeIfAbsent(child.record.collection(), c -> new ArrayList<>())
                        .add(child));
        if (!always && byCollection.size() <= 1) {
            return children.stream().map(child -> child.toNode(false)).toList();
        }
        List<MetadataNode> groups = new ArrayList<>();
        byCollection.forEach((collection, members) -> groups.add(new MetadataNode(
                groupLabel(collection, members.get(0).kind, members.size()), NodeKind.GROUP, null,
                members.stream().map(member -> member.toNode(false)).toList())));
        return groups;
    }

    private int rank(Draft draft) {
        int position = order.indexOf(draft.record.collection());
        return position < 0 ? Integer.MAX_VALUE : position;
    }

    private static String groupLabel(String collection, NodeKind kind, int count) {
        return kind == NodeKind.OTHER || kind == NodeKind.GROUP
                ? Messages.format("preview.group.other", collection, count)
                : Messages.format("preview.group." + kind.name(), count);
    }

    /** A node while the tree is being put together. */
    private final class Draft {
        final ClosureRecord record;
        final NodeKind kind;
        final List<Draft> children = new ArrayList<>();

        Draft(ClosureRecord record, NodeKind kind) {
            this.record = record;
            this.kind = kind;
        }

        MetadataNode toNode(boolean groupAlways) {
            String label = record.description() == null || record.description().isBlank()
                    ? String.valueOf(record.id()) : record.description();
            return new MetadataNode(label, kind, record, grouped(children, groupAlways));
        }
    }
}
