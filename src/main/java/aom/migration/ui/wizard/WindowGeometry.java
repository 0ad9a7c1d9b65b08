package aom.migration.ui.wizard;

import aom.migration.ui.settings.WizardSettings;
import javafx.geometry.Rectangle2D;

/**
 * Where the wizard's window opens: at the size it had when it was last closed, or else at a size that suits the
 * screen (every page is laid out for 1024 x 700 and up; more room shows more rows), never larger than the screen's
 * usable area and centred on it. Sizes are the window's, decorations included, as {@code Stage} counts them.
 */
final class WindowGeometry {

    /** The size the window opens at on a screen with room for it, when no size was saved. */
    static final double PREFERRED_WIDTH = 1180;
    static final double PREFERRED_HEIGHT = 820;
    /** The smallest window: the pages scroll below this rather than cut their texts. */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 640;

    private WindowGeometry() {
    }

    /** The window's bounds on {@code screen} (the screen's usable area) for the {@code saved} settings. */
    static Rectangle2D initial(WizardSettings saved, Rectangle2D screen) {
        double width = fit(saved.hasSize() ? saved.width() : PREFERRED_WIDTH, minWidth(screen), screen.getWidth());
        double height = fit(saved.hasSize() ? saved.height() : PREFERRED_HEIGHT, minHeight(screen),
                screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - width) / 2,
                screen.getMinY() + (screen.getHeight() - height) / 2, width, height);
    }

    /** The least width the window may be given; a screen narrower than {@link #MIN_WIDTH} gets its own width. */
    static double minWidth(Rectangle2D screen) {
        return Math.min(MIN_WIDTH, screen.getWidth());
    }

    static double minHeight(Rectangle2D screen) {
        return Math.min(MIN_HEIGHT, screen.getHeight());
    }

    private static double fit(double wanted, double least, double most) {
        return Math.max(least, Math.min(wanted, most));
    }
}
