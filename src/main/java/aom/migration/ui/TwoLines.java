package aom.migration.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A table cell's content in two lines, a text over a smaller, muted one (a count over a size, a collection over its
 * database): two lines where one was cut short in a narrow window. Made once per cell, filled per item.
 */
public final class TwoLines {

    private final Label first = new Label();
    private final Label second = new Label();
    private final VBox both = new VBox(1, first, second);

    public TwoLines() {
        second.getStyleClass().addAll("text-muted", "text-small");
    }

    /** The two lines showing {@code top} and {@code bottom}, for the cell's graphic. */
    public Node show(String top, String bottom) {
        first.setText(top);
        second.setText(bottom);
        return both;
    }
}
