package aom.migration.restore;

import aom.migration.demo.EmbeddedServer;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierLargeDocumentsTest {

    @Test
    void digestOfHalfMegabyteDocumentsReadsRepliesUnderTheMessageLimit() {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(server.uri())) {
            // 101 documents of 500 KB: the server's default first batch of 101 would be a 50 MB reply.
            MongoCollection<Document> videos = client.getDatabase("App").getCollection("Media_Video");
            for (int part = 0; part < 101; part += 10) {
                List<Document> batch = new ArrayList<>();
                for (int i = part; i < Math.min(101, part + 10); i++) {
                    batch.add(new Document("_id", i).append("data", new Binary(new byte[500_000])));
                }
                videos.insertMany(batch);
            }

            CollectionDigest digest = new Verifier(client).digest("App", "Media_Video", CancellationToken.none());

            assertThat(digest.documents()).isEqualTo(101);
            assertThat(digest.bytes()).isGreaterThan(101L * 500_000);
        }
    }

    @Test
    void digestReadFromTheServerEqualsTheDigestOfTheBytesThatWereInserted() {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<RawBsonDocument> mixed = client.getDatabase("App")
                    .getCollection("Mixed", RawBsonDocument.class);
            DigestAccumulator inserted = new DigestAccumulator();
            Random random = new Random(7);
            for (int i = 0; i < 300; i++) {
                // Sizes from a few bytes to past the verifier's 64 KB scratch buffer, which then has to grow.
                byte[] payload = new byte[i % 50 == 0 ? 300_000 + i : random.nextInt(2_000)];
                random.nextBytes(payload);
                RawBsonDocument document = new RawBsonDocument(new BsonDocument("_id", new BsonInt32(i))
                        .append("payload", new BsonBinary(payload)), new BsonDocumentCodec());
                mixed.insertOne(document);
                inserted.add(document);
            }

            CollectionDigest read = new Verifier(client).digest("App", "Mixed", CancellationToken.none());

            assertThat(read).isEqualTo(inserted.result());
        }
    }
}
