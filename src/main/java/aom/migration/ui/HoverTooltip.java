package aom.migration.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Supplier;

/**
 * A tooltip for a table or list cell that is made only when the mouse first comes to the cell. A tooltip is a popup
 * control of its own: making one for every visible cell up front costs more than drawing the rest of the table.
 */
public final class HoverTooltip {

    private final Control control;
    private final Supplier<String> text;

    private HoverTooltip(Control control, Supplier<String> text) {
        this.control = control;
        this.text = text;
    }

    /** Gives {@code control} a tooltip with what {@code text} tells at the time (none for null or empty). */
    public static HoverTooltip on(Control control, Supplier<String> text) {
        HoverTooltip tooltip = new HoverTooltip(control, text);
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> tooltip.make());
        return tooltip;
    }

    /** Keeps a tooltip already made in step with the text: call when the cell shows another item. */
    public void refresh() {
        String now = text.get();
        if (now == null || now.isEmpty()) {
            control.setTooltip(null);
        } else if (control.getTooltip() != null) {
            control.getTooltip().setText(now);
        }
    }

    private void make() {
        String now = text.get();
        if (control.getTooltip() == null && now != null && !now.isEmpty()) {
            control.setTooltip(new Tooltip(now));
        }
    }
}
