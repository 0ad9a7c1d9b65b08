package aom.migration.ui.pages.selection;

import aom.migration.model.SystemKind;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One system on the Selection page: whether it is exported, whether the application has it at all, its size,
 * and why it cannot be chosen when it cannot.
 */
public final class SystemChoice {

    private final SystemKind system;
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper();
    private long documents;
    private long bytes;

    SystemChoice(SystemKind system) {
        this.system = system;
        available.addListener((observable, old, now) -> {
            if (!now) {
                selected.set(false);
            }
        });
    }

    public SystemKind system() {
        return system;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** "1,234 documents, 2.3 MB in ConferenceApp-staging", or where the data lives when its size is unknown. */
    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** Why the system cannot be chosen, or {@code null} when it can. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public long documents() {
        return documents;
    }

    public long bytes() {
        return bytes;
    }

    void offer(String sizeText, long documentCount, long byteCount) {
        documents = documentCount;
        bytes = byteCount;
        size.set(sizeText);
        reason.set(null);
        available.set(true);
        selected.set(true);
    }

    void refuse(String why) {
        documents = 0;
        bytes = 0;
        size.set("");
        reason.set(why);
        available.set(false);
    }
}
