package aom.migration.dump;

import aom.migration.data.CollectionSource;
import aom.migration.data.CorruptDataException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Directory dumps laid out by hand as mongodump writes them, shape by shape. */
class DumpDirectoryReaderTest {

    private static final String USERS_METADATA = "{\"indexes\":[{\"v\":{\"$numberInt\":\"2\"},\"key\":{\"_id\":"
            + "{\"$numberInt\":\"1\"}},\"name\":\"_id_\"},{\"v\":{\"$numberInt\":\"2\"},\"key\":{\"lastLogin\":"
            + "{\"$numberInt\":\"1\"}},\"name\":\"lastLogin_1\",\"expireAfterSeconds\":{\"$numberInt\":\"3600\"}}],"
            + "\"uuid\":\"274e31ae890f43bba89a7612831e8b7a\",\"collectionName\":\"users\",\"type\":\"collection\"}";
    private static final String ORDERS_METADATA = "{\"options\":{},\"indexes\":[{\"v\":1,\"key\":{\"_id\":1},"
            + "\"name\":\"_id_\",\"ns\":\"shop.orders\"},{\"v\":1,\"unique\":true,\"key\":{\"number\":1},"
            + "\"name\":\"number_1\",\"ns\":\"shop.orders\",\"background\":false}]}";
    private static final String VIEW_METADATA = "{\"options\":{\"viewOn\":\"orders\",\"pipeline\":[]},"
            + "\"indexes\":[],\"collectionName\":\"someOrders\",\"type\":\"view\"}";

    @TempDir
    Path folder;

    private final List<byte[]> users = TestDocuments.documents("user", 5);
    private final List<byte[]> orders = TestDocuments.documents("order", 8);

    private Path file(String relative, byte[] content) throws IOException {
        Path path = folder.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.write(path, content);
    }

