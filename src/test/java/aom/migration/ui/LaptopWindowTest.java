package aom.migration.ui;

import aom.migration.demo.DemoScale;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in a laptop's window (1024 x 700), in English and in German, as a user looks at it: no text cut short,
 * no scroll bar on a page that should fit (the connection form with all its fields may scroll), no table too narrow
 * for its columns; in German no English sentence; on the Confirm page at least eight drop warnings in view and the
 * prompt whole.
 */
@ExtendWith(ApplicationExtension.class)
class LaptopWindowTest {

    private static final Locale DEFAULT_LOCALE = Locale.getDefault();
    private static final double WIDTH = 1024;
    private static final double HEIGHT = 700;
    private static final int DROP_ROWS_IN_VIEW = 8;

    @TempDir
    Path dir;

    private Stage stage;
    private final List<String> problems = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(DEFAULT_LOCALE);
    }

    @Test
    void everyPageFitsALaptopsWindowInEnglish(FxRobot robot) throws Exception {
        walk(robot, Locale.ENGLISH);

        assertThat(problems).as("what a user sees wrong at 1024 x 700 in English").isEmpty();
    }

    @Test
    void everyPageFitsALaptopsWindowInGermanAndSpeaksGerman(FxRobot robot) throws Exception {
        walk(robot, Locale.GERMAN);

        assertThat(problems).as("what a user sees wrong at 1024 x 700 in German").isEmpty();
    }

    private void walk(FxRobot robot, Locale locale) throws Exception {
        Locale.setDefault(locale);
        try (DemoTour tour = new DemoTour(robot, stage, WIDTH, HEIGHT, DemoScale.TESTS,
                Files.createDirectories(dir.resolve("settings")))) {
            tour.walk(stop -> check(stop, locale), dir.resolve("bundles"));
        }
    }

    private void check(String stop, Locale locale) throws Exception {
        DemoTour.settle();
        List<String> found = WaitForAsyncUtils.asyncFx(() -> {
            Parent root = stage.getScene().getRoot();
            List<String> seen = new ArrayList<>(LayoutCheck.cutTexts(root));
            if (!stop.startsWith("06-")) {
                seen.addAll(LayoutCheck.pageScrollBars(root));
            }
            seen.addAll(LayoutCheck.tablesTooNarrow(root));
            if (locale.getLanguage().equals("de")) {
                LayoutCheck.englishTexts(root).forEach(text -> seen.add("English: " + text));
            }
            if (stop.startsWith("12-")) {
                seen.addAll(confirmPage(root));
            }
            return seen;
        }).get(30, TimeUnit.SECONDS);
        found.forEach(problem -> problems.add(stop + ": " + problem));
    }

    /** The safety step: at least eight drop warnings in view, and the prompt whole. */
    private static List<String> confirmPage(Parent root) {
        List<String> found = new ArrayList<>();
        TableView<?> drops = (TableView<?>) root.lookup("#dropTable");
        VirtualFlow<?> flow = (VirtualFlow<?>) drops.lookup(".virtual-flow");
        int inView = 0;
        for (int row = 0; row < drops.getItems().size(); row++) {
            IndexedCell<?> cell = flow.getVisibleCell(row);
            if (cell != null && cell.getBoundsInParent().getMinY() >= 0
                    && cell.getBoundsInParent().getMaxY() <= flow.getHeight() + 0.5) {
                inView++;
            }
        }
        if (inView < Math.min(DROP_ROWS_IN_VIEW, drops.getItems().size())) {
            found.add(inView + " of " + drops.getItems().size() + " drop warnings in view");
        }
        Label prompt = (Label) root.lookup("#typePrompt");
        if (prompt.getWidth() < prompt.prefWidth(-1) - 0.5) {
            found.add("the prompt '" + prompt.getText() + "' is " + prompt.getWidth() + " wide of "
                    + prompt.prefWidth(-1));
        }
        return found;
    }
}
