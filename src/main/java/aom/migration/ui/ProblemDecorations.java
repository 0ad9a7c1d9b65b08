package aom.migration.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Shows a ViewModel's problem of an input as a ControlsFX decoration on the control (red mark, message as
 * tooltip). The ViewModel decides what is wrong; this only shows it, and refreshes whenever the problem changes.
 */
public final class ProblemDecorations {

    private final ValidationSupport support = new ValidationSupport();

    /** Decorates {@code control} while {@code problem} is not {@code null}. */
    public void show(Control control, ObservableStringValue problem) {
        support.registerValidator(control, false, (Control target, Object value) ->
                ValidationResult.fromErrorIf(target, problem.get(), problem.get() != null));
        problem.addListener(observable -> support.revalidate(control));
    }
}
