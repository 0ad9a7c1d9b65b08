package aom.migration.ui;

import aom.migration.demo.DemoServers;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;

/** Bundles of the demo installation for tests that start from a bundle, exported the way the CLI does it. */
public final class DemoBundles {

    private DemoBundles() {
    }

    /** Exports all of ConferenceApp (metadata, LIVE, STAGING, TEST) from the demo source into {@code folder}. */
    public static Path conferenceApp(DemoServers demo, Path folder) throws IOException {
        return new ExportJob(demo.source().settings(), "ConferenceApp", Selection.everything(),
                folder.resolve("ConferenceApp-test.aombundle"), ExtractionProfile.defaults(), ExportOptions.defaults())
                .run(ProgressListener.NONE, CancellationToken.none()).bundle();
    }
}
