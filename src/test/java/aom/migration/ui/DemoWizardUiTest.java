package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The real wizard window with demo servers of test size for the whole test class, and ConferenceApp exported from
 * their source into a bundle on first use. Each class gets servers of its own: its tests may import into the target.
 */
abstract class DemoWizardUiTest extends WizardUiTest {

    static DemoServers demo;
    private static Path bundle;

    @TempDir
    static Path bundles;

    @BeforeAll
    static void startDemo() {
        demo = DemoServers.start(DemoScale.TESTS);
        bundle = null;
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    /** ConferenceApp (metadata and every system) from the demo source, exported once per class. */
    static Path conferenceBundle() {
        if (bundle == null) {
            try {
                bundle = DemoBundles.conferenceApp(demo, bundles);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundle;
    }
}
