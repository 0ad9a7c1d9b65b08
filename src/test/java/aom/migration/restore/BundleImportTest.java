package aom.migration.restore;

import aom.migration.bundle.BundleReader;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.model.SystemKind;
import aom.migration.mongo.Installation;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleImportTest {

    private static DemoServers demo;

    @BeforeAll
    static void start() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void exportedConferenceAppImportsIntoTheDemoTargetAndVerifies(@TempDir Path dir) throws Exception {
        Path file = new ExportJob(demo.source().settings(), "ConferenceApp", Selection.everything(),
                dir.resolve("conference.aombundle"), ExtractionProfile.defaults(), ExportOptions.defaults())
                .run(ProgressListener.NONE, CancellationToken.none()).bundle();
        try (BundleReader bundle = BundleReader.open(file);
             Installation target = Installation.connect(demo.target().settings())) {
            assertThat(BundleImport.systemsIn(bundle)).containsExactly(SystemKind.LIVE, SystemKind.STAGING,
                    SystemKind.TEST);
            assertThat(BundleImport.targetNaming(target, bundle)).isEqualTo(DatabaseNaming.DASHED);
            ImportRequest request = BundleImport.request(bundle, DatabaseNaming.DASHED,
                    BundleImport.systemsIn(bundle), true);
            assertThat(request.metadata()).containsKeys("applications", "modules", "metamodels");
            ImportResult result = new ImportJob(target, request, ImportOptions.defaults())
                    .run(ProgressListener.NONE, CancellationToken.none());
            assertThat(result.reportIfVerified()).hasValueSatisfying(report -> assertThat(report.passed()).isTrue());
            assertThat(target.database("ConferenceApp-test").listCollectionNames()).contains("Speakers_Talk");
        }
    }

    @Test
    void requestForASystemTheBundleLacksNamesWhatItHas(@TempDir Path dir) throws Exception {
        Path file = new ExportJob(demo.source().settings(), "ShopApp",
                new Selection(false, EnumSet.of(SystemKind.LIVE)), dir.resolve("shop.aombundle"),
                ExtractionProfile.defaults(), ExportOptions.defaults())
                .run(ProgressListener.NONE, CancellationToken.none()).bundle();
        try (BundleReader bundle = BundleReader.open(file)) {
            assertThatThrownBy(() -> BundleImport.request(bundle, DatabaseNaming.SUFFIXED, Set.of(SystemKind.TEST),
                    false)).hasMessage("The bundle holds no TEST data (it has: LIVE)");
            assertThatThrownBy(() -> BundleImport.request(bundle, DatabaseNaming.SUFFIXED, Set.of(), true))
                    .hasMessage("The bundle holds no metadata; import its data only");
        }
    }

    @Test
    void aDamagedReadmeOrKeysFileIsRefusedAlthoughTheImportDoesNotUseThem(@TempDir Path dir) throws Exception {
        Path file = new ExportJob(demo.source().settings(), "ShopApp", Selection.everything(),
                dir.resolve("shop.aombundle"), ExtractionProfile.defaults(), ExportOptions.defaults())
                .run(ProgressListener.NONE, CancellationToken.none()).bundle();
        for (String entry : java.util.List.of("README.txt", "metadata/_keys.jsonl")) {
            Path damaged = dir.resolve("damaged.aombundle");
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
                 java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
                         java.nio.file.Files.newOutputStream(damaged))) {
                for (java.util.zip.ZipEntry original : java.util.Collections.list(zip.entries())) {
                    byte[] content = zip.getInputStream(original).readAllBytes();
                    if (original.getName().equals(entry)) {
                        content[content.length / 2] ^= 0x01;
                    }
                    out.putNextEntry(new java.util.zip.ZipEntry(original.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            try (BundleReader bundle = BundleReader.open(damaged)) {
                assertThatThrownBy(() -> BundleImport.request(bundle, DatabaseNaming.SUFFIXED,
                        BundleImport.systemsIn(bundle), true))
                        .isInstanceOf(aom.migration.data.CorruptDataException.class)
                        .hasMessageContaining(entry).hasMessageContaining("SHA-256");
            }
        }
    }
}
