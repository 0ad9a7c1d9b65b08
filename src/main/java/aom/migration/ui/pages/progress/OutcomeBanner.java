package aom.migration.ui.pages.progress;

import javafx.scene.Node;
import org.kordamp.ikonli.javafx.FontIcon;

/** The banner under a progress page's progress: its colour and icon for how the job ended. */
public final class OutcomeBanner {

    private static final String[] STYLES = {"outcome-success", "outcome-warning", "outcome-danger"};

    private OutcomeBanner() {
    }

    /**
     * Styles {@code banner} and sets {@code icon} for {@code outcome}; {@code cancelledIcon} says what a cancel means
     * on that page (nothing written, or the target restored).
     */
    public static void show(Node banner, FontIcon icon, JobOutcome outcome, String cancelledIcon) {
        banner.getStyleClass().removeAll(STYLES);
        switch (outcome) {
            case SUCCEEDED -> {
                banner.getStyleClass().add("outcome-success");
                icon.setIconLiteral("mdi2c-check-circle");
            }
            case CANCELLED -> {
                banner.getStyleClass().add("outcome-warning");
                icon.setIconLiteral(cancelledIcon);
            }
            case FAILED -> {
                banner.getStyleClass().add("outcome-danger");
                icon.setIconLiteral("mdi2a-alert-circle");
            }
            case DECLINED -> icon.setIconLiteral("mdi2i-information-outline");
            default -> {
            }
        }
    }
}
