package aom.migration.ui.pages.progress;

import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import aom.migration.ui.DataSizes;
import aom.migration.ui.Durations;
import aom.migration.ui.Messages;
import aom.migration.ui.task.BackgroundTask;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a progress page shows of a running export or import: the phases, the overall bar, documents and bytes,
 * rates and the ETA, a row per collection and the log. Follows one {@link BackgroundTask} at a time; every change
 * arrives on the FX thread through the task, so views bind directly. No toolkit needed.
 */
public final class JobProgressViewModel {

    private final JobKind kind;
    private final String metadataDatabase;
    private final ObservableList<PhaseStep> phases = FXCollections.observableArrayList();
    private final ObservableList<CollectionRow> rows = FXCollections.observableArrayList();
    private final Map<String, CollectionRow> rowsByNamespace = new HashMap<>();
    private final ObservableList<ProgressEvent> log = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper percent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper documentRate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper byteRate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BackgroundTask.State> state =
            new ReadOnlyObjectWrapper<>(BackgroundTask.State.READY);
    private final Set<Phase> seen = EnumSet.noneOf(Phase.class);
    private final InvalidationListener onOverall = observable -> showOverall();
    private final MapChangeListener<String, ProgressEvent> onCollection = this::showCollection;
    private final ListChangeListener<ProgressEvent> onLog = this::notePhases;
    private final InvalidationListener onState = observable -> showState();
    private final InvalidationListener onCancelRequest = observable -> showStopping();
    private BackgroundTask<?> task;
    /** The furthest the bar got, kept while it runs indeterminate for a stop, and shown once stopped. */
    private double reached = -1;
    private Phase current;
    private ProgressEvent latestTransfer;

    public JobProgressViewModel(JobKind kind) {
        this(kind, null);
    }

    /**
     * A page following jobs of {@code kind} that also write the metadata of {@code metadataDatabase} (an export):
     * its documents are told apart from the data's, as the export's summary counts them.
     */
    public JobProgressViewModel(JobKind kind, String metadataDatabase) {
        this.kind = kind;
        this.metadataDatabase = metadataDatabase;
        kind.phases().forEach(step -> phases.add(new PhaseStep(step)));
    }

    /** Shows {@code next} from now on, starting from empty figures; the previous task is no longer followed. */
    public void track(BackgroundTask<?> next) {
        detach();
        task = next;
        reset();
        Bindings.bindContent(log, next.log());
        next.log().forEach(this::notePhase);
        next.collections().values().forEach(this::showCollection);
        next.overallProperty().addListener(onOverall);
        next.collections().addListener(onCollection);
        next.log().addListener(onLog);
        next.stateProperty().addListener(onState);
        next.cancelRequestedProperty().addListener(onCancelRequest);
        showOverall();
        showState();
        showStopping();
    }

    /** Shows nothing: no job ran (say the user chose not to start one); the previous task is no longer followed. */
    public void clear() {
        detach();
        task = null;
        reset();
        log.clear();
        progress.set(0);
        phase.set("");
    }

    private void detach() {
        if (task != null) {
            task.overallProperty().removeListener(onOverall);
            task.collections().removeListener(onCollection);
            task.log().removeListener(onLog);
            task.stateProperty().removeListener(onState);
            task.cancelRequestedProperty().removeListener(onCancelRequest);
            Bindings.unbindContent(log, task.log());
        }
    }

    public JobKind kind() {
        return kind;
    }

    public ObservableList<PhaseStep> phases() {
        return phases;
    }

    /** One row per collection, in the order the job started them. */
    public ObservableList<CollectionRow> rows() {
        return rows;
    }

    /** Every line the job reported, oldest first. */
    public ObservableList<ProgressEvent> log() {
        return log;
    }

    /** The whole job, 0-1, or -1 while it cannot be told. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "42 %", or empty while unknown. */
    public ReadOnlyStringProperty percentProperty() {
        return percent.getReadOnlyProperty();
    }

    /** The phase now running, in words. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** "312 of 450 documents, 1.2 MB". */
    public ReadOnlyStringProperty amountProperty() {
        return amount.getReadOnlyProperty();
    }

