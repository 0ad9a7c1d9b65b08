package aom.migration.ui.pages.progress;

import aom.migration.progress.Phase;
import aom.migration.ui.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One phase of a job as the progress page shows it: its name and whether it is to come, running or done. */
public final class PhaseStep {

    private final Phase phase;
    private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(StepState.PENDING);

    PhaseStep(Phase phase) {
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }

    /** The phase's name in the user's language. */
    public String label() {
        return Messages.get("phase." + phase.name());
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public StepState getState() {
        return state.get();
    }

    void setState(StepState value) {
        state.set(value);
    }
}
