package aom.migration.ui.wizard;

import aom.migration.ui.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the flow's steps in the header: done ones ticked, the current one highlighted, the rest plain. The labels are
 * made once per flow; a change of page only restyles those whose state changed, so that it costs no new nodes.
 */
final class StepBar {

    private static final double STEP_MIN_WIDTH = 26;

    private final HBox bar;
    private final List<Step> shown = new ArrayList<>();
    private List<PageId> steps = List.of();

    StepBar(HBox bar) {
        this.bar = bar;
    }

    void show(List<PageId> flow, PageId current) {
        if (!flow.equals(steps)) {
            build(flow);
        }
        int currentIndex = steps.indexOf(current);
        for (int i = 0; i < shown.size(); i++) {
            shown.get(i).show(i < currentIndex ? "step-done" : i == currentIndex ? "step-current" : "step-todo");
        }
    }

    private void build(List<PageId> flow) {
        steps = List.copyOf(flow);
        shown.clear();
        bar.getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                FontIcon separator = new FontIcon("mdi2c-chevron-right");
                separator.getStyleClass().add("step-separator");
                bar.getChildren().add(separator);
            }
            Step step = new Step(i, steps.get(i));
            shown.add(step);
            bar.getChildren().add(step.label);
        }
    }

    /** One step: its number (a tick once done) and its title. */
    private static final class Step {
        private final int index;
        private final Label number;
        private final Label label;
        private final FontIcon tick = new FontIcon("mdi2c-check");
        private String state = "";

        Step(int index, PageId page) {
            this.index = index;
            number = new Label();
            number.getStyleClass().add("step-number");
            number.setAlignment(Pos.CENTER);
            label = new Label(Messages.get(page.titleKey()), number);
            label.setId("step-" + page.name());
            label.getStyleClass().add("step");
        }

        void show(String now) {
            if (now.equals(state)) {
                return;
            }
            label.getStyleClass().remove(state);
            label.getStyleClass().add(now);
            state = now;
            boolean done = now.equals("step-done");
            number.setText(done ? "" : String.valueOf(index + 1));
            number.setGraphic(done ? tick : null);
            // Long flows do not fit a narrow window: the other steps may shrink to their number, the current one not.
            label.setMinWidth(now.equals("step-current") ? Label.USE_PREF_SIZE : STEP_MIN_WIDTH);
        }
    }
}
