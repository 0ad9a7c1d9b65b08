package aom.migration.ui.pages.connections;

import aom.migration.mongo.ConnectionSettings;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Test connection" of one form: connects in the background and keeps what it found, or the readable reason it
 * failed. A result that no longer matches the form (the user changed the connection) is dropped.
 */
public final class ConnectionTester {

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ConnectionCheck> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private BackgroundTask<ConnectionCheck> current;

    ConnectionTester(TaskExecutor executor) {
        this.executor = executor;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** What the last test found, or {@code null}. */
    public ReadOnlyObjectProperty<ConnectionCheck> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last test failed, as a sentence, or {@code null}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void test(ConnectionSettings settings) {
        forget();
        testing.set(true);
        BackgroundTask<ConnectionCheck> test = BackgroundTask.of((progress, cancel) -> ConnectionCheck.run(settings));
        current = test;
        executor.execute(test
                .onSuccess(found -> {
                    if (current == test) {
                        result.set(found);
                    }
                })
                .onFailure(failure -> {
                    if (current == test) {
                        error.set(ErrorText.readable(failure));
                    }
                })
                .onFinished(() -> {
                    if (current == test) {
                        testing.set(false);
                        current = null;
                    }
                }));
    }

    /** Forgets the last result; a test still under way is left to end unseen. */
    void forget() {
        if (current != null) {
            current.cancel();
            current = null;
        }
        testing.set(false);
        result.set(null);
        error.set(null);
    }
}
