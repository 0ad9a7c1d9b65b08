package aom.migration.cli;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Demo servers for one test class, with ConferenceApp exported once from the demo source into a bundle. Tests may
 * read the demo target but not change it; a test that imports uses {@link ImportFixtures#demoTarget()}.
 */
abstract class ConferenceBundleTests {

    static DemoServers demo;
    static MongoClient source;
    static Path bundle;

    @TempDir
    static Path shared;

    @BeforeAll
    static void exportConferenceApp() throws Exception {
        demo = DemoServers.start(DemoScale.TESTS);
        source = MongoClients.create(demo.source().uri());
        bundle = ImportFixtures.exportConference(demo, shared);
    }

    @AfterAll
    static void stopDemo() {
        source.close();
        demo.close();
    }
}
