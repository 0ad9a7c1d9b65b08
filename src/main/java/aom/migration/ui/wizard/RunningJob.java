package aom.migration.ui.wizard;

import aom.migration.ui.task.BackgroundTask;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Objects;

/**
 * The export, import or checksum check the wizard runs now, if any: while it runs, navigation is locked and closing
 * the window asks first.
 */
public final class RunningJob {

    private final ReadOnlyObjectWrapper<BackgroundTask<?>> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<WizardJob> kind = new ReadOnlyObjectWrapper<>();

    /**
     * Marks {@code task}, a job of {@code jobKind}, as the running job until it ends. Call before handing the task to
     * the executor.
     */
    public void track(BackgroundTask<?> task, WizardJob jobKind) {
        job.set(task);
        kind.set(Objects.requireNonNull(jobKind));
        running.set(true);
        task.onFinished(() -> {
            if (job.get() == task) {
                job.set(null);
                kind.set(null);
                running.set(false);
            }
        });
    }

    /** The job now running, or {@code null}. */
    public ReadOnlyObjectProperty<BackgroundTask<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** What the running job is, or {@code null} while none runs. */
    public ReadOnlyObjectProperty<WizardJob> kindProperty() {
        return kind.getReadOnlyProperty();
    }
}
