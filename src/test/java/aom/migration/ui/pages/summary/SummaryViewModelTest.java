package aom.migration.ui.pages.summary;

import aom.migration.demo.DemoScale;
import aom.migration.restore.ImportResult;
import aom.migration.restore.VerificationReport;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.desktop.FolderOpener;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryViewModelTest {

    @TempDir
    Path folder;

    private final WizardModel model = new WizardModel();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    private static final VerificationReport FAILED = new VerificationReport("ConferenceApp", "db1:27017",
            "2024-03-01T10:15:30Z", false, true,
            List.of(new VerificationReport.CollectionCheck("LIVE", "ConferenceApp", "Speakers_Talk", "create", 24,
                    23, "a".repeat(64), "b".repeat(64), false, false)),
            List.of(new VerificationReport.MetadataCheck("modules", 4, 6, 1, true)),
            List.of("ConferenceApp.Speakers_Talk has 23 documents, the import brought 24"));

    private SummaryViewModel page(FolderOpener folders) {
        model.chooseFlow(WizardFlow.IMPORT);
        model.chooseBundle(folder.resolve("bundles").resolve("ConferenceApp.aombundle"));
        model.importFinished(new ImportResult(null, false, List.of("ConferenceApp.Things: restored"),
                FAILED, new VerificationReport.Saved(folder.resolve("r.json"), folder.resolve("r.txt")), null));
        SummaryViewModel page = new SummaryViewModel(model, new WizardServices(dialogs,
                new CurrentThreadTaskExecutor(), Clock.systemUTC(), folder, DemoScale.TESTS, folders));
        page.enter();
        return page;
    }

    @Test
    void aFailedVerificationSaysSoAndListsTheProblemAndWhatWasPutRight() {
        SummaryViewModel page = page(FolderOpener.NONE);

        assertThat(page.verdictProperty().get()).isEqualTo(SummaryViewModel.Verdict.FAILED);
        assertThat(page.headlineProperty().get()).isEqualTo("Verification failed");
        assertThat(page.collections()).singleElement().satisfies(check -> {
            assertThat(check.expectedDocuments()).isEqualTo(24);
            assertThat(check.actualDocuments()).isEqualTo(23);
        });
        assertThat(page.remarks()).containsExactly(
                "Problem: ConferenceApp.Speakers_Talk has 23 documents, the import brought 24",
                "Put right first: ConferenceApp.Things: restored");
        assertThat(page.reportLocationProperty().get()).isEqualTo("Report saved: "
                + folder.resolve("r.txt") + " (and as JSON beside it)");
        assertThat(page.canGoBackProperty().get()).isFalse();
    }

    @Test
    void theReportIsSavedAsJsonOrTextByTheChosenName() throws IOException {
        SummaryViewModel page = page(FolderOpener.NONE);

        dialogs.fileAnswer = folder.resolve("copy.json");
        page.saveReport();
        dialogs.fileAnswer = folder.resolve("copy.txt");
        page.saveReport();

        assertThat(Files.readString(folder.resolve("copy.json"))).startsWith("{").contains("\"passed\": false");
        assertThat(Files.readString(folder.resolve("copy.txt")))
                .startsWith("Verification of ConferenceApp on db1:27017 at 2024-03-01T10:15:30Z: FAILED");
        assertThat(dialogs.fileRequests.get(0).initialFileName()).isEqualTo("r.txt");
        assertThat(page.reportLocationProperty().get()).isEqualTo("Report saved: " + folder.resolve("copy.txt"));
    }

    @Test
    void aFolderThatCannotBeOpenedIsShownAsItsPath() {
        SummaryViewModel page = page(FolderOpener.NONE);

        page.openBundleFolder();

        assertThat(page.folderMessageProperty().get()).isEqualTo("No file manager could be started here. Open this"
                + " folder yourself: " + folder.resolve("bundles").toAbsolutePath());
        assertThat(page.folderPathProperty().get()).isEqualTo(folder.resolve("bundles").toAbsolutePath().toString());
        assertThat(page.folderOpenedProperty().get()).isFalse();
    }

    @Test
    void theFoldersGoToTheFileManager() {
        List<Path> opened = new ArrayList<>();
        SummaryViewModel page = page(path -> opened.add(path));

        page.openBundleFolder();
        page.openLogFolder();

        assertThat(opened).hasSize(2);
        assertThat(opened.get(0)).isEqualTo(folder.resolve("bundles").toAbsolutePath());
        assertThat(opened.get(1).getFileName().toString()).isEqualTo("logs");
        assertThat(page.folderMessageProperty().get()).isEqualTo("Handed to the file manager: " + opened.get(1));
        assertThat(page.folderOpenedProperty().get()).isTrue();
    }

    @Test
    void startOverReturnsToTheStartPageAndForgetsTheResult() {
        SummaryViewModel page = page(FolderOpener.NONE);
        // Anywhere but on the Start page (the model alone, without the other pages' ViewModels).
        model.openBundle(folder.resolve("bundles").resolve("ConferenceApp.aombundle"));

        page.startOver();

        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.START);
        assertThat(model.importResultProperty().get()).isNull();
        assertThat(model.bundleFileProperty().get()).isNull();
    }
}
