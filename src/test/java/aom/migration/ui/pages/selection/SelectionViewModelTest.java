package aom.migration.ui.pages.selection;

import aom.migration.demo.DemoScale;
import aom.migration.model.AppRef;
import aom.migration.model.NamingDetection;
import aom.migration.model.Selection;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionViewModelTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2024-03-01T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final WizardModel model = new WizardModel();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    private SelectionViewModel page(AppRef app) {
        return page(app, Map.of());
    }

    private SelectionViewModel page(AppRef app, Map<SystemKind, ConnectionSettings> instanceHosts) {
        model.connections().useSource(ConnectionSettings.of("source-db", 27017), instanceHosts);
        model.chooseApplication(app);
        SelectionViewModel page = new SelectionViewModel(model, new WizardServices(dialogs,
                new CurrentThreadTaskExecutor(), NOW, folder, DemoScale.TESTS));
        page.enter();
        return page;
    }

    private static AppRef shopApp() {
        NamingDetection naming = NamingDetection.detect("ShopApp", List.of("apiomat", "ShopApp", "ShopAppTEST"));
        return new AppRef("ShopApp", "Shop App", "bob", List.of("Basics", "Shop"), naming, Map.of(
                SystemKind.LIVE, new SystemDatabase(SystemKind.LIVE, "ShopApp", 1_000, 750_000, 4),
                SystemKind.TEST, new SystemDatabase(SystemKind.TEST, "ShopAppTEST", 250, 200_000, 4)));
    }

    @Test
    void aSystemTheApplicationDoesNotHaveIsDisabledWithTheReason() {
        SelectionViewModel page = page(shopApp());

        SystemChoice staging = page.system(SystemKind.STAGING);
        assertThat(staging.availableProperty().get()).isFalse();
        assertThat(staging.selectedProperty().get()).isFalse();
        assertThat(staging.reasonProperty().get())
                .isEqualTo("Not available: the database ShopAppSTAGING does not exist on source-db:27017");
        assertThat(page.system(SystemKind.LIVE).availableProperty().get()).isTrue();
    }

    @Test
    void everyAvailableSystemStartsSelectedWithItsSize() {
        SelectionViewModel page = page(shopApp());

        assertThat(page.selection()).isEqualTo(new Selection(true, EnumSet.of(SystemKind.LIVE, SystemKind.TEST)));
        assertThat(page.system(SystemKind.LIVE).sizeProperty().get())
                .isEqualTo("1,000 documents, 732.4 KB in ShopApp");
        assertThat(page.summaryProperty().get()).isEqualTo("Metadata and 2 databases: 1,250 documents, 927.7 KB");
        assertThat(page.metadataDescriptionProperty().get()).startsWith("The application, its 2 modules");
    }

    @Test
    void theSummaryFollowsTheChoice() {
        SelectionViewModel page = page(shopApp());

        page.system(SystemKind.LIVE).selectedProperty().set(false);
        page.metadataProperty().set(false);

        assertThat(page.summaryProperty().get()).isEqualTo("1 database: 250 documents, 195.3 KB");
    }

    @Test
    void nothingSelectedKeepsNextDisabled() {
        SelectionViewModel page = page(shopApp());

        page.metadataProperty().set(false);
        page.system(SystemKind.LIVE).selectedProperty().set(false);
        page.system(SystemKind.TEST).selectedProperty().set(false);

        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(page.problemProperty().get()).isEqualTo("Select the metadata or at least one system.");
    }

    @Test
    void theBundleGetsADefaultNameWithApplicationAndTime() {
        SelectionViewModel page = page(shopApp());

        assertThat(Path.of(page.bundlePathProperty().get()).getFileName())
                .hasToString("ShopApp-20240301-101530.aombundle");
        assertThat(page.canGoNextProperty().get()).isTrue();
    }

    @Test
    void anEmptyBundlePathKeepsNextDisabled() {
        SelectionViewModel page = page(shopApp());

        page.bundlePathProperty().set(" ");

        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(page.problemProperty().get()).isEqualTo("Choose where to save the bundle.");
    }

    @Test
    void aChosenFileGetsTheBundleExtension() {
        SelectionViewModel page = page(shopApp());
        dialogs.fileAnswer = folder.resolve("shop-backup");

        page.chooseBundleFile();

        assertThat(page.bundlePathProperty().get()).isEqualTo(folder.resolve("shop-backup.aombundle").toString());
        assertThat(dialogs.fileRequests.get(0).initialFileName()).isEqualTo("ShopApp-20240301-101530.aombundle");
    }

    @Test
    void commitStoresSelectionAndBundleFile() {
        SelectionViewModel page = page(shopApp());
        page.system(SystemKind.TEST).selectedProperty().set(false);
        page.bundlePathProperty().set(folder.resolve("typed-name").toString());

        page.commit();

        assertThat(model.selectionProperty().get()).isEqualTo(new Selection(true, EnumSet.of(SystemKind.LIVE)));
        assertThat(model.bundleFileProperty().get()).isEqualTo(folder.resolve("typed-name.aombundle"));
    }

    @Test
    void theEncryptionTickIsKeptForTheExportAndTheNextVisit() {
        SelectionViewModel page = page(shopApp());

        page.encryptProperty().set(true);

        assertThat(model.encryptBundleProperty().get()).isTrue();
        assertThat(page(shopApp()).encryptProperty().get()).as("a page built anew, e.g. in another language")
                .isTrue();
    }

    @Test
    void aSystemOnItsOwnHostIsOfferedEvenWhenTheMainHostLacksIt() {
        SelectionViewModel page = page(shopApp(),
                Map.of(SystemKind.STAGING, ConnectionSettings.of("staging-data", 27017)));

        assertThat(page.system(SystemKind.STAGING).availableProperty().get()).isTrue();
        assertThat(page.system(SystemKind.STAGING).sizeProperty().get()).contains("staging-data:27017");
    }

    @Test
    void nextSaysExport() {
        SelectionViewModel page = page(shopApp());
        assertThat(page.nextLabelProperty().get()).isEqualTo("Export");
        model.chooseFlow(WizardFlow.MIGRATE);
        assertThat(page.nextLabelProperty().get()).isEqualTo("Export");
    }

    @Test
    void defaultNamesAreSafeFileNames() {
        assertThat(BundleFileName.defaultFor("Weird:App|Name", NOW))
                .isEqualTo("Weird_App_Name-20240301-101530.aombundle");
        assertThat(BundleFileName.withExtension(Path.of("x.AOMBUNDLE"))).hasToString("x.AOMBUNDLE");
    }

    @Test
    void comingBackAfterAnExportProposesANewNameButKeepsOneTheUserChose() {
        SelectionViewModel page = page(shopApp());
        String first = page.bundlePathProperty().get();
        page.commit();

        // Back from the Export page (the clock stands still: the same second).
        page.enter();

        String second = page.bundlePathProperty().get();
        assertThat(first).endsWith("ShopApp-20240301-101530.aombundle");
        assertThat(second).endsWith("ShopApp-20240301-101530-2.aombundle");
        page.enter();
        assertThat(page.bundlePathProperty().get()).endsWith("ShopApp-20240301-101530-3.aombundle");

        String chosen = folder.resolve("mine.aombundle").toString();
        page.bundlePathProperty().set(chosen);
        page.enter();
        assertThat(page.bundlePathProperty().get()).isEqualTo(chosen);
    }
}
