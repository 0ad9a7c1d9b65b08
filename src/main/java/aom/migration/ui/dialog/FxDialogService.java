package aom.migration.ui.dialog;

import aom.migration.model.SystemKind;
import aom.migration.restore.Placement;
import aom.migration.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The real dialogs, owned by the wizard's window so that they open centred on it. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        OwnedDialog.showAndWait(ErrorDialog.create(title, message, details), owner.get());
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return confirm(title, message, confirmLabel, Messages.get("button.cancel"));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, String declineLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType decline = new ButtonType(declineLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, decline);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("confirmDialog");
        // Buttons keep their whole label, however long a translation is: each as wide as its own label (the bar's
        // uniform width was reckoned before the theme's padding and cut the longer one), the dialog wide enough.
        alert.getDialogPane().getButtonTypes().forEach(type -> {
            Button button = (Button) alert.getDialogPane().lookupButton(type);
            ButtonBar.setButtonUniformSize(button, false);
            button.setMinWidth(Region.USE_PREF_SIZE);
        });
        return OwnedDialog.showAndWait(alert, owner.get()).filter(confirm::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String message, String initialText) {
        TextInputDialog dialog = new TextInputDialog(initialText == null ? "" : initialText);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setContentText(message);
        return OwnedDialog.showAndWait(dialog, owner.get()).map(String::trim).filter(text -> !text.isEmpty());
    }

    @Override
    public Optional<char[]> askPassphrase(String title, String message, boolean twice) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        PasswordField first = new PasswordField();
        first.setId("passphraseField");
        PasswordField again = new PasswordField();
        again.setId("passphraseAgainField");
        Label text = new Label(message);
        text.setWrapText(true);
        Label mismatch = new Label();
        mismatch.getStyleClass().add("problem-text");
        VBox content = new VBox(8, text, first);
        if (twice) {
            again.setPromptText(Messages.get("passphrase.again"));
            content.getChildren().addAll(again, mismatch);
        }
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> first.getText().isEmpty()
                || twice && !first.getText().equals(again.getText()), first.textProperty(), again.textProperty()));
        mismatch.textProperty().bind(Bindings.createStringBinding(() -> !again.getText().isEmpty()
                && !first.getText().equals(again.getText()) ? Messages.get("passphrase.mismatch") : "",
                first.textProperty(), again.textProperty()));
        dialog.setOnShown(event -> first.requestFocus());
        dialog.setResultConverter(button -> button == ButtonType.OK ? first.getText().toCharArray() : null);
        Optional<char[]> answer = OwnedDialog.showAndWait(dialog, owner.get());
        first.clear();
        again.clear();
        return answer;
    }

    @Override
    public Optional<Placement> askPlacement(String application, Set<SystemKind> systems, Placement current) {
        return OwnedDialog.showAndWait(PlacementDialog.of(application, systems, current), owner.get());
    }

    @Override
    public Optional<Path> chooseFileToSave(FileRequest request) {
        return Optional.ofNullable(chooser(request).showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileRequest request) {
        return Optional.ofNullable(chooser(request).showOpenDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(FileRequest request) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(request.title());
        // The native dialog reads the file system on this thread anyway; one more stat does not matter.
        if (request.initialDirectory() != null && Files.isDirectory(request.initialDirectory())) {
            chooser.setInitialDirectory(request.initialDirectory().toFile());
        }
        if (request.initialFileName() != null) {
            chooser.setInitialFileName(request.initialFileName());
        }
        for (FileRequest.FileType type : request.fileTypes()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.patterns()));
        }
        return chooser;
    }
}
