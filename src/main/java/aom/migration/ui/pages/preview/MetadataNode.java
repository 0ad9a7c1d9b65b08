package aom.migration.ui.pages.preview;

import aom.migration.bundle.ClosureRecord;

import java.util.List;
import java.util.stream.Stream;

/**
 * One node of the preview's metadata tree: a document of the closure (with its record) or a group of documents.
 * Plain data, so the ViewModel builds the tree without the toolkit and the view turns it into tree items.
 *
 * @param label    what the tree shows ({@code Speakers 1.3.0}, {@code Modules (4)})
 * @param kind     what it stands for
 * @param record   the closure record of a document node, {@code null} for groups
 * @param children nodes under it, in the bundle's order
 */
public record MetadataNode(String label, NodeKind kind, ClosureRecord record, List<MetadataNode> children) {

    public MetadataNode {
        children = List.copyOf(children);
    }

    /** Whether the installation shares the document (the import keeps the target's copy). */
    public boolean shared() {
        return record != null && record.shared();
    }

    /** This node and every node under it, depth first. */
    public Stream<MetadataNode> flatten() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(MetadataNode::flatten));
    }
}
