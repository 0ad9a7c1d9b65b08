package aom.migration.ui.wizard;

import aom.migration.ui.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Draws the flow's steps in the header: done ones ticked, the current one highlighted, the rest plain. */
final class StepBar {

    private static final double STEP_MIN_WIDTH = 26;

    private final HBox bar;

    StepBar(HBox bar) {
        this.bar = bar;
    }

    void show(List<PageId> steps, PageId current) {
        bar.getChildren().clear();
        int currentIndex = steps.indexOf(current);
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                FontIcon separator = new FontIcon("mdi2c-chevron-right");
                separator.getStyleClass().add("step-separator");
                bar.getChildren().add(separator);
            }
            bar.getChildren().add(step(i, steps.get(i), currentIndex));
        }
    }

    private static Label step(int index, PageId page, int currentIndex) {
        Label number = new Label(index < currentIndex ? "" : String.valueOf(index + 1));
        number.getStyleClass().add("step-number");
        number.setAlignment(Pos.CENTER);
        if (index < currentIndex) {
            number.setGraphic(new FontIcon("mdi2c-check"));
        }
        Label step = new Label(Messages.get(page.titleKey()), number);
        step.setId("step-" + page.name());
        step.getStyleClass().add("step");
        step.getStyleClass().add(index < currentIndex ? "step-done" : index == currentIndex ? "step-current"
                : "step-todo");
        // Long flows do not fit a narrow window: the other steps may shrink to their number, the current one not.
        step.setMinWidth(index == currentIndex ? Label.USE_PREF_SIZE : STEP_MIN_WIDTH);
        return step;
    }
}
