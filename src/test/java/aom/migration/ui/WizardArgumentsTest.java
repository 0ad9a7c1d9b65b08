package aom.migration.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WizardArgumentsTest {

    @TempDir
    Path folder;

    @Test
    void aBundleFileAsTheOnlyArgumentIsOpened() {
        assertThat(WizardArguments.bundleToOpen(List.of("exports/ConferenceApp.AOMBUNDLE")))
                .isEqualTo(Path.of("exports/ConferenceApp.AOMBUNDLE").toAbsolutePath());
    }

    @Test
    void anythingElseStartsOnTheStartPage() {
        assertThat(WizardArguments.bundleToOpen(List.of())).isNull();
        assertThat(WizardArguments.bundleToOpen(List.of("notes.txt"))).isNull();
        assertThat(WizardArguments.bundleToOpen(List.of("a.aombundle", "b.aombundle"))).isNull();
    }

    @Test
    void theWizardStartsWithoutArgumentsOrForOneExistingBundleFile() throws IOException {
        Path bundle = Files.createFile(folder.resolve("ConferenceApp.AOMBUNDLE"));

        assertThat(WizardArguments.startWizard(List.of())).isTrue();
        assertThat(WizardArguments.startWizard(List.of(bundle.toString()))).isTrue();
    }

    @Test
    void commandsAndMissingBundleFilesGoToTheCommandLine() throws IOException {
        Path notes = Files.createFile(folder.resolve("notes.txt"));

        assertThat(WizardArguments.startWizard(List.of("inspect"))).isFalse();
        assertThat(WizardArguments.startWizard(List.of(notes.toString()))).isFalse();
        assertThat(WizardArguments.startWizard(List.of(folder.resolve("gone.aombundle").toString()))).isFalse();
        assertThat(WizardArguments.startWizard(List.of(Files.createDirectory(folder.resolve("dir.aombundle"))
                .toString()))).isFalse();
    }
}