    /** "520 docs/s". */
    public ReadOnlyStringProperty documentRateProperty() {
        return documentRate.getReadOnlyProperty();
    }

    /** "4.2 MB/s". */
    public ReadOnlyStringProperty byteRateProperty() {
        return byteRate.getReadOnlyProperty();
    }

    /** "0:42", while documents are moving and the end can be told. */
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BackgroundTask.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    private void reset() {
        rows.clear();
        rowsByNamespace.clear();
        seen.clear();
        current = null;
        latestTransfer = null;
        phases.forEach(step -> step.setState(StepState.PENDING));
        progress.set(-1);
        reached = -1;
        percent.set("");
        phase.set(Messages.get("progress.starting"));
        amount.set("");
        documentRate.set("");
        byteRate.set("");
        eta.set("");
    }

    private void notePhases(ListChangeListener.Change<? extends ProgressEvent> change) {
        while (change.next()) {
            if (change.wasAdded()) {
                change.getAddedSubList().forEach(this::notePhase);
            }
        }
        showOverall();
    }

    private void notePhase(ProgressEvent event) {
        Phase reached = event.phase();
        if (reached == null || (current != null && reached.ordinal() < current.ordinal())) {
            return;
        }
        current = reached;
        seen.add(reached);
        showSteps(StepState.ACTIVE);
        // Figures the job sent before it was asked to stop may arrive after: they do not take the "stopping" back.
        if (!stopping()) {
            phase.set(Messages.get("phase." + reached.name()));
        }
    }

    private void showSteps(StepState ofCurrent) {
        for (PhaseStep step : phases) {
            Phase stepPhase = step.phase();
            if (stepPhase == current && current != Phase.DONE) {
                step.setState(ofCurrent);
            } else if (seen.contains(stepPhase)) {
                step.setState(StepState.DONE);
            } else if (current != null && stepPhase.ordinal() < current.ordinal()) {
                step.setState(StepState.SKIPPED);
            } else {
                step.setState(StepState.PENDING);
            }
        }
    }

    private void showOverall() {
        if (stopping()) {
            // Figures sent before the stop was asked for: no rate, no time left, no bar while it rolls back.
            return;
        }
        ProgressEvent latest = task == null ? null : task.overallProperty().get();
        if (latest != null && latest.phase() != null && kind.transfers(latest.phase())) {
            latestTransfer = latest;
            showTransfer(latest);
        }
        if (current != null && !kind.transfers(current) && latestTransfer != null) {
            eta.set("");
            showRowTotals();
        }
        if (current != null) {
            setProgress(kind.overall(current, latestTransfer));
        }
    }

    private void showTransfer(ProgressEvent latest) {
        String documents = latest.documentsTotal() >= 0
                ? Messages.format("progress.amount.of", DataSizes.count(latest.documentsDone()),
                DataSizes.count(Math.max(latest.documentsTotal(), latest.documentsDone())))
                : Messages.format("progress.amount", DataSizes.count(latest.documentsDone()));
        if (metadataDatabase != null && rows.stream().anyMatch(this::isMetadata)) {
            documents = Messages.format("progress.amount.withMetadata", documents);
        }
        amount.set(Messages.format("progress.amount.bytes", documents, DataSizes.bytes(latest.bytesDone())));
        documentRate.set(Messages.format("progress.rate.documents",
                DataSizes.count(Math.round(latest.documentsPerSecond()))));
        // No bytes have moved while only metadata is read (its bytes are not counted): "0 B/s" would be wrong.
        byteRate.set(latest.bytesDone() <= 0 ? ""
                : Messages.format("progress.rate.bytes", DataSizes.bytes(Math.round(latest.bytesPerSecond()))));
        eta.set(latest.etaIfKnown().map(Durations::clock).orElse(""));
    }

