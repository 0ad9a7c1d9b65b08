package aom.migration.ui;

import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Keeps column headers whole: a table that shares out its width (a constrained resize policy) shrinks every column
 * alike, and in a narrow window or a longer language headers were cut ("Syst...", "Hash Bün..."). Each column is
 * given its header's width as its minimum. Call on the FX thread, where text may be measured.
 */
public final class ColumnHeaders {

    /** The header's padding and the room for a sort arrow, beside the text. */
    private static final double PADDING = 26;

    private ColumnHeaders() {
    }

    public static void keepWhole(TableView<?> table) {
        keepWhole(table.getColumns());
    }

    public static void keepWhole(TreeTableView<?> table) {
        keepWhole(table.getColumns());
    }

    private static void keepWhole(List<? extends TableColumnBase<?, ?>> columns) {
        // Headers are bold in the theme; measured before the table is styled, with the default font's size.
        Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize());
        for (TableColumnBase<?, ?> column : columns) {
            Text header = new Text(column.getText());
            header.setFont(bold);
            column.setMinWidth(Math.max(column.getMinWidth(), Math.ceil(header.getLayoutBounds().getWidth())
                    + PADDING));
        }
    }
}
