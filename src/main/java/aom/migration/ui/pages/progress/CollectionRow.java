package aom.migration.ui.pages.progress;

import aom.migration.progress.ProgressEvent;
import aom.migration.ui.DataSizes;
import aom.migration.ui.Messages;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One collection of a running export or import: documents and bytes done, out of how many, and its state. */
public final class CollectionRow {

    private final String namespace;
    private final int order;
    private final ReadOnlyLongWrapper documents = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper documentsTotal = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper documentsText = new ReadOnlyStringWrapper("0");
    private final ReadOnlyLongWrapper bytes = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper sizeText = new ReadOnlyStringWrapper("\u2014");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<RowState> state = new ReadOnlyObjectWrapper<>(RowState.RUNNING);

    CollectionRow(String namespace, int order) {
        this.namespace = namespace;
        this.order = order;
    }

    /** {@code database.collection}. */
    public String namespace() {
        return namespace;
    }

    /** When the job reached the collection: 0 for the first. */
    public int order() {
        return order;
    }

    public String database() {
        int dot = namespace.indexOf('.');
        return dot < 0 ? namespace : namespace.substring(0, dot);
    }

    public String collection() {
        int dot = namespace.indexOf('.');
        return dot < 0 ? namespace : namespace.substring(dot + 1);
    }

    public ReadOnlyLongProperty documentsProperty() {
        return documents.getReadOnlyProperty();
    }

    /** Documents expected, or -1 when unknown. */
    public ReadOnlyLongProperty documentsTotalProperty() {
        return documentsTotal.getReadOnlyProperty();
    }

    /** "24 of 24", or the count alone while the total is unknown: made once per change, not per cell. */
    public ReadOnlyStringProperty documentsTextProperty() {
        return documentsText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    /** The size done, or a dash where the job does not count this collection's bytes (the export's metadata). */
    public ReadOnlyStringProperty sizeTextProperty() {
        return sizeText.getReadOnlyProperty();
    }

    /** 0-1, or -1 while unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RowState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RowState getState() {
        return state.get();
    }

    /** Takes the collection's newest figures. */
    void update(ProgressEvent event) {
        if (event.documentsDone() != documents.get() || event.documentsTotal() != documentsTotal.get()) {
            documentsText.set(event.documentsTotal() < 0 ? DataSizes.count(event.documentsDone())
                    : Messages.format("progress.row.documents", DataSizes.count(event.documentsDone()),
                    DataSizes.count(event.documentsTotal())));
        }
        documents.set(event.documentsDone());
        documentsTotal.set(event.documentsTotal());
        bytes.set(event.bytesDone());
        sizeText.set(event.bytesTotal() < 0 && event.bytesDone() == 0 ? "\u2014" : DataSizes.bytes(event.bytesDone()));
        double done = event.documentsTotal() > 0 ? Math.min(1, (double) event.documentsDone() / event.documentsTotal())
                : event.fraction();
        boolean finished = event.documentsTotal() >= 0 && event.documentsDone() >= event.documentsTotal();
        fraction.set(finished ? 1 : done);
        if (state.get() == RowState.RUNNING && finished) {
            state.set(RowState.DONE);
        }
    }

    void setState(RowState value) {
        state.set(value);
        if (value == RowState.DONE || value == RowState.INDEXED || value == RowState.VERIFIED) {
            fraction.set(1);
        }
    }
}