    /** Moves the bar forward only: a phase that cannot tell its progress does not take back what was shown. */
    /**
     * The documents and bytes of all rows, once the documents stopped moving: the job's last overall figures of the
     * transfer may have been passed over by those of the next phase.
     */
    private void showRowTotals() {
        List<CollectionRow> data = rows.stream().filter(row -> !isMetadata(row)).toList();
        long done = data.stream().mapToLong(row -> row.documentsProperty().get()).sum();
        long total = data.stream().mapToLong(row -> Math.max(row.documentsProperty().get(),
                row.documentsTotalProperty().get())).sum();
        long bytes = data.stream().mapToLong(row -> row.bytesProperty().get()).sum();
        long metadata = rows.stream().filter(this::isMetadata).mapToLong(row -> row.documentsProperty().get()).sum();
        String documents = Messages.format("progress.amount.of", DataSizes.count(done), DataSizes.count(total));
        if (data.size() < rows.size()) {
            documents = Messages.format("progress.amount.andMetadata", documents, DataSizes.count(metadata));
        }
        amount.set(Messages.format("progress.amount.bytes", documents, DataSizes.bytes(bytes)));
    }

    private boolean isMetadata(CollectionRow row) {
        return row.database().equals(metadataDatabase);
    }

    private void setProgress(double value) {
        if (stopping() || (value < 0 ? progress.get() >= 0 : value < progress.get())) {
            return;
        }
        progress.set(value);
        reached = Math.max(reached, value);
        percent.set(value < 0 ? "" : Messages.format("progress.percent", (int) Math.floor(value * 100)));
    }

    private boolean stopping() {
        return task != null && task.cancelRequestedProperty().get() && task.getState() == BackgroundTask.State.RUNNING;
    }

    /** Asked to stop while running: the job is cleaning up or rolling back, for a while with no figures. */
    private void showStopping() {
        if (!stopping()) {
            return;
        }
        phase.set(Messages.get("progress.stopping." + kind.name()));
        progress.set(-1);
        percent.set("");
        documentRate.set("");
        byteRate.set("");
        eta.set("");
    }

    private void showCollection(MapChangeListener.Change<? extends String, ? extends ProgressEvent> change) {
        if (change.wasAdded()) {
            showCollection(change.getValueAdded());
        }
    }

    private void showCollection(ProgressEvent event) {
        String namespace = event.namespace();
        if (namespace == null) {
            return;
        }
        if (kind == JobKind.IMPORT && namespace.endsWith(" indexes")) {
            CollectionRow row = rowsByNamespace.get(namespace.substring(0, namespace.length() - " indexes".length()));
            if (row != null && event.documentsDone() >= event.documentsTotal()) {
                row.setState(RowState.INDEXED);
            }
            return;
        }
        if (namespace.indexOf('.') < 0) {
            // Bookkeeping of the job itself (the import's "swap" counter), not a collection.
            return;
        }
        CollectionRow row = rowsByNamespace.get(namespace);
        if (kind == JobKind.IMPORT && event.phase() == Phase.VERIFY) {
            if (row != null) {
                row.setState(RowState.VERIFIED);
            }
            return;
        }
        if (row == null) {
            row = new CollectionRow(namespace, rows.size());
            rowsByNamespace.put(namespace, row);
            rows.add(row);
        }
        row.update(event);
    }

    private void showState() {
        BackgroundTask.State now = task.getState();
        state.set(now);
        switch (now) {
            case SUCCEEDED -> {
                current = Phase.DONE;
                showSteps(StepState.DONE);
                setProgress(1);
                phase.set(Messages.get("phase.DONE"));
                eta.set("");
                if (!rows.isEmpty()) {
                    showRowTotals();
                }
                if (kind == JobKind.EXPORT) {
                    rows.forEach(row -> row.setState(RowState.DONE));
                }
            }
            case CANCELLED, FAILED -> {
                showSteps(StepState.STOPPED);
                eta.set("");
                // A stopped job does not move: the bar stands where it got to, not running on indeterminately.
                progress.set(Math.max(0, reached));
                percent.set(reached < 0 ? "" : Messages.format("progress.percent", (int) Math.floor(reached * 100)));
                RowState stopped = now == BackgroundTask.State.CANCELLED ? RowState.CANCELLED : RowState.STOPPED;
                rows.stream().filter(row -> row.getState() == RowState.RUNNING).forEach(row -> row.setState(stopped));
                phase.set(Messages.get(now == BackgroundTask.State.CANCELLED ? "progress.cancelled"
                        : "progress.failed"));
            }
            default -> {
            }
        }
    }
}