    private Path text(String relative, String content) throws IOException {
        return file(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsADumpRootWithEveryMetadataShapeAViewAndACollectionWithoutMetadata() throws IOException {
        file("dump/shop/users.bson", TestDocuments.concat(users));
        text("dump/shop/users.metadata.json", USERS_METADATA);
        file("dump/shop/orders.bson", TestDocuments.concat(orders));
        text("dump/shop/orders.metadata.json", ORDERS_METADATA);
        text("dump/shop/someOrders.metadata.json", VIEW_METADATA);
        file("dump/other/things.bson", TestDocuments.concat(users.subList(0, 2)));
        file("dump/oplog.bson", new byte[0]);
        text("dump/prelude.json", "{\"ServerVersion\":\"7.0.4\",\"ToolVersion\":\"100.9.4\"}");
        text("dump/notes.txt", "hello");
        try (DumpDirectory dump = DumpDirectoryReader.read(folder.resolve("dump"))) {
            assertThat(dump.description()).isEqualTo("mongodump directory with databases other, shop");
            assertThat(dump.collections()).extracting(CollectionSource::namespace)
                    .containsExactly("other.things", "shop.orders", "shop.someOrders", "shop.users");
            CollectionSource usersSource = InteropDumpsTest.source(dump, "shop", "users");
            assertThat(TestDocuments.readAll(usersSource.openDocuments())).isEqualTo(TestDocuments.concat(users));
            assertThat(usersSource.expectedBytes()).isEqualTo(TestDocuments.concat(users).length);
            assertThat(usersSource.expectedDocuments()).isEqualTo(-1);
            assertThat(InteropDumpsTest.index(dump, "shop", "users", "lastLogin_1").get("expireAfterSeconds"))
                    .isEqualTo(new BsonInt32(3600));
            assertThat(InteropDumpsTest.index(dump, "shop", "orders", "number_1").getBoolean("unique").getValue())
                    .isTrue();
            CollectionSource view = InteropDumpsTest.source(dump, "shop", "someOrders");
            assertThat(view.metadata().isView()).isTrue();
            assertThat(TestDocuments.readAll(view.openDocuments())).isEmpty();
            CollectionSource things = InteropDumpsTest.source(dump, "other", "things");
            assertThat(things.metadata().indexes()).isEmpty();
            assertThat(things.metadata().options()).isEqualTo(new BsonDocument());
            assertThat(dump.notes()).anySatisfy(note -> assertThat(note).contains("oplog"))
                    .anySatisfy(note -> assertThat(note).contains("notes.txt"));

            DumpSummary summary = dump.summary();
            assertThat(summary.toolVersionIfKnown()).contains("100.9.4");
            assertThat(summary.serverVersionIfKnown()).contains("7.0.4");
            assertThat(summary.documents()).isEqualTo(15);
            assertThat(summary.database("shop").orElseThrow().collections())
                    .extracting(CollectionSummary::name, CollectionSummary::documents, CollectionSummary::indexes)
                    .containsExactly(tuple("orders", 8L, 2),
                            tuple("someOrders", 0L, 0),
                            tuple("users", 5L, 2));
        }
    }

    @Test
    void readsADumpGzippedPerFileIncludingAnEmptyGzipAndAZeroByteFile() throws IOException {
        file("dump/shop/users.bson.gz", HandMadeArchive.gzip(TestDocuments.concat(users)));
        file("dump/shop/users.metadata.json.gz", HandMadeArchive.gzip(USERS_METADATA.getBytes(
                StandardCharsets.UTF_8)));
        file("dump/shop/empty.bson.gz", HandMadeArchive.gzip(new byte[0]));
        file("dump/shop/empty.metadata.json.gz", HandMadeArchive.gzip(ORDERS_METADATA.getBytes(
                StandardCharsets.UTF_8)));
        file("dump/shop/nothing.bson.gz", new byte[0]);
        try (DumpDirectory dump = DumpDirectoryReader.read(folder.resolve("dump"))) {
            assertThat(dump.compression()).isEqualTo(DumpCompression.GZIP_FILES);
            CollectionSource usersSource = InteropDumpsTest.source(dump, "shop", "users");
            assertThat(TestDocuments.readAll(usersSource.openDocuments())).isEqualTo(TestDocuments.concat(users));
            assertThat(usersSource.metadata().uuid()).isEqualTo("274e31ae890f43bba89a7612831e8b7a");
            assertThat(TestDocuments.readAll(InteropDumpsTest.source(dump, "shop", "empty").openDocuments()))
                    .isEmpty();
            assertThat(TestDocuments.readAll(InteropDumpsTest.source(dump, "shop", "nothing").openDocuments()))
                    .isEmpty();
            assertThat(dump.summary().documents()).isEqualTo(5);
        }
    }

    @Test
    void turnsALegacySystemIndexesFileIntoIndexDefinitions() throws IOException {
        file("legacy/system.indexes.bson", TestDocuments.concat(List.of(
                TestDocuments.bytes(BsonDocument.parse("{v: 1, key: {_id: 1}, name: '_id_', ns: 'legacy.people'}")),
                TestDocuments.bytes(BsonDocument.parse("{v: 1, key: {email: 1}, unique: true, name: 'email_1',"
                        + " ns: 'legacy.people'}")),
                TestDocuments.bytes(BsonDocument.parse("{v: 1, key: {_id: 1}, name: '_id_', ns: 'legacy.pets'}")))));
        file("legacy/people.bson", TestDocuments.concat(users));
        file("legacy/pets.bson", TestDocuments.concat(orders));
        text("legacy/pets.metadata.json", "{ \"options\" : { \"create\" : \"pets\" }, \"indexes\" : [ { \"v\" : 1,"
                + " \"key\" : { \"_id\" : 1 }, \"ns\" : \"legacy.pets\", \"name\" : \"_id_\" },"
                + " { \"v\" : 1, \"key\" : { \"name\" : 1 }, \"ns\" : \"legacy.pets\", \"name\" : \"name_1\" } ] }");
        try (DumpDirectory dump = DumpDirectoryReader.read(folder.resolve("legacy"))) {
            assertThat(dump.description()).isEqualTo("mongodump folder of database legacy");
            assertThat(dump.collections()).extracting(CollectionSource::collection).containsExactly("people", "pets");
            BsonDocument email = InteropDumpsTest.index(dump, "legacy", "people", "email_1");
            assertThat(email.getBoolean("unique").getValue()).isTrue();
            assertThat(email.getDocument("key")).isEqualTo(new BsonDocument("email", new BsonInt32(1)));
            assertThat(InteropDumpsTest.source(dump, "legacy", "pets").metadata().indexes())
                    .extracting(index -> index.getString("name").getValue()).containsExactly("_id_", "name_1");
            assertThat(InteropDumpsTest.source(dump, "legacy", "pets").metadata().options())
                    .isEqualTo(new BsonDocument("create", new BsonString("pets")));
            assertThat(dump.notes()).anySatisfy(note -> assertThat(note).contains("system.indexes"));
        }
    }

    @Test
    void undoesFileNameEscapingAndTakesAShortenedNameFromTheMetadata() throws IOException {
        String longName = "a".repeat(300);
        String stem = "a".repeat(211) + "%24" + "x".repeat(24);
        assertThat(stem).hasSize(238);
        file("dump/db/a%2Fb.bson", TestDocuments.concat(users));
        file("dump/db/caf%C3%A9s.bson", TestDocuments.concat(users));
        file("dump/db/1+1.bson", TestDocuments.concat(users));
        file("dump/db/" + stem + ".bson", TestDocuments.concat(orders));
        text("dump/db/" + stem + ".metadata.json", "{\"indexes\":[],\"collectionName\":\"" + longName + "\"}");
        try (DumpDirectory dump = DumpDirectoryReader.read(folder.resolve("dump"))) {
            assertThat(dump.collections()).extracting(CollectionSource::collection)
                    .containsExactlyInAnyOrder("a/b", "cafés", "1+1", longName);
            assertThat(TestDocuments.readAll(InteropDumpsTest.source(dump, "db", longName).openDocuments()))
                    .isEqualTo(TestDocuments.concat(orders));
        }
    }

    @Test
    void refusesTwoFilesForOneCollection() throws IOException {
        file("dump/shop/users.bson", TestDocuments.concat(users));
        file("dump/shop/users.bson.gz", HandMadeArchive.gzip(TestDocuments.concat(users)));
        assertThatThrownBy(() -> DumpDirectoryReader.read(folder.resolve("dump")))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("both users.bson and users.bson.gz claim collection users");
    }

    @Test
    void refusesUnreadableMetadataNamingTheFile() throws IOException {
        file("dump/shop/users.bson", TestDocuments.concat(users));
        text("dump/shop/users.metadata.json", "{\"indexes\": [ {\"v\": 2, ");
        assertThatThrownBy(() -> DumpDirectoryReader.read(folder.resolve("dump")))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("users.metadata.json");
    }

    @Test
    void aTruncatedDataFileIsRefusedWhenRead() throws IOException {
        byte[] whole = TestDocuments.concat(users);
        file("dump/shop/users.bson", Arrays.copyOf(whole, whole.length - 7));
        byte[] gzipped = HandMadeArchive.gzip(whole);
        file("dump/shop/orders.bson.gz", Arrays.copyOf(gzipped, gzipped.length - 12));
        try (DumpDirectory dump = DumpDirectoryReader.read(folder.resolve("dump"))) {
            assertThatThrownBy(dump::summary)
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("truncated");
            assertThatThrownBy(() -> InteropDumpsTest.documents(InteropDumpsTest.source(dump, "shop", "users")))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("truncated");
            assertThatThrownBy(() -> InteropDumpsTest.documents(InteropDumpsTest.source(dump, "shop", "orders")))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("orders.bson.gz")
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void leavesOutTheProfilerAndSingleDatabaseUserFiles() throws IOException {
        file("dump/shop/users.bson", TestDocuments.concat(users));
        file("dump/shop/system.profile.bson", TestDocuments.concat(orders));
        file("dump/shop/$admin.system.users.bson", TestDocuments.concat(orders));
        file("dump/shop/system.js.bson", TestDocuments.concat(orders));
        try (DumpDirectory dump = DumpDirectoryReader.read(folder.resolve("dump"))) {
            assertThat(dump.collections()).extracting(CollectionSource::collection)
                    .containsExactly("system.js", "users");
            assertThat(dump.notes()).anySatisfy(note -> assertThat(note).contains("system.profile"))
                    .anySatisfy(note -> assertThat(note).contains("$admin.system.users"));
        }
    }

    @Test
    void readsATimeSeriesCollectionFromItsBucketsFile() throws IOException {
        file("dump/iot/system.buckets.weather.bson", TestDocuments.concat(orders));
        text("dump/iot/weather.metadata.json", "{\"options\":{\"timeseries\":{\"timeField\":\"t\"}},\"indexes\":[],"
                + "\"collectionName\":\"weather\",\"type\":\"timeseries\"}");
        try (DumpDirectory dump = DumpDirectoryReader.read(folder.resolve("dump"))) {
            assertThat(dump.collections()).singleElement().satisfies(source -> {
                assertThat(source.collection()).isEqualTo("weather");
                assertThat(source.metadata().type()).isEqualTo("timeseries");
                assertThat(TestDocuments.readAll(source.openDocuments())).isEqualTo(TestDocuments.concat(orders));
            });
        }
    }
}
