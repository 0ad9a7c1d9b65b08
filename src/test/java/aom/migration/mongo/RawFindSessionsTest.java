package aom.migration.mongo;

import aom.migration.cli.CliRun;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import com.mongodb.MongoCommandException;
import com.mongodb.client.ClientSession;
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
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The readers against a server that has logical sessions, as every mongod since 3.6 has: a cursor's {@code getMore}
 * and {@code killCursors} must come in the session its {@code find} came in ({@link SessionCheckingBackend}).
 */
class RawFindSessionsTest {

    private static SessionCheckingBackend backend;
    private static EmbeddedServer server;
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void start() {
        backend = new SessionCheckingBackend();
        server = EmbeddedServer.of(backend);
        client = MongoClients.create(server.uri());
        database = client.getDatabase("App");
        List<BsonDocument> documents = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            documents.add(new BsonDocument("_id", new BsonInt32(i)).append("data", new BsonBinary(new byte[i % 50])));
        }
        database.getCollection("Media", BsonDocument.class).insertMany(documents);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void theServerHasSessionsAndRefusesAGetMoreFromAnotherSession() {
        assertThat(client.getClusterDescription().getLogicalSessionTimeoutMinutes()).isEqualTo(30);
        try (ClientSession opened = client.startSession(); ClientSession other = client.startSession()) {
            BsonDocument found = database.runCommand(opened, new BsonDocument("find", new BsonString("Media"))
                    .append("batchSize", new BsonInt32(5)), BsonDocument.class);
            long cursor = found.getDocument("cursor").getInt64("id").getValue();
            BsonDocument getMore = new BsonDocument("getMore", new BsonInt64(cursor))
                    .append("collection", new BsonString("Media")).append("batchSize", new BsonInt32(10));
            assertThatThrownBy(() -> database.runCommand(other, getMore))
                    .isInstanceOf(MongoCommandException.class)
                    .hasMessageContaining("Cannot run getMore on cursor " + cursor + ", which was created in session");
            assertThat(database.runCommand(opened, getMore.clone(), BsonDocument.class).getDocument("cursor")
                    .getArray("nextBatch"))
                    .hasSize(10);
        }
    }

    @Test
    void readsEveryBatchInTheSessionOfItsFind() {
        int checked = backend.cursorCommandsChecked.get();
        CollectedDocuments collected = new CollectedDocuments();
        int batches = 0;
        try (RawFind find = RawFind.open(client, "App", "Media", 7, collected)) {
            while (find.next() >= 0) {
                batches++;
            }
        }
        assertThat(collected.documents).isEqualTo(500);
        assertThat(collected.bytes.toByteArray()).isEqualTo(CollectedDocuments.throughTheDriver(database, "Media"));
        // every batch after the first came by a getMore that the server checked against the find's session
        assertThat(backend.cursorCommandsChecked.get() - checked).isEqualTo(batches - 1).isGreaterThan(70);
    }

    @Test
    void closingEarlyKillsTheCursorInItsSession() {
        int checked = backend.cursorCommandsChecked.get();
        long cursor;
        try (RawFind find = RawFind.open(client, "App", "Media", 10, new CollectedDocuments())) {
            find.next();
            find.next();
            cursor = find.cursorId();
        }
        // one getMore and the killCursors, both in the find's session (close() ignores a refused killCursors)
        assertThat(backend.cursorCommandsChecked.get() - checked).isEqualTo(2);
        BsonDocument getMore = new BsonDocument("getMore", new BsonInt64(cursor))
                .append("collection", new BsonString("Media"));
        assertThatThrownBy(() -> database.runCommand(getMore)).isInstanceOf(MongoCommandException.class)
                .hasMessageContaining(Long.toString(cursor));
    }

    @Test
    void anExportAndAnImportBetweenServersWithSessionsVerify(@TempDir Path directory) throws Exception {
        SessionCheckingBackend targetBackend = new SessionCheckingBackend();
        SessionCheckingBackend sourceBackend = new SessionCheckingBackend();
        try (EmbeddedServer source = EmbeddedServer.of(sourceBackend);
             EmbeddedServer target = EmbeddedServer.of(targetBackend)) {
            try (MongoClient writer = MongoClients.create(source.uri())) {
                DemoInstallation.writeSource(writer, DemoScale.TESTS);
                // larger than one batch of the export's and of the verification's reads, so that both need getMore
                List<BsonDocument> media = new ArrayList<>();
                for (int i = 0; i < 3_000; i++) {
                    media.add(new BsonDocument("_id", new BsonInt32(i))
                            .append("data", new BsonBinary(new byte[4_000])));
                }
                writer.getDatabase("ConferenceApp").getCollection("Media", BsonDocument.class).insertMany(media);
            }
            try (MongoClient writer = MongoClients.create(target.uri())) {
                DemoInstallation.writeTarget(writer, DemoScale.TESTS);
            }
            Path bundle = directory.resolve("conference.aombundle");
            CliRun exported = CliRun.of("export", "--source", source.uri(), "--app", "ConferenceApp", "--out",
                    bundle.toString());
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            assertThat(Files.size(bundle)).isPositive();

            CliRun imported = CliRun.of("import", "--target", target.uri(), bundle.toString(), "--yes");
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).containsPattern("Verification of ConferenceApp on \\S+ at \\S+: PASSED");
            try (MongoClient reader = MongoClients.create(target.uri())) {
                assertThat(reader.getDatabase("ConferenceApp").getCollection("Media").countDocuments())
                        .isEqualTo(3_000);
            }
            // the export's and the verification's getMore commands came in their cursors' sessions
            assertThat(sourceBackend.cursorCommandsChecked.get()).isPositive();
            assertThat(targetBackend.cursorCommandsChecked.get()).isPositive();
        }
    }
}
