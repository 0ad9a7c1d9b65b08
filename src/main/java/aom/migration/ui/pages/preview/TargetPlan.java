package aom.migration.ui.pages.preview;

import aom.migration.mongo.ConnectionSettings;
import aom.migration.session.ImportChoice;
import aom.migration.session.OpenedBundle;
import aom.migration.session.PlanFigures;
import aom.migration.session.PlannedImport;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The preview's "what the import would change" part: when a target is connected, plans the import of everything the
 * bundle holds against it (writing nothing) and shows the plan in numbers.
 */
public final class TargetPlan {

    /** Where the plan is. */
    public enum State { NO_TARGET, PLANNING, READY, FAILED }

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NO_TARGET);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PlanFigures> figures = new ReadOnlyObjectWrapper<>();
    private BackgroundTask<PlanFigures> task;

    TargetPlan(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Shows that there is no target to compare with (yet). */
    void noTarget(String why) {
        stop();
        state.set(State.NO_TARGET);
        status.set(why);
        figures.set(null);
    }

    /** Plans the import of {@code bundle} into {@code target} in the background. */
    void plan(ConnectionSettings target, OpenedBundle bundle) {
        stop();
        state.set(State.PLANNING);
        status.set(Messages.format("preview.plan.planning", target.hostsOnly()));
        figures.set(null);
        BackgroundTask<PlanFigures> planning = BackgroundTask.of((listener, cancel) -> {
            try (PlannedImport planned = PlannedImport.plan(target, bundle, ImportChoice.everythingIn(bundle),
                    cancel)) {
                return PlanFigures.of(planned.plan());
            }
        });
        task = planning;
        executor.execute(planning
                .onSuccess(found -> {
                    if (task == planning) {
                        figures.set(found);
                        state.set(State.READY);
                        status.set(Messages.format("preview.plan.ready", target.hostsOnly()));
                    }
                })
                .onFailure(error -> {
                    if (task == planning) {
                        state.set(State.FAILED);
                        status.set(Messages.format("preview.plan.failed", target.hostsOnly(),
                                ErrorText.readable(error)));
                    }
                }));
    }

    void stop() {
        if (task != null) {
            task.cancel();
            task = null;
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** A line about the plan: planning, against which target, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlanFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }
}
