package aom.migration.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

import java.util.List;

/**
 * Keeps a node in its parent only while a condition holds, at its place among its siblings. JavaFX makes skins for,
 * styles and lays out a hidden node as it does a shown one; a part of a page the user seldom opens (the connection
 * fields behind the URI, say) costs nothing while it is left out of the scene.
 */
public final class AttachedWhile {

    private AttachedWhile() {
    }

    /** Keeps {@code node}, a child of a {@link Pane}, in its parent while {@code shown} is true. */
    public static void bind(Node node, ObservableBooleanValue shown) {
        Pane parent = (Pane) node.getParent();
        // The children as the FXML made them, to find the place again when siblings come and go as well.
        List<Node> order = List.copyOf(parent.getChildren());
        Runnable update = () -> {
            boolean attached = parent.getChildren().contains(node);
            if (shown.get() && !attached) {
                int before = (int) order.subList(0, order.indexOf(node)).stream()
                        .filter(parent.getChildren()::contains).count();
                parent.getChildren().add(before, node);
            } else if (!shown.get() && attached) {
                parent.getChildren().remove(node);
            }
        };
        shown.addListener(observable -> update.run());
        // A binding such as mode.isEqualTo(FIELDS) hangs on its source by a weak listener only: without a strong
        // reference it is collected by the next GC and the node stops following the condition.
        node.getProperties().put(AttachedWhile.class, shown);
        update.run();
    }
}
