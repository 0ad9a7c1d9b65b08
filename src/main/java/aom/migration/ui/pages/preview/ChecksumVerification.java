package aom.migration.ui.pages.preview;

import aom.migration.data.CorruptDataException;
import aom.migration.progress.ProgressEvent;
import aom.migration.session.OpenedBundle;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.RunningJob;
import aom.migration.ui.wizard.WizardJob;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Verify checksums" on the preview: reads every entry of the bundle in the background, marks each line of the data
 * summary as it is checked, and ends with a result per entry and for the whole bundle. Runs as the wizard's job,
 * so Cancel stops it.
 */
public final class ChecksumVerification {

    private final RunningJob wizardJob;
    private final WizardServices services;
    private final Map<String, DataRow> rowsByEntry = new HashMap<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<ChecksumState> result = new ReadOnlyObjectWrapper<>(ChecksumState.NOT_CHECKED);
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private List<DataRow> leaves = List.of();
    private BackgroundTask<Void> task;

    ChecksumVerification(RunningJob wizardJob, WizardServices services) {
        this.wizardJob = wizardJob;
        this.services = services;
    }

    /** Forgets earlier results and follows the lines of another bundle. */
    void show(List<DataRow> rows) {
        if (task != null) {
            task.cancel();
        }
        leaves = DataSummary.leaves(rows);
        rowsByEntry.clear();
        leaves.forEach(row -> row.entries().forEach(entry -> rowsByEntry.put(entry, row)));
        progress.set(0);
        result.set(ChecksumState.NOT_CHECKED);
        resultText.set("");
    }

    /** Checks every entry of {@code bundle}. */
    void start(OpenedBundle bundle) {
        if (running.get()) {
            return;
        }
        leaves.forEach(row -> row.setChecksum(ChecksumState.NOT_CHECKED, null));
        running.set(true);
        result.set(ChecksumState.CHECKING);
        resultText.set(Messages.get("preview.checksums.running"));
        BackgroundTask<Void> check = BackgroundTask.of((listener, cancel) -> {
            bundle.reader().verifyChecksums(listener, cancel);
            return null;
        });
        task = check;
        progress.bind(check.progressProperty());
        check.collections().addListener((MapChangeListener<String, ProgressEvent>) change -> {
            DataRow row = rowsByEntry.get(change.getKey());
            if (change.wasAdded() && row != null && row.getChecksum() == ChecksumState.NOT_CHECKED) {
                row.setChecksum(ChecksumState.CHECKING, null);
            }
        });
        wizardJob.track(check, WizardJob.CHECKSUMS);
        services.executor().execute(check
                .onSuccess(ignored -> passed())
                .onFailure(this::failed)
                .onCancelled(this::cancelled)
                .onFinished(() -> {
                    if (task == check) {
                        progress.unbind();
                        running.set(false);
                    }
                }));
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChecksumState> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** "All 42 entries match their checksums" and the like. */
    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    private void passed() {
        leaves.forEach(row -> row.setChecksum(ChecksumState.OK, null));
        result.set(ChecksumState.OK);
        resultText.set(Messages.format("preview.checksums.ok", rowsByEntry.size()));
    }

    private void failed(Throwable error) {
        if (!(error instanceof CorruptDataException)) {
            leaves.forEach(row -> row.setChecksum(ChecksumState.NOT_CHECKED, null));
            result.set(ChecksumState.NOT_CHECKED);
            resultText.set(ErrorText.readable(error));
            services.dialogs().showError(Messages.get("preview.checksums.failed"), ErrorText.readable(error), error);
            return;
        }
        // The message names every damaged entry as "<file>: <entry path> ..."; the others were read and matched.
        String message = error.getMessage() == null ? "" : error.getMessage();
        int damaged = 0;
        for (DataRow row : leaves) {
            String bad = row.entries().stream().filter(entry -> names(message, entry)).findFirst().orElse(null);
            row.setChecksum(bad == null ? ChecksumState.OK : ChecksumState.DAMAGED, bad == null ? null : message);
            damaged += bad == null ? 0 : 1;
        }
        result.set(ChecksumState.DAMAGED);
        resultText.set(Messages.format("preview.checksums.damaged", damaged, message));
    }

    private static boolean names(String message, String entry) {
        return message.contains(": " + entry + " ") || message.contains(": " + entry + ":");
    }

    private void cancelled() {
        leaves.stream().filter(row -> row.getChecksum() == ChecksumState.CHECKING)
                .forEach(row -> row.setChecksum(ChecksumState.NOT_CHECKED, null));
        result.set(ChecksumState.NOT_CHECKED);
        resultText.set(Messages.get("preview.checksums.cancelled"));
    }
}
