package aom.migration.ui.pages.preview;

import aom.migration.bundle.BundleCollection;
import aom.migration.bundle.EntryKind;
import aom.migration.bundle.Manifest;
import aom.migration.session.OpenedBundle;
import aom.migration.ui.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The preview's data summary, from the manifest alone: the metadata collections, then every system database with
 * its collections, documents and sizes, then the remaining files of the bundle.
 */
public final class DataSummary {

    private DataSummary() {
    }

    public static List<DataRow> rows(OpenedBundle bundle) {
        Manifest manifest = bundle.manifest();
        List<DataRow> rows = new ArrayList<>();
        List<DataRow> metadata = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries()) {
            if (entry.kind() == EntryKind.METADATA) {
                metadata.add(leaf(entry.collection(), "", entry.documents(), entry.bytes(), List.of(entry.path())));
            } else if (entry.kind() == EntryKind.KEYS) {
                // One line per metadata document, not documents of their own: shown as a file.
                metadata.add(new DataRow(DataRow.Kind.FILE, entry.path(), Messages.get("preview.data.keys"), 0,
                        entry.bytes(), List.of(entry.path()), List.of()));
            }
        }
        if (!metadata.isEmpty()) {
            String database = manifest.metadata() == null ? "apiomat" : manifest.metadata().database();
            rows.add(group(DataRow.Kind.METADATA, Messages.format("preview.data.metadata", database), metadata));
        }
        for (Manifest.DatabaseInfo database : manifest.databases()) {
            List<DataRow> collections = new ArrayList<>();
            for (BundleCollection collection : bundle.reader().collections(database.system())) {
                if (!collection.database().equals(database.name())) {
                    continue;
                }
                List<String> entries = new ArrayList<>();
                collection.documentsEntry().ifPresent(entry -> entries.add(entry.path()));
                entries.add(collection.definitionEntry().path());
                collections.add(leaf(collection.collection(), collection.documentsEntry().isEmpty()
                                ? Messages.get("preview.data.view") : "", collection.expectedDocuments(),
                        collection.expectedBytes(), entries));
            }
            rows.add(group(DataRow.Kind.DATABASE, Messages.format("preview.data.database", database.system(),
                    database.name()), collections));
        }
        for (Manifest.Entry entry : manifest.entries(EntryKind.README)) {
            rows.add(new DataRow(DataRow.Kind.FILE, entry.path(), "", 0, entry.bytes(), List.of(entry.path()),
                    List.of()));
        }
        return rows;
    }

    private static DataRow leaf(String label, String detail, long documents, long bytes, List<String> entries) {
        return new DataRow(DataRow.Kind.COLLECTION, label, detail, documents, bytes, entries, List.of());
    }

    private static DataRow group(DataRow.Kind kind, String label, List<DataRow> children) {
        long documents = children.stream().mapToLong(DataRow::documents).sum();
        long bytes = children.stream().mapToLong(DataRow::bytes).sum();
        long collections = children.stream().filter(child -> child.kind() == DataRow.Kind.COLLECTION).count();
        return new DataRow(kind, label, Messages.format("preview.data.collections", collections), documents,
                bytes, List.of(), children);
    }

    /** Every line with bundle entries behind it, depth first. */
    static List<DataRow> leaves(List<DataRow> rows) {
        List<DataRow> leaves = new ArrayList<>();
        for (DataRow row : rows) {
            if (row.children().isEmpty()) {
                leaves.add(row);
            } else {
                leaves.addAll(leaves(row.children()));
            }
        }
        return leaves;
    }
}
