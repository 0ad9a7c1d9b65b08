package aom.migration.export;

import aom.migration.bundle.BundleReader;
import aom.migration.bundle.Compression;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.model.SystemKind;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LargeDocumentsTest {

    @Test
    void collectionOfHalfMegabyteDocumentsExportsWithRepliesUnderTheMessageLimit(@TempDir Path dir)
            throws IOException {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(server.uri())) {
            DemoInstallation.writeSource(client, DemoScale.TESTS);
            // 101 documents of 500 KB: one batch of 100 of them would be a 50 MB reply, past the 48 MB limit.
            MongoCollection<Document> videos = client.getDatabase("FleetTracker").getCollection("Media_Video");
            Random random = new Random(1);
            for (int part = 0; part < 101; part += 10) {
                List<Document> batch = new ArrayList<>();
                for (int i = part; i < Math.min(101, part + 10); i++) {
                    byte[] data = new byte[500_000];
                    random.nextBytes(data);
                    batch.add(new Document("_id", i).append("data", new Binary(data)));
                }
                videos.insertMany(batch);
            }

            ExportResult result = new ExportJob(server.settings(), "FleetTracker",
                    new Selection(false, EnumSet.of(SystemKind.LIVE)), dir.resolve("videos.aombundle"),
                    ExtractionProfile.defaults(), ExportOptions.defaults().withCompression(Compression.NONE))
                    .run(event -> { }, CancellationToken.none());

            try (BundleReader bundle = BundleReader.open(result.bundle())) {
                assertThat(bundle.collection("FleetTracker", "Media_Video").orElseThrow().expectedDocuments())
                        .isEqualTo(101);
                bundle.verifyChecksums(event -> { }, CancellationToken.none());
            }
        }
    }

    @Test
    void cursorBatchesAimAtFourMegabytesWhateverTheDocumentSize() {
        assertThat(DatabaseExporter.cursorBatchSize(1024 * 1024)).isEqualTo(4);
        assertThat(DatabaseExporter.cursorBatchSize(20 * 1024 * 1024)).isEqualTo(1);
        assertThat(DatabaseExporter.cursorBatchSize(400)).isEqualTo(10_485);
        assertThat(DatabaseExporter.cursorBatchSize(0)).isEqualTo(4096);
    }
}
