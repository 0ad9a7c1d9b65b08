package aom.migration.ui.task;

import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.ProgressEvent;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An {@link EngineCall} together with what the UI observes of it: state, progress, the latest message, the
 * latest figures overall and per collection, and the log. Every property changes on the UI thread only (the
 * executor takes care of that), so views can bind to them directly. Uses JavaFX properties but not the toolkit,
 * so ViewModels holding tasks are testable without one.
 *
 * @param <T> the result of the call
 */
public final class BackgroundTask<T> {

    /** Where a task is in its life. */
    public enum State { READY, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** The log keeps the newest lines only, so that a chatty job cannot fill the heap. */
    static final int LOG_LIMIT = 5_000;

    private final EngineCall<T> call;
    private final CancellationToken cancellation = new CancellationToken();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.READY);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ProgressEvent> overall = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, ProgressEvent> collections = FXCollections.observableHashMap();
    private final ObservableList<ProgressEvent> log = FXCollections.observableArrayList();
    // Made once: a read-only wrapper holds its listeners weakly, so one made per call could lose them.
    private final ObservableMap<String, ProgressEvent> readOnlyCollections =
            FXCollections.unmodifiableObservableMap(collections);
    private final ObservableList<ProgressEvent> readOnlyLog = FXCollections.unmodifiableObservableList(log);
    private final List<Consumer<? super T>> onSuccess = new ArrayList<>();
    private final List<Consumer<Throwable>> onFailure = new ArrayList<>();
    private final List<Runnable> onCancelled = new ArrayList<>();
    private final List<Runnable> onFinished = new ArrayList<>();
    private T value;
    private Throwable failure;

    private BackgroundTask(EngineCall<T> call) {
        this.call = Objects.requireNonNull(call);
        running.bind(state.isEqualTo(State.RUNNING));
    }

    public static <T> BackgroundTask<T> of(EngineCall<T> call) {
        return new BackgroundTask<>(call);
    }

    /** Runs {@code action} with the result on the UI thread. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        onSuccess.add(action);
        return this;
    }

    /** Runs {@code action} with the failure on the UI thread; a cancel is not a failure. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        onFailure.add(action);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        onCancelled.add(action);
        return this;
    }

    /** Runs {@code action} after success, failure or cancel, after their own callbacks. */
    public BackgroundTask<T> onFinished(Runnable action) {
        onFinished.add(action);
        return this;
    }

    /** Asks the call to stop; it ends as {@link State#CANCELLED} once it notices. Call on the UI thread. */
    public void cancel() {
        cancellation.cancel();
        cancelRequested.set(true);
    }

    /** Whether the task was asked to stop: while it still runs, it is stopping (cleaning up, rolling back). */
    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isDone() {
        State now = state.get();
        return now == State.SUCCEEDED || now == State.FAILED || now == State.CANCELLED;
    }

    /** Fraction done (0-1), or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The latest log line or phase, for a status label. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The latest overall figures (documents, bytes, rates, ETA), or {@code null} before the first. */
    public ReadOnlyObjectProperty<ProgressEvent> overallProperty() {
        return overall.getReadOnlyProperty();
    }

    /** The latest figures per collection ({@code db.collection}). */
    public ObservableMap<String, ProgressEvent> collections() {
        return readOnlyCollections;
    }

    /** Every message the job reported, oldest first (the newest {@value #LOG_LIMIT}). */
    public ObservableList<ProgressEvent> log() {
        return readOnlyLog;
    }

    public T getValue() {
        return value;
    }

    /** What the job threw: the failure, or what ended a cancelled job (which may say what it put right). */
    public Throwable getFailure() {
        return failure;
    }

    // ---- called by executors, on the UI thread ----

    EngineCall<T> call() {
        return call;
    }

    CancellationToken cancellation() {
        return cancellation;
    }

    void started() {
        state.set(State.RUNNING);
    }

    void apply(ProgressRelay.Batch batch) {
        if (batch.overall() != null) {
            overall.set(batch.overall());
            progress.set(batch.overall().fraction());
        }
        collections.putAll(batch.collections());
        if (!batch.messages().isEmpty()) {
            message.set(batch.messages().get(batch.messages().size() - 1).message());
        }
        log.addAll(batch.messages());
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }

    void succeeded(T result) {
        value = result;
        state.set(State.SUCCEEDED);
        onSuccess.forEach(action -> action.accept(result));
        onFinished.forEach(Runnable::run);
    }

    void failed(Throwable error) {
        // Kept for a cancel too: what the job did about the cancel (e.g. what its rollback checked) is in it.
        failure = error;
        if (error instanceof CancelledException || cancellation.isCancelled()) {
            state.set(State.CANCELLED);
            onCancelled.forEach(Runnable::run);
        } else {
            state.set(State.FAILED);
            onFailure.forEach(action -> action.accept(error));
        }
        onFinished.forEach(Runnable::run);
    }
}
