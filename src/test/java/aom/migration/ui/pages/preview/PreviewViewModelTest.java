package aom.migration.ui.pages.preview;

import aom.migration.bundle.Passphrase;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.EntityOutcome;
import aom.migration.session.PlanFigures;
import aom.migration.ui.DemoBundles;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewViewModelTest {

    private static DemoServers demo;
    private static Path bundle;

    @TempDir
    static Path shared;
    @TempDir
    Path folder;

    private final WizardModel model = new WizardModel();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeAll
    static void exportConferenceApp() throws IOException {
        demo = DemoServers.start(DemoScale.TESTS);
        bundle = DemoBundles.conferenceApp(demo, shared);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @AfterEach
    void closeBundle() {
        model.close();
    }

    private PreviewViewModel open(Path file) {
        model.chooseBundle(file);
        PreviewViewModel page = new PreviewViewModel(model, new WizardServices(dialogs,
                new CurrentThreadTaskExecutor(), Clock.systemUTC(), folder, DemoScale.TESTS));
        page.enter();
        return page;
    }

    private static MetadataNode find(MetadataNode root, String label) {
        return root.flatten().filter(node -> node.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theTreeShowsTheApplicationWithItsCustomersPlanModulesClassesAndAttributes() {
        PreviewViewModel page = open(bundle);

        MetadataNode root = page.treeProperty().get();
        assertThat(root.kind()).isEqualTo(NodeKind.APPLICATION);
        assertThat(root.label()).isEqualTo("ConferenceApp");
        assertThat(root.children()).extracting(MetadataNode::label)
                .containsExactly("Customers (5)", "Plan (1)", "Modules (5)");
        MetadataNode modules = root.children().get(2);
        assertThat(modules.children()).extracting(MetadataNode::label)
                .contains("Basics 1.0.0", "ConferenceCore 2.1.0", "Speakers 1.3.0", "Geo 1.0.0", "Venues 1.0.0");
        MetadataNode core = find(root, "ConferenceCore 2.1.0");
        assertThat(core.children()).extracting(MetadataNode::label).containsExactly("Classes (3)",
                "Module jar (1)");
        MetadataNode person = core.children().get(0).children().get(0);
        assertThat(person.kind()).isEqualTo(NodeKind.CLASS);
        assertThat(person.label()).isEqualTo("Person");
        assertThat(person.children()).extracting(MetadataNode::label)
                .containsExactly("firstName", "lastName", "email");
        assertThat(find(root, "Basics 1.0.0").shared()).isTrue();
        assertThat(page.titleProperty().get()).isEqualTo("ConferenceApp (Conference App)");
        assertThat(page.canGoNextProperty().get()).isTrue();
    }

    @Test
    void theDetailsShowTheSelectedDocumentAsJsonWithThePasswordMasked() {
        PreviewViewModel page = open(bundle);

        page.selectedProperty().set(find(page.treeProperty().get(), "alice@conference.example"));

        assertThat(page.detailsTitleProperty().get()).isEqualTo("Customer: alice@conference.example");
        assertThat(page.detailsFactsProperty().get()).contains("referenced by application ConferenceApp")
                .contains("{\"userName\": \"alice@conference.example\"}").contains("Shared by the installation");
        assertThat(page.detailsJsonProperty().get()).contains("\"userName\": \"alice@conference.example\"")
                .contains("\"password\": \"********\"").doesNotContain("pbkdf2");
    }

    @Test
    void theDataSummaryListsEachDatabaseWithItsCollectionsCountsAndSizes() {
        PreviewViewModel page = open(bundle);

        assertThat(page.dataRows()).extracting(DataRow::label).containsExactly("Metadata (apiomat)",
                "LIVE: ConferenceApp", "STAGING: ConferenceApp-staging", "TEST: ConferenceApp-test", "README.txt");
        DataRow live = page.dataRows().get(1);
        assertThat(live.documents()).isEqualTo(230);
        assertThat(live.children()).extracting(DataRow::label).contains("Speakers_Talk", "images.files");
        assertThat(live.children()).filteredOn(row -> row.label().equals("Speakers_Talk"))
                .extracting(DataRow::documents).containsExactly(24L);
        assertThat(page.dataSummaryProperty().get()).startsWith("3 databases, 29 collections, 392 documents,");
        assertThat(page.warnings()).hasSize(2).anyMatch(warning -> warning.startsWith("module Venues 1.0.0 is not"
                + " declared by ConferenceApp"));
    }

    @Test
    void anEncryptedBundleAsksForItsPassphraseAndThenPreviewsAndVerifiesLikeAPlainOne() throws IOException {
        Path encrypted;
        try (Passphrase passphrase = Passphrase.of("open sesame")) {
            encrypted = new ExportJob(demo.source().settings(), "ConferenceApp", Selection.everything(),
                    folder.resolve("encrypted.aombundle"), ExtractionProfile.defaults(),
                    ExportOptions.defaults().withPassphrase(passphrase))
                    .run(ProgressListener.NONE, CancellationToken.none()).bundle();
        }
        dialogs.passphraseAnswers.addAll(List.of("wrong", "open sesame"));
        PreviewViewModel page = open(encrypted);

        assertThat(dialogs.passphraseRequests).containsExactly(
                "encrypted.aombundle is encrypted. Enter its passphrase.",
                "The passphrase does not open encrypted.aombundle. Enter it again.");
        assertThat(page.loadErrorProperty().get()).isNull();
        assertThat(page.treeProperty().get().label()).isEqualTo("ConferenceApp");
        page.verifyChecksums();
        assertThat(page.checksums().resultProperty().get()).isEqualTo(ChecksumState.OK);
        assertThat(model.openedBundleProperty().get().reader().isEncrypted()).isTrue();
    }

    @Test
    void verifyingChecksumsMarksEveryEntryAsMatching() {
        PreviewViewModel page = open(bundle);

        page.verifyChecksums();

        assertThat(page.checksums().resultProperty().get()).isEqualTo(ChecksumState.OK);
        assertThat(page.checksums().resultTextProperty().get()).matches("All \\d+ entries match their checksums\\.");
        assertThat(DataSummary.leaves(page.dataRows())).allMatch(row -> row.getChecksum() == ChecksumState.OK);
        assertThat(page.dataRows()).allMatch(row -> row.getChecksum() == ChecksumState.OK);
    }

    @Test
    void aDamagedEntryIsMarkedAndNamed() throws IOException {
        Path damaged = damage(bundle, folder.resolve("damaged.aombundle"), "dump/ConferenceApp/Speakers_Talk.bson");
        PreviewViewModel page = open(damaged);

        page.verifyChecksums();

        assertThat(page.checksums().resultProperty().get()).isEqualTo(ChecksumState.DAMAGED);
        assertThat(page.checksums().resultTextProperty().get()).startsWith("1 entry is damaged: ")
                .contains("dump/ConferenceApp/Speakers_Talk.bson");
        DataRow live = page.dataRows().get(1);
        assertThat(live.getChecksum()).isEqualTo(ChecksumState.DAMAGED);
        assertThat(live.children()).filteredOn(row -> row.getChecksum() == ChecksumState.DAMAGED)
                .extracting(DataRow::label).containsExactly("Speakers_Talk");
        assertThat(page.dataRows().get(2).getChecksum()).isEqualTo(ChecksumState.OK);
    }

    @Test
    void withATargetConnectedThePreviewShowsWhatTheImportWouldChange() {
        model.chooseFlow(WizardFlow.MIGRATE);
        model.connections().useTarget(demo.target().settings());

        PreviewViewModel page = open(bundle);

        assertThat(page.plan().stateProperty().get()).isEqualTo(TargetPlan.State.READY);
        PlanFigures figures = page.plan().figuresProperty().get();
        assertThat(figures.newEntities()).isEqualTo(40);
        assertThat(figures.overwritten()).isEqualTo(1);
        assertThat(figures.removed()).isEqualTo(3);
        assertThat(figures.conflicts()).isZero();
        assertThat(figures.kept()).isEqualTo(figures.metadata().get(EntityOutcome.KEPT_FROM_TARGET)
                + figures.metadata().get(EntityOutcome.KEPT_IN_USE) + figures.metadata().get(EntityOutcome.IDENTICAL));
        assertThat(figures.systems()).extracting(system -> system.plan().targetDatabase())
                .containsExactly("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test");
        assertThat(figures.systems().get(0).dropped()).isEqualTo(1);
    }

    @Test
    void inTheImportFlowThePlanWaitsForTheTarget() {
        model.chooseFlow(WizardFlow.IMPORT);

        PreviewViewModel page = open(bundle);

        assertThat(page.plan().stateProperty().get()).isEqualTo(TargetPlan.State.NO_TARGET);
        assertThat(page.plan().statusProperty().get()).startsWith("Connect to the target on the next page");
    }

    @Test
    void aFileThatIsNoBundleSaysWhyAndKeepsNextDisabled() throws IOException {
        Path notABundle = Files.writeString(folder.resolve("notes.aombundle"), "just some text");

        PreviewViewModel page = open(notABundle);

        assertThat(page.loadErrorProperty().get()).startsWith(notABundle + " is not a complete zip file");
        assertThat(page.canGoNextProperty().get()).isFalse();
        assertThat(model.openedBundleProperty().get()).isNull();
    }

    /** A copy of {@code source} with one byte of {@code entry} changed (same size, so it still opens). */
    private static Path damage(Path source, Path target, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
             OutputStream out = Files.newOutputStream(target);
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry next = entries.nextElement();
                byte[] data;
                try (InputStream in = zip.getInputStream(next)) {
                    data = in.readAllBytes();
                }
                if (next.getName().equals(entry)) {
                    data[data.length / 2] ^= 0x01;
                }
                copy.putNextEntry(new ZipEntry(next.getName()));
                copy.write(data);
                copy.closeEntry();
            }
        }
        return target;
    }

    @Test
    void groupsAreNamedInTheSupportEngineersWords() {
        assertThat(List.of(NodeKind.ofLabel("module"), NodeKind.ofLabel("class"), NodeKind.ofLabel("module jar"),
                NodeKind.ofLabel("something else"))).containsExactly(NodeKind.MODULE, NodeKind.CLASS, NodeKind.JAR,
                NodeKind.OTHER);
    }
}
