package aom.migration.ui.pages.preview;

import aom.migration.ui.DataSizes;
import aom.migration.ui.Messages;
import aom.migration.ui.session.PlanFigures;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws an import plan in numbers: one tile per metadata outcome (new, overwrite, kept, removed, conflict) and one
 * line per system database. Used by the preview and the Confirm page.
 */
public final class PlanFiguresPane {

    private PlanFiguresPane() {
    }

    public static VBox of(PlanFigures figures) {
        VBox pane = new VBox(12);
        pane.setId("planFigures");
        if (figures.includesMetadata()) {
            HBox tiles = new HBox(10,
                    tile("planNew", figures.newEntities(), "plan.figure.new", ""),
                    tile("planOverwrite", figures.overwritten(), "plan.figure.overwrite", ""),
                    tile("planKept", figures.kept(), "plan.figure.kept", ""),
                    tile("planRemoved", figures.removed(), "plan.figure.removed",
                            figures.removed() > 0 ? "figure-warning" : ""),
                    tile("planConflict", figures.conflicts(), "plan.figure.conflict",
                            figures.conflicts() > 0 ? "figure-danger" : ""));
            pane.getChildren().addAll(heading("mdi2c-cube-outline", Messages.get("plan.metadata")), tiles);
        }
        if (!figures.systems().isEmpty()) {
            pane.getChildren().add(heading("mdi2d-database", Messages.get("plan.databases")));
            for (PlanFigures.SystemFigures system : figures.systems()) {
                Label line = new Label(Messages.format("plan.system", system.plan().system(),
                        system.plan().targetDatabase(), system.created(), system.replaced(), system.dropped(),
                        DataSizes.count(system.documentsLost()),
                        system.plan().targetExists() ? 0 : 1));
                line.setId("plan-" + system.plan().system());
                line.setWrapText(true);
                pane.getChildren().add(line);
            }
        }
        return pane;
    }

    private static HBox heading(String icon, String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        HBox heading = new HBox(6, new FontIcon(icon), label);
        heading.setAlignment(Pos.CENTER_LEFT);
        return heading;
    }

    private static VBox tile(String id, int count, String key, String style) {
        Label number = new Label(DataSizes.count(count));
        number.setId(id);
        number.getStyleClass().add("title-2");
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("text-muted");
        VBox tile = new VBox(2, number, label);
        tile.getStyleClass().add("figure-tile");
        if (!style.isEmpty()) {
            tile.getStyleClass().add(style);
        }
        tile.setAlignment(Pos.CENTER);
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }
}
