package aom.migration.ui.pages.preview;

import aom.migration.session.PlanFigures;
import aom.migration.ui.DataSizes;
import aom.migration.ui.Messages;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws an import plan in numbers: one tile per metadata outcome (new, overwrite, kept, removed, conflict) and, where
 * asked, a table with a line per system database. Used by the preview and the Confirm page.
 */
public final class PlanFiguresPane {

    private static final double TILE_WIDTH = 60;

    private PlanFiguresPane() {
    }

    /** The metadata tiles and, with {@code withDatabases}, the table of databases. */
    public static VBox of(PlanFigures figures, boolean withDatabases) {
        VBox pane = new VBox(10);
        pane.setId("planFigures");
        if (figures.includesMetadata()) {
            pane.getChildren().addAll(heading("mdi2c-cube-outline", Messages.get("plan.metadata")),
                    tiles(figures, "title-2"));
        }
        if (withDatabases && !figures.systems().isEmpty()) {
            pane.getChildren().addAll(heading("mdi2d-database", Messages.get("plan.databases")), databases(figures));
        }
        return pane;
    }

    /** The metadata tiles alone, smaller, under a small heading: for the Confirm page, where room is short. */
    public static VBox compact(PlanFigures figures) {
        VBox pane = new VBox(4);
        pane.setId("planFigures");
        if (figures.includesMetadata()) {
            Label heading = new Label(Messages.get("plan.metadata"), new FontIcon("mdi2c-cube-outline"));
            heading.getStyleClass().add("text-bold");
            pane.getChildren().addAll(heading, tiles(figures, "title-3"));
        }
        return pane;
    }

    private static HBox tiles(PlanFigures figures, String numberStyle) {
        return new HBox(8,
                tile("planNew", figures.newEntities(), "plan.figure.new", "", numberStyle),
                tile("planOverwrite", figures.overwritten(), "plan.figure.overwrite", "", numberStyle),
                tile("planKept", figures.kept(), "plan.figure.kept", "", numberStyle),
                tile("planRemoved", figures.removed(), "plan.figure.removed",
                        figures.removed() > 0 ? "figure-warning" : "", numberStyle),
                tile("planConflict", figures.conflicts(), "plan.figure.conflict",
                        figures.conflicts() > 0 ? "figure-danger" : "", numberStyle));
    }

    private static GridPane databases(PlanFigures figures) {
        GridPane grid = new GridPane();
        grid.setId("planDatabases");
        grid.getStyleClass().add("plan-table");
        grid.setHgap(18);
        grid.setVgap(6);
        String[] headers = {"plan.column.system", "plan.column.database", "plan.column.created",
            "plan.column.replaced", "plan.column.dropped", "plan.column.lost"};
        for (int column = 0; column < headers.length; column++) {
            Label header = new Label(Messages.get(headers[column]));
            header.getStyleClass().add("text-bold");
            grid.add(header, column, 0);
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHalignment(column >= 2 ? HPos.RIGHT : HPos.LEFT);
            constraints.setHgrow(column == 1 ? Priority.ALWAYS : Priority.NEVER);
            grid.getColumnConstraints().add(constraints);
        }
        int row = 1;
        for (PlanFigures.SystemFigures system : figures.systems()) {
            Label database = new Label(system.plan().targetDatabase() + (system.plan().targetExists() ? ""
                    : "  " + Messages.get("plan.newDatabase")));
            grid.addRow(row++, new Label(system.plan().system().name()), database,
                    new Label(DataSizes.count(system.created())), new Label(DataSizes.count(system.replaced())),
                    new Label(DataSizes.count(system.dropped())), new Label(DataSizes.count(system.documentsLost())));
        }
        return grid;
    }

    private static HBox heading(String icon, String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        HBox heading = new HBox(6, new FontIcon(icon), label);
        heading.setAlignment(Pos.CENTER_LEFT);
        return heading;
    }

    private static VBox tile(String id, int count, String key, String style, String numberStyle) {
        Label number = new Label(DataSizes.count(count));
        number.setId(id);
        number.getStyleClass().add(numberStyle);
        Label label = new Label(Messages.get(key));
        label.getStyleClass().addAll("text-muted", "text-small");
        VBox tile = new VBox(0, number, label);
        tile.getStyleClass().add("figure-tile");
        if (!style.isEmpty()) {
            tile.getStyleClass().add(style);
        }
        tile.setAlignment(Pos.CENTER);
        // Equal preferred widths, so the row shares its width out evenly.
        tile.setPrefWidth(TILE_WIDTH);
        tile.setMinWidth(Label.USE_PREF_SIZE);
        tile.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(tile, Priority.ALWAYS);
        return tile;
    }
}
