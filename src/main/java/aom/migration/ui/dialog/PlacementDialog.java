package aom.migration.ui.dialog;

import aom.migration.model.ApplicationNames;
import aom.migration.model.SystemKind;
import aom.migration.restore.Placement;
import aom.migration.ui.Messages;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * The Confirm page's question where an import puts the application (DESIGN.md section 7): its name in the target
 * and, for each system being imported, the target's system it goes into. OK stays disabled while the name is not a
 * valid application name or two systems would go into one, and the dialog says why.
 */
final class PlacementDialog {

    private PlacementDialog() {
    }

    static Dialog<Placement> of(String application, Set<SystemKind> systems, Placement current) {
        Dialog<Placement> dialog = new Dialog<>();
        dialog.setTitle(Messages.get("placement.title"));
        dialog.setHeaderText(Messages.format("placement.header", application));
        TextField name = new TextField(current.nameFor(application));
        name.setId("placementName");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(Messages.get("placement.name")), name);
        Map<SystemKind, ComboBox<SystemKind>> into = new EnumMap<>(SystemKind.class);
        int row = 1;
        for (SystemKind system : SystemKind.values()) {
            if (!systems.contains(system)) {
                continue;
            }
            ComboBox<SystemKind> target = new ComboBox<>();
            target.getItems().setAll(SystemKind.values());
            SystemKind chosen = current.moves().get(system);
            target.setValue(chosen == null ? system : chosen);
            target.setId("placementInto" + system.name());
            target.setButtonCell(new SystemCell());
            target.setCellFactory(list -> new SystemCell());
            into.put(system, target);
            grid.addRow(row++, new Label(Messages.format("placement.into", system)), target);
        }
        Label hint = new Label(Messages.get("placement.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        Label problem = new Label();
        problem.setId("placementProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem-text");
        List<Observable> inputs = new ArrayList<>(List.of(name.textProperty()));
        into.values().forEach(box -> inputs.add(box.valueProperty()));
        StringBinding why = Bindings.createStringBinding(() -> problem(application, name.getText(), chosen(into),
                systems), inputs.toArray(Observable[]::new));
        problem.textProperty().bind(why);
        VBox content = new VBox(10, grid, hint, problem);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(why.isNotEmpty());
        dialog.setOnShown(event -> name.requestFocus());
        dialog.setResultConverter(button -> button == ButtonType.OK ? new Placement(
                name.getText().strip().equals(application) ? null : name.getText().strip(), chosen(into)) : null);
        return dialog;
    }

    /** Why the answer cannot be taken, in the user's language; empty when it can. */
    static String problem(String application, String name, Map<SystemKind, SystemKind> into,
                          Set<SystemKind> systems) {
        String wanted = name == null ? "" : name.strip();
        if (!wanted.equals(application) && ApplicationNames.problem(wanted).isPresent()) {
            return Messages.format("placement.problem.name", wanted, ApplicationNames.FORBIDDEN);
        }
        Map<SystemKind, SystemKind> seen = new EnumMap<>(SystemKind.class);
        for (SystemKind system : systems) {
            SystemKind target = into.getOrDefault(system, system);
            SystemKind other = seen.put(target, system);
            if (other != null) {
                return Messages.format("placement.problem.twoIntoOne", other, system, target);
            }
        }
        return "";
    }

    private static Map<SystemKind, SystemKind> chosen(Map<SystemKind, ComboBox<SystemKind>> into) {
        Map<SystemKind, SystemKind> moves = new EnumMap<>(SystemKind.class);
        into.forEach((system, box) -> {
            ObjectProperty<SystemKind> value = box.valueProperty();
            if (value.get() != null && value.get() != system) {
                moves.put(system, value.get());
            }
        });
        return moves;
    }

    /** A system, shown by its name. */
    private static final class SystemCell extends ListCell<SystemKind> {
        @Override
        protected void updateItem(SystemKind system, boolean empty) {
            super.updateItem(system, empty);
            setText(empty || system == null ? null : system.name());
        }
    }
}
