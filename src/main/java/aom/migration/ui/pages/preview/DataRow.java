package aom.migration.ui.pages.preview;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the preview's data summary: a database (or the metadata) with its collections under it, or one
 * collection, with documents, bytes and the checksum state of the bundle entries behind it.
 */
public final class DataRow {

    /** What the line stands for. */
    public enum Kind { METADATA, DATABASE, COLLECTION, FILE }

    private final Kind kind;
    private final String label;
    private final String detail;
    private final long documents;
    private final long bytes;
    private final List<String> entries;
    private final List<DataRow> children;
    private final ReadOnlyObjectWrapper<ChecksumState> checksum =
            new ReadOnlyObjectWrapper<>(ChecksumState.NOT_CHECKED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

    DataRow(Kind kind, String label, String detail, long documents, long bytes, List<String> entries,
            List<DataRow> children) {
        this.kind = kind;
        this.label = label;
        this.detail = detail;
        this.documents = documents;
        this.bytes = bytes;
        this.entries = List.copyOf(entries);
        this.children = List.copyOf(children);
        this.children.forEach(child -> child.checksum.addListener(observable -> combine()));
    }

    public Kind kind() {
        return kind;
    }

    /** {@code LIVE: ConferenceApp}, {@code Speakers_Talk}. */
    public String label() {
        return label;
    }

    /** A note such as "view", or empty. */
    public String detail() {
        return detail;
    }

    public long documents() {
        return documents;
    }

    /** Uncompressed BSON bytes in the bundle. */
    public long bytes() {
        return bytes;
    }

    /** The bundle entries behind a leaf line (its documents and its definition). */
    public List<String> entries() {
        return entries;
    }

    public List<DataRow> children() {
        return children;
    }

    public ReadOnlyObjectProperty<ChecksumState> checksumProperty() {
        return checksum.getReadOnlyProperty();
    }

    public ChecksumState getChecksum() {
        return checksum.get();
    }

    /** What is wrong with a damaged entry, or {@code null}. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setChecksum(ChecksumState state, String why) {
        checksum.set(state);
        problem.set(why);
    }

    private void combine() {
        List<ChecksumState> states = new ArrayList<>();
        children.forEach(child -> states.add(child.getChecksum()));
        checksum.set(ChecksumState.combine(states));
    }
}
