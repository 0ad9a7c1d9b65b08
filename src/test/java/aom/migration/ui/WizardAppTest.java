package aom.migration.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WizardAppTest {

    @Test
    void aBundleFileAsTheOnlyArgumentIsOpened() {
        assertThat(WizardApp.bundleArgument(List.of("exports/ConferenceApp.AOMBUNDLE")))
                .isEqualTo(Path.of("exports/ConferenceApp.AOMBUNDLE").toAbsolutePath());
    }

    @Test
    void anythingElseStartsOnTheStartPage() {
        assertThat(WizardApp.bundleArgument(List.of())).isNull();
        assertThat(WizardApp.bundleArgument(List.of("notes.txt"))).isNull();
        assertThat(WizardApp.bundleArgument(List.of("a.aombundle", "b.aombundle"))).isNull();
    }
}
