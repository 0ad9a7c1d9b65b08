package aom.migration.ui;

import aom.migration.model.SystemKind;
import aom.migration.restore.Placement;
import aom.migration.ui.dialog.DialogService;
import aom.migration.ui.dialog.FileRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers dialogs without a window and remembers what was shown, for ViewModel and view tests. */
public final class RecordingDialogService implements DialogService {

    /** One error the wizard showed. */
    public record ShownError(String title, String message, Throwable details) {
    }

    public final List<ShownError> errors = new CopyOnWriteArrayList<>();
    public final List<String> confirmations = new CopyOnWriteArrayList<>();
    public final List<FileRequest> fileRequests = new ArrayList<>();
    public volatile boolean confirmAnswer = true;
    public volatile String textAnswer;
    public volatile Path fileAnswer;
    /** The passphrases typed into the next passphrase dialogs, one each; when none is left, the dialog is cancelled. */
    public final java.util.Deque<String> passphraseAnswers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    public final List<String> passphraseRequests = new CopyOnWriteArrayList<>();
    /** The answer of the next placement dialogs ({@code null}: cancelled) and what they were asked. */
    public volatile Placement placementAnswer;
    public final List<String> placementRequests = new CopyOnWriteArrayList<>();

    @Override
    public void showError(String title, String message, Throwable details) {
        errors.add(new ShownError(title, message, details));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(title);
        return confirmAnswer;
    }

    @Override
    public Optional<String> askText(String title, String message, String initialText) {
        return Optional.ofNullable(textAnswer);
    }

    @Override
    public Optional<char[]> askPassphrase(String title, String message, boolean twice) {
        passphraseRequests.add(message);
        return Optional.ofNullable(passphraseAnswers.poll()).map(String::toCharArray);
    }

    @Override
    public Optional<Placement> askPlacement(String application, Set<SystemKind> systems, Placement current) {
        placementRequests.add(application + " " + systems);
        return Optional.ofNullable(placementAnswer);
    }

    @Override
    public Optional<Path> chooseFileToSave(FileRequest request) {
        fileRequests.add(request);
        return Optional.ofNullable(fileAnswer);
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileRequest request) {
        fileRequests.add(request);
        return Optional.ofNullable(fileAnswer);
    }
}
