package aom.migration.ui;

import aom.migration.demo.DemoScale;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each page of the wizard, filled with the demo installation, to PNG files for the README: the stops of a
 * {@link DemoTour} in English and in German, at the size of a laptop's window. A tool rather than a check (the
 * check is {@link LaptopWindowTest}), so it runs only when asked:
 * {@code mvn -B test -Dtest=PageScreenshotsTest -Daom.screenshots=docs/screenshots} writes
 * {@code docs/screenshots/1024x700/en/} and {@code .../de/}; {@code -Daom.screenshots.size=1280x800} renders another
 * size, {@code -Daom.screenshots.locale=de} one language only.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "aom.screenshots", matches = ".+")
class PageScreenshotsTest {

    private static final Locale DEFAULT_LOCALE = Locale.getDefault();

    @TempDir
    static Path settings;

    private final String size = System.getProperty("aom.screenshots.size", "1024x700");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(DEFAULT_LOCALE);
    }

    @Test
    void rendersEveryPageInEnglish(FxRobot robot) throws Exception {
        rendersEveryPage(robot, Locale.ENGLISH);
    }

    @Test
    void rendersEveryPageInGerman(FxRobot robot) throws Exception {
        rendersEveryPage(robot, Locale.GERMAN);
    }

    private void rendersEveryPage(FxRobot robot, Locale locale) throws Exception {
        String only = System.getProperty("aom.screenshots.locale", "");
        Assumptions.assumeTrue(only.isBlank() || only.equals(locale.getLanguage()), "not asked for");
        Locale.setDefault(locale);
        Path folder = Path.of(System.getProperty("aom.screenshots"), size, locale.getLanguage());
        String[] dimensions = size.split("x");
        try (DemoTour tour = new DemoTour(robot, stage, Double.parseDouble(dimensions[0]),
                Double.parseDouble(dimensions[1]), DemoScale.DEMO, Files.createTempDirectory(settings, "settings-"))) {
            tour.walk(name -> snapshot(robot, folder.resolve(name)), Path.of("target", "screenshot-bundles"));
        }
        assertThat(folder.resolve("16-export-summary.png")).exists();
    }

    private void snapshot(FxRobot robot, Path file) throws Exception {
        DemoTour.settle();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        PngWriter.write(image[0], file);
        assertThat(Files.size(file)).isPositive();
    }
}
