package aom.migration.restore;

import aom.migration.bundle.BundleReader;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.mongo.Installation;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The overall figures a progress bar shows end at 100 % and never go past it. */
class ProgressFiguresTest {

    @Test
    void exportAndImportOverallFiguresEndAtTheirTotals(@TempDir Path dir) throws Exception {
        try (DemoServers demo = DemoServers.start(DemoScale.TESTS)) {
            List<ProgressEvent> exportEvents = new CopyOnWriteArrayList<>();
            Path file = new ExportJob(demo.source().settings(), "ConferenceApp", Selection.everything(),
                    dir.resolve("c.aombundle"), ExtractionProfile.defaults(), ExportOptions.defaults())
                    .run(exportEvents::add, CancellationToken.none()).bundle();
            ProgressEvent lastExport = lastOverall(exportEvents, Phase.DATA);
            assertThat(lastExport.bytesDone()).isEqualTo(lastExport.bytesTotal());
            assertThat(exportEvents).allSatisfy(event -> assertThat(event.fraction()).isLessThanOrEqualTo(1.0));

            List<ProgressEvent> importEvents = new CopyOnWriteArrayList<>();
            try (BundleReader bundle = BundleReader.open(file);
                 Installation target = Installation.connect(demo.target().settings())) {
                ImportRequest request = BundleImport.request(bundle, DatabaseNaming.DASHED,
                        BundleImport.systemsIn(bundle), true);
                new ImportJob(target, request, ImportOptions.defaults()).run(importEvents::add,
                        CancellationToken.none());
            }
            long exported = bundleDocuments(file);
            assertThat(lastOverall(importEvents, Phase.LOAD).documentsDone()).isEqualTo(exported);
            assertThat(lastOverall(importEvents, Phase.VERIFY).documentsDone()).isEqualTo(exported);
        }
    }

    private static long bundleDocuments(Path file) throws Exception {
        try (BundleReader bundle = BundleReader.open(file)) {
            return bundle.manifest().counts().documents();
        }
    }

    private static ProgressEvent lastOverall(List<ProgressEvent> events, Phase phase) {
        return events.stream().filter(ProgressEvent::isOverall).filter(e -> e.phase() == phase)
                .filter(e -> e.message() == null).reduce((a, b) -> b).orElseThrow();
    }
}
