package aom.migration.progress;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CountDriftTest {

    @TempDir
    Path dir;

    @Test
    void anExportOfASourceThatIsWrittenToSaysItIsNoCopyOfOneMoment() throws Exception {
        try (EmbeddedServer source = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(source.uri())) {
            DemoInstallation.writeSource(client, DemoScale.TESTS);
            MongoCollection<Document> talks = client.getDatabase("ConferenceApp").getCollection("Speakers_Talk");
            long before = talks.countDocuments();
            CountDrift drift = new CountDrift(event -> {
                // Planned (counted), not read yet: someone writes to the source now.
                if (event.phase() == Phase.DATA && event.message() != null) {
                    talks.insertOne(new Document("title", "written during the export"));
                }
            });

            new ExportJob(source.settings(), "ConferenceApp", Selection.everything(), dir.resolve("c.aombundle"),
                    ExtractionProfile.defaults(), ExportOptions.defaults()).run(drift, CancellationToken.none());

            assertThat(drift.note()).hasValue("The source changed while it was exported: ConferenceApp.Speakers_Talk"
                    + " (" + before + " when the export started, " + (before + 1) + " read). The bundle holds each"
                    + " collection as it was when it was read, not the installation at one moment; export again when"
                    + " nothing writes to the source for a copy that is.");
        }
    }

    @Test
    void anExportOfAQuietSourceHasNothingToSay() throws Exception {
        try (EmbeddedServer source = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(source.uri())) {
            DemoInstallation.writeSource(client, DemoScale.TESTS);
            CountDrift drift = new CountDrift(ProgressListener.NONE);

            new ExportJob(source.settings(), "ConferenceApp", Selection.everything(), dir.resolve("c.aombundle"),
                    ExtractionProfile.defaults(), ExportOptions.defaults()).run(drift, CancellationToken.none());

            assertThat(drift.note()).isEmpty();
        }
    }

    @Test
    void manyMovedCollectionsAreNamedUpToThreeAndCounted() {
        CountDrift drift = new CountDrift(ProgressListener.NONE);
        for (String collection : new String[] {"a", "b", "c", "d", "e"}) {
            drift.onProgress(event("db." + collection, 0, 10));
            drift.onProgress(event("db." + collection, 11, 10));
        }
        drift.onProgress(event("db.quiet", 0, 10));
        drift.onProgress(event("db.quiet", 10, 10));

        assertThat(drift.note()).hasValueSatisfying(note -> assertThat(note).startsWith("The source changed while"
                + " it was exported: db.a (10 when the export started, 11 read), db.b (10 when the export started, 11"
                + " read), db.c (10 when the export started, 11 read) and 2 more.").doesNotContain("db.quiet"));
    }

    private static ProgressEvent event(String namespace, long done, long total) {
        return new ProgressEvent(Phase.DATA, namespace, done, total, 0, -1, 0, 0, null, ProgressEvent.Level.INFO,
                null);
    }
}
