package aom.migration.mongo;

import aom.migration.demo.EmbeddedServer;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawFindTest {

    private static EmbeddedServer server;
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void start() {
        server = EmbeddedServer.inMemory();
        client = MongoClients.create(server.uri());
        database = client.getDatabase("App");
        Random random = new Random(11);
        List<BsonDocument> documents = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] payload = new byte[random.nextInt(i % 100 == 0 ? 200_000 : 2_000)];
            random.nextBytes(payload);
            documents.add(new BsonDocument("_id", new BsonInt32(i)).append("data", new BsonBinary(payload)));
        }
        database.getCollection("Media", BsonDocument.class).insertMany(documents);
        database.createCollection("Empty");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void readsEveryDocumentAsTheDriversCursorDoesBatchByBatch() {
        CollectedDocuments collected = new CollectedDocuments();
        List<Integer> batches = new ArrayList<>();
        try (RawFind find = RawFind.open(client, "App", "Media", 7, collected)) {
            for (int batch = find.next(); batch >= 0; batch = find.next()) {
                batches.add(batch);
            }
            assertThat(find.next()).isEqualTo(-1);
        }
        assertThat(collected.documents).isEqualTo(1_000);
        assertThat(collected.bytes.toByteArray()).isEqualTo(CollectedDocuments.throughTheDriver(database, "Media"));
        assertThat(batches).hasSizeGreaterThan(100).allSatisfy(size -> assertThat(size).isBetween(0, 7));
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
    }

    @Test
    void withoutABatchSizeTheServerChoosesAndNothingIsMissed() {
        CollectedDocuments collected = new CollectedDocuments();
        try (RawFind find = RawFind.open(client, "App", "Media", 0, collected)) {
            while (find.next() >= 0) {
                assertThat(collected.documents).isPositive();
            }
        }
        assertThat(collected.bytes.toByteArray()).isEqualTo(CollectedDocuments.throughTheDriver(database, "Media"));
    }

    @Test
    void anEmptyOrMissingCollectionEndsAfterAnEmptyFirstBatch() {
        for (String collection : List.of("Empty", "NoSuchCollection")) {
            CollectedDocuments collected = new CollectedDocuments();
            try (RawFind find = RawFind.open(client, "App", collection, 100, collected)) {
                assertThat(find.next()).as(collection).isZero();
                assertThat(find.next()).as(collection).isEqualTo(-1);
            }
            assertThat(collected.documents).isZero();
        }
    }

    @Test
    void closingBeforeTheEndEndsTheServersCursor() {
        CollectedDocuments collected = new CollectedDocuments();
        long cursor;
        try (RawFind find = RawFind.open(client, "App", "Media", 10, collected)) {
            assertThat(find.next()).isEqualTo(10);
            cursor = find.cursorId();
            assertThat(cursor).isNotZero();
        }
        BsonDocument getMore = new BsonDocument("getMore", new BsonInt64(cursor))
                .append("collection", new BsonString("Media"));
        assertThatThrownBy(() -> database.runCommand(getMore)).isInstanceOf(MongoCommandException.class)
                .hasMessageContaining(Long.toString(cursor));
    }

    @Test
    void whereTheBatchesCannotBeTakenWholeItReadsTheSameThroughTheDriversCursor() {
        try (MongoClient secondary = MongoClients.create(server.uri() + "?readPreference=secondaryPreferred")) {
            CollectedDocuments collected = new CollectedDocuments();
            int total = 0;
            try (RawFind find = RawFind.open(secondary, "App", "Media", 7, collected)) {
                for (int batch = find.next(); batch >= 0; batch = find.next()) {
                    assertThat(batch).isBetween(1, 7);
                    total += batch;
                }
                assertThat(find.next()).isEqualTo(-1);
            }
            assertThat(total).isEqualTo(1_000);
            assertThat(collected.bytes.toByteArray()).isEqualTo(CollectedDocuments.throughTheDriver(database, "Media"));
        }
    }

    @Test
    void suitsOneServerReadFromItsPrimaryOnly() {
        assertThat(RawFind.suits(client, database)).isTrue();
        try (MongoClient secondary = MongoClients.create(server.uri() + "?readPreference=secondaryPreferred")) {
            secondary.getDatabase("App").runCommand(new BsonDocument("ping", new BsonInt32(1)));
            assertThat(RawFind.suits(secondary, secondary.getDatabase("App"))).isFalse();
            assertThat(RawFind.suits(secondary, secondary.getDatabase("App")
                    .withReadPreference(com.mongodb.ReadPreference.primary()))).isTrue();
        }
    }
}
