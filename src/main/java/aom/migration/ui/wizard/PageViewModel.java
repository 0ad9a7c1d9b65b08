package aom.migration.ui.wizard;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the wizard frame needs from each page's ViewModel: whether Next (and Back) may be pressed, and the moments
 * the page is entered and left. Implementations keep their state in JavaFX properties and need no toolkit.
 */
public interface PageViewModel {

    /** Whether the page is complete enough to move on; the frame enables Next from it. */
    ReadOnlyBooleanProperty canGoNextProperty();

    /** Whether Back is allowed, e.g. not while the page's job runs. */
    default ReadOnlyBooleanProperty canGoBackProperty() {
        return new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
    }

    /** The label of the Next button on this page ("Export", "Import"), or empty for the usual "Next". */
    default ReadOnlyStringProperty nextLabelProperty() {
        return new ReadOnlyStringWrapper("").getReadOnlyProperty();
    }

    /** Called when the page is shown, coming from either direction: start loading what it shows. */
    default void enter() {
    }

    /** Called when the user presses Next on this page, before the next page is entered: store the result. */
    default void commit() {
    }
}
