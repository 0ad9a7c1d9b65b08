package aom.migration.restore;

import aom.migration.data.BsonDocumentReader;
import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsertBatchTest {

    private static EmbeddedServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedServer.inMemory();
        client = MongoClients.create(server.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static byte[] bytes(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        byte[] copy = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().asNIO().get(copy);
        return copy;
    }

    @Test
    void theCommandIsAnInsertWhoseDocumentsAreTheBytesGivenInTheirOrder() {
        InsertBatch batch = new InsertBatch("Speakers_Talk.__aom_import");
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            documents.add(bytes(new BsonDocument("_id", new BsonInt32(i))
                    .append("title", new BsonString("Talk " + i))));
        }
        // Offsets inside a larger array, as a reader's buffer hands them over.
        byte[] padded = new byte[documents.get(3).length + 10];
        System.arraycopy(documents.get(3), 0, padded, 7, documents.get(3).length);
        for (int i = 0; i < documents.size(); i++) {
            if (i == 3) {
                batch.add(padded, 7, documents.get(3).length);
            } else {
                batch.add(documents.get(i), 0, documents.get(i).length);
            }
        }

        BsonDocument command = batch.finish().toBsonDocument();

        assertThat(command.getFirstKey()).isEqualTo("insert");
        assertThat(command.getString("insert").getValue()).isEqualTo("Speakers_Talk.__aom_import");
        assertThat(command.getBoolean("ordered").getValue()).isFalse();
        assertThat(command.getBoolean("bypassDocumentValidation").getValue()).isTrue();
        assertThat(command.getArray("documents")).hasSize(12);
        for (int i = 0; i < documents.size(); i++) {
            assertThat(bytes(command.getArray("documents").get(i).asDocument())).isEqualTo(documents.get(i));
        }
        assertThat(batch.documents()).isEqualTo(12);
        assertThat(batch.documentBytes()).isEqualTo(documents.stream().mapToLong(d -> d.length).sum());
    }

    @Test
    void documentsReadFromABundleStreamIntoAReusedBufferMakeTheSameCommandAsFreshOnes() throws Exception {
        // 10,001 documents: array index names from one to five digits.
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        InsertBatch fresh = new InsertBatch("Talks");
        for (int i = 0; i <= 10_000; i++) {
            byte[] document = bytes(new BsonDocument("_id", new BsonInt32(i)).append("n", new BsonString("#" + i)));
            stream.write(document);
            fresh.add(document, 0, document.length);
        }
        byte[] dirty = new byte[64 * 1024];
        Arrays.fill(dirty, (byte) 0x5a);
        InsertBatch reused = new InsertBatch("Talks", dirty);
        BsonDocumentReader reader = new BsonDocumentReader(new ByteArrayInputStream(stream.toByteArray()), "Talks");
        List<Integer> offsets = new ArrayList<>();
        for (int length = reader.nextLength(); length >= 0; length = reader.nextLength()) {
            offsets.add(reused.add(reader, length));
        }

        byte[] expected = bytes(fresh.finish().toBsonDocument());
        assertThat(bytes(reused.finish().toBsonDocument())).isEqualTo(expected);
        BsonDocument command = reused.finish().toBsonDocument();
        assertThat(command.getArray("documents")).hasSize(10_001);
        assertThat(command.getArray("documents").get(10_000).asDocument().getString("n").getValue())
                .isEqualTo("#10000");
        // The buffer grew beyond the dirty one; each offset points at its document's bytes in it.
        byte[] buffer = reused.buffer();
        assertThat(buffer).isNotSameAs(dirty);
        byte[] last = bytes(new BsonDocument("_id", new BsonInt32(10_000)).append("n", new BsonString("#10000")));
        assertThat(Arrays.copyOfRange(buffer, offsets.get(10_000), offsets.get(10_000) + last.length)).isEqualTo(last);
        assertThat(reused.documentBytes()).isEqualTo(stream.size());
    }

    @Test
    void theServerHoldsExactlyTheBytesSentAlsoForADocumentOfSixteenMebibytes() {
        MongoDatabase database = client.getDatabase("App");
        Random random = new Random(5);
        List<byte[]> sent = new ArrayList<>();
        InsertBatch small = new InsertBatch("Media");
        for (int i = 0; i < 300; i++) {
            byte[] payload = new byte[random.nextInt(3_000)];
            random.nextBytes(payload);
            byte[] document = bytes(new BsonDocument("_id", new BsonInt32(i)).append("data", new BsonBinary(payload)));
            sent.add(document);
            small.add(document, 0, document.length);
        }
        small.send(database);
        // The largest document MongoDB stores: the command around it still fits the 16 KiB commands may add.
        byte[] huge = bytes(new BsonDocument("_id", new BsonInt32(300)).append("data", new BsonBinary(new byte[0])));
        int payload = 16 * 1024 * 1024 - huge.length;
        huge = bytes(new BsonDocument("_id", new BsonInt32(300)).append("data", new BsonBinary(new byte[payload])));
        assertThat(huge.length).isEqualTo(16 * 1024 * 1024);
        sent.add(huge);
        InsertBatch single = new InsertBatch("Media");
        single.add(huge, 0, huge.length);
        single.send(database);

        List<byte[]> stored = new ArrayList<>();
        for (RawBsonDocument document : database.getCollection("Media", RawBsonDocument.class).find()
                .sort(Sorts.ascending("_id")).batchSize(10)) {
            byte[] copy = new byte[document.getByteBuffer().remaining()];
            document.getByteBuffer().asNIO().get(copy);
            stored.add(copy);
        }
        assertThat(stored).hasSize(301);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(stored.get(i)).as("document %d", i).isEqualTo(sent.get(i));
        }
    }

    @Test
    void documentsTheServerRefusesAreReportedWithTheirCountAndTheFirstError() {
        MongoDatabase database = client.getDatabase("App");
        database.getCollection("Refused").insertOne(new org.bson.Document("_id", 1));
        InsertBatch batch = new InsertBatch("Refused");
        for (int id : new int[] {1, 2, 1}) {
            byte[] document = bytes(new BsonDocument("_id", new BsonInt32(id)));
            batch.add(document, 0, document.length);
        }

        assertThatThrownBy(() -> batch.send(database))
                .isInstanceOfSatisfying(InsertBatch.InsertRefusedException.class, refused -> {
                    assertThat(refused.refused()).isEqualTo(2);
                    assertThat(refused.code()).isEqualTo(11000);
                    assertThat(DriverFailures.readable(refused, "the target")).startsWith("the target refused 2"
                            + " document(s) of a batch, the first with error 11000: E11000 duplicate key error");
                });
        // Unordered: the one new document went in all the same.
        assertThat(database.getCollection("Refused").countDocuments()).isEqualTo(2);
    }
}
