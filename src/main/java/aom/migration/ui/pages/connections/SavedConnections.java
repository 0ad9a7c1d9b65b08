package aom.migration.ui.pages.connections;

import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The saved connections both forms of the Connections page offer, loaded and saved in the background.
 */
public final class SavedConnections {

    private final ConnectionProfiles store;
    private final TaskExecutor executor;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<ConnectionProfile> readOnlyProfiles =
            FXCollections.unmodifiableObservableList(profiles);

    public SavedConnections(Path settingsDirectory, TaskExecutor executor) {
        this.store = new ConnectionProfiles(settingsDirectory);
        this.executor = executor;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return readOnlyProfiles;
    }

    public void load() {
        executor.execute(BackgroundTask.of((progress, cancel) -> store.load()).onSuccess(profiles::setAll));
    }

    /** Saves {@code profile}; {@code onFailure} gets what went wrong (e.g. a read-only home folder). */
    public void save(ConnectionProfile profile, Consumer<Throwable> onFailure) {
        executor.execute(BackgroundTask.of((progress, cancel) -> store.save(profile)).onSuccess(profiles::setAll)
                .onFailure(onFailure));
    }

    public void delete(ConnectionProfile profile, Consumer<Throwable> onFailure) {
        executor.execute(BackgroundTask.of((progress, cancel) -> store.delete(profile.name()))
                .onSuccess(profiles::setAll).onFailure(onFailure));
    }
}
