package aom.migration.ui.wizard;

import aom.migration.ui.settings.WizardSettings;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WindowGeometryTest {

    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 24, 1366, 744);
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 740);

    @TempDir
    Path settings;

    @Test
    void withoutASavedSizeTheWindowOpensAtItsPreferredSizeCentredWhereTheScreenHasRoom() {
        assertThat(WindowGeometry.initial(WizardSettings.NONE, FULL_HD))
                .isEqualTo(new Rectangle2D(370, 115, 1180, 820));
    }

    @Test
    void onALaptopItTakesTheScreensHeightAndNeverMore() {
        assertThat(WindowGeometry.initial(WizardSettings.NONE, LAPTOP))
                .isEqualTo(new Rectangle2D(93, 24, 1180, 744));
        assertThat(WindowGeometry.initial(WizardSettings.NONE, SMALL)).isEqualTo(new Rectangle2D(0, 0, 1024, 740));
    }

    @Test
    void theLastSizeIsRestoredWithinTheScreenAndNotBelowTheMinimum() {
        assertThat(WindowGeometry.initial(new WizardSettings(null, 1300, 900, false), FULL_HD))
                .isEqualTo(new Rectangle2D(310, 75, 1300, 900));
        assertThat(WindowGeometry.initial(new WizardSettings(null, 2500, 1400, false), LAPTOP))
                .isEqualTo(LAPTOP);
        assertThat(WindowGeometry.initial(new WizardSettings(null, 400, 300, false), FULL_HD).getWidth())
                .isEqualTo(WindowGeometry.MIN_WIDTH);
    }

    @Test
    void aScreenSmallerThanTheMinimumGivesTheScreensSizeAsTheMinimum() {
        Rectangle2D tiny = new Rectangle2D(0, 0, 800, 600);
        assertThat(WindowGeometry.minWidth(tiny)).isEqualTo(800);
        assertThat(WindowGeometry.minHeight(tiny)).isEqualTo(600);
        assertThat(WindowGeometry.initial(WizardSettings.NONE, tiny)).isEqualTo(tiny);
    }

    @Test
    void theSettingsFileKeepsLanguageAndSize() {
        new WizardSettings("de", 1111, 777, true).save(settings);

        WizardSettings loaded = WizardSettings.load(settings);

        assertThat(loaded).isEqualTo(new WizardSettings("de", 1111, 777, true));
        assertThat(loaded.locale()).hasValueSatisfying(locale -> assertThat(locale.getLanguage()).isEqualTo("de"));
        assertThat(WizardSettings.load(settings.resolve("nowhere"))).isEqualTo(WizardSettings.NONE);
    }
}
