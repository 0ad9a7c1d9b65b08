package aom.migration.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Shows a ViewModel's problem of an input as a ControlsFX decoration on the control (red mark, message as
 * tooltip). The ViewModel decides what is wrong; this only shows it, and refreshes whenever the problem changes.
 * A control is handed to ControlsFX only once it first has a problem: registering it is costly (it validates and
 * decorates at once), and most forms are shown without any problem.
 */
public final class ProblemDecorations {

    private final ValidationSupport support = new ValidationSupport();

    /** Decorates {@code control} while {@code problem} is not {@code null}. */
    public void show(Control control, ObservableStringValue problem) {
        boolean[] registered = {false};
        Runnable refresh = () -> {
            if (registered[0]) {
                support.revalidate(control);
            } else if (problem.get() != null) {
                registered[0] = true;
                support.registerValidator(control, false, (Control target, Object value) ->
                        ValidationResult.fromErrorIf(target, problem.get(), problem.get() != null));
            }
        };
        problem.addListener(observable -> refresh.run());
        refresh.run();
    }
}
