package aom.migration.dump;

import aom.migration.data.BsonDocumentReader;
import aom.migration.data.CollectionSource;
import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every real mongodump output under ../shared/interop (INDEX.md there lists what each exercises). */
class InteropDumpsTest {

    @Test
    void detectsEveryRealDumpFromItsContent() {
        Map<String, DumpFormat> expected = new LinkedHashMap<>();
        expected.put("mashenjun__Project-Kaizen/dump", DumpFormat.DIRECTORY);
        expected.put("frontend-coders__trudesk/dump", DumpFormat.DIRECTORY);
        expected.put("josephsamijona__backend_implementation_B_Ralbatech/dump", DumpFormat.DIRECTORY);
        expected.put("huynhsamha__quick-mongo-atlas-datasets/dump/sample_mflix", DumpFormat.DIRECTORY);
        expected.put("huynhsamha__quick-mongo-atlas-datasets/dump", DumpFormat.DIRECTORY);
        expected.put("uRuiz__Kenjo_Code_Challenge/dump.gz", DumpFormat.GZIP_ARCHIVE);
        expected.put("argon-lab__argon/dump.archive", DumpFormat.GZIP_ARCHIVE);
        expected.put("argon-lab__argon/data/base_dump.archive", DumpFormat.GZIP_ARCHIVE);
        expected.put("mashenjun__Project-Kaizen", DumpFormat.UNKNOWN);
        expected.put("josephsamijona__backend_implementation_B_Ralbatech/dump/ecomm3d/users.bson.gz",
                DumpFormat.UNKNOWN);
        expected.forEach((path, format) -> assertThat(DumpFormat.detect(InteropDumps.path(path)).format())
                .as(path).isEqualTo(format));
        assertThat(DumpFormat.detect(InteropDumps.path("mashenjun__Project-Kaizen")).description())
                .contains("did you mean its folder");
        assertThat(DumpFormat.detect(InteropDumps.path("huynhsamha__quick-mongo-atlas-datasets/dump/sample_mflix"))
                .description()).isEqualTo("mongodump folder of database sample_mflix");
    }

    @Test
    void readsTheTools3DumpWithAGridFsBucketAndLegacyIndexFlags() throws IOException {
        try (DumpContents dump = DumpContents.open(InteropDumps.path("mashenjun__Project-Kaizen/dump"))) {
            DumpSummary summary = dump.summary();
            assertThat(dump.databases()).containsExactly("Drello", "admin", "test");
            assertThat(counts(summary, "test")).containsExactly(Map.entry("basic_compound_doc", 1L),
                    Map.entry("dumb_document", 9L), Map.entry("images.chunks", 6L), Map.entry("images.files", 6L),
                    Map.entry("other_referenced_doc", 1L), Map.entry("unique_together_model", 0L),
                    Map.entry("unique_validating_model", 0L));
            assertThat(counts(summary, "Drello")).containsExactly(Map.entry("post", 1L));
            BsonDocument chunks = index(dump, "test", "images.chunks", "files_id_1_n_1");
            assertThat(chunks.getBoolean("unique").getValue()).isTrue();
            assertThat(chunks.getDocument("key")).isEqualTo(BsonDocument.parse("{files_id: 1, n: 1}"));
            assertThat(index(dump, "test", "unique_validating_model", "name_1").getBoolean("sparse").getValue())
                    .isFalse();
            assertThat(index(dump, "test", "unique_together_model", "name_1_code_1").getString("ns").getValue())
                    .isEqualTo("test.unique_together_model");
            assertThat(dump.compression()).isEqualTo(DumpCompression.NONE);
        }
    }

    @Test
    void readsTheTools100DumpWithPartialTtlAndDescendingIndexes() throws IOException {
        try (DumpContents dump = DumpContents.open(InteropDumps.path("frontend-coders__trudesk/dump"))) {
            DumpSummary summary = dump.summary();
            assertThat(counts(summary, "formioapp")).containsExactly(Map.entry("actionitems", 0L),
                    Map.entry("actions", 47L), Map.entry("forms", 23L), Map.entry("projects", 0L),
                    Map.entry("roles", 5L), Map.entry("schema", 1L), Map.entry("submissions", 120L),
                    Map.entry("tokens", 0L));
            assertThat(counts(summary, "admin")).containsExactly(Map.entry("system.version", 2L));
            BsonDocument machineName = index(dump, "formioapp", "forms", "machineName_1");
            assertThat(machineName.getBoolean("unique").getValue()).isTrue();
            assertThat(machineName.getDocument("partialFilterExpression"))
                    .isEqualTo(new BsonDocument("deleted", new BsonDocument("$eq", BsonNull.VALUE)));
            assertThat(index(dump, "formioapp", "tokens", "expireAt_1").get("expireAfterSeconds"))
                    .isEqualTo(new BsonInt32(0));
            assertThat(index(dump, "formioapp", "actionitems", "_ts_1").get("expireAfterSeconds"))
                    .isEqualTo(new BsonInt32(2592000));
            assertThat(index(dump, "formioapp", "forms", "type_1_deleted_1_modified_-1").getDocument("key")
                    .get("modified")).isEqualTo(new BsonInt32(-1));
            assertThat(source(dump, "formioapp", "forms").metadata().uuid())
                    .isEqualTo("8f127387990a4b85a6548f382fd7947b");
            assertThat(summary.database("formioapp").orElseThrow().collections()).filteredOn(c ->
                    c.name().equals("submissions")).singleElement().satisfies(c -> assertThat(c.indexes())
                    .isEqualTo(12));
        }
    }

    @Test
    void readsTheDumpGzippedPerFileIncludingAnEmptyGzip() throws IOException {
        try (DumpContents dump = DumpContents.open(
                InteropDumps.path("josephsamijona__backend_implementation_B_Ralbatech/dump"))) {
            DumpSummary summary = dump.summary();
            assertThat(summary.compression()).isEqualTo(DumpCompression.GZIP_FILES);
            assertThat(counts(summary, "ecomm3d")).hasSize(11).containsEntry("users", 6L)
                    .containsEntry("products", 4L).containsEntry("stores", 4L).containsEntry("otps", 0L)
                    .containsEntry("admins", 1L).containsEntry("carts", 1L).containsEntry("categories", 3L)
                    .containsEntry("departments", 3L).containsEntry("roles", 2L).containsEntry("varients", 2L)
                    .containsEntry("vendors", 1L);
            assertThat(counts(summary, "admin")).containsExactly(Map.entry("system.version", 0L));
            assertThat(index(dump, "ecomm3d", "otps", "otpValue_1").getBoolean("unique").getValue()).isTrue();
            assertThat(index(dump, "ecomm3d", "otps", "created_at.type_1").get("expireAfterSeconds"))
                    .isEqualTo(new BsonInt32(0));
            assertThat(index(dump, "ecomm3d", "otps", "created_at_1").get("expireAfterSeconds"))
                    .isEqualTo(new BsonInt32(18));
            assertThat(index(dump, "ecomm3d", "users", "phone_1").getBoolean("unique").getValue()).isTrue();
        }
    }

    @Test
    void readsTheSampleDataWithA2dsphereIndexNamedWithASpace() throws IOException {
        try (DumpContents dump = DumpContents.open(
                InteropDumps.path("huynhsamha__quick-mongo-atlas-datasets/dump/sample_mflix"))) {
            DumpSummary summary = dump.summary();
            assertThat(counts(summary, "sample_mflix")).containsExactly(Map.entry("sessions", 1L),
                    Map.entry("theaters", 1564L), Map.entry("users", 183L));
            BsonDocument geo = index(dump, "sample_mflix", "theaters", "geo index");
            assertThat(geo.getDocument("key").getString("location.geo").getValue()).isEqualTo("2dsphere");
            assertThat(geo.get("2dsphereIndexVersion")).isEqualTo(new BsonInt32(3));
            BsonDocument email = index(dump, "sample_mflix", "users", "email_1");
            assertThat(email.getBoolean("unique").getValue()).isTrue();
            assertThat(email.getDocument("key").get("email")).isEqualTo(new BsonDouble(1.0));
        }
    }

    @Test
    void readsTheGzippedArchiveOfTools100() throws IOException {
        try (DumpContents dump = DumpContents.open(InteropDumps.path("uRuiz__Kenjo_Code_Challenge/dump.gz"))) {
            DumpSummary summary = dump.summary();
            assertThat(summary.format()).isEqualTo(DumpFormat.GZIP_ARCHIVE);
            assertThat(summary.toolVersionIfKnown()).contains("100.1.0");
            assertThat(summary.serverVersionIfKnown()).contains("4.4.0");
            assertThat(counts(summary, "kenjo-cd-collection")).containsExactly(Map.entry("albums", 9L),
                    Map.entry("artists", 7L));
            assertThat(index(dump, "kenjo-cd-collection", "artists", "name_1").getBoolean("unique").getValue())
                    .isTrue();
            assertThat(index(dump, "kenjo-cd-collection", "albums", "title_1").getBoolean("unique").getValue())
                    .isTrue();
            CollectionSource artists = source(dump, "kenjo-cd-collection", "artists");
            assertThat(artists.metadata().collectionName()).isEqualTo("artists");
            assertThat(artists.metadata().type()).isEqualTo("collection");
        }
    }

    @Test
    void readsTheLegacyToolsArchivesDespiteTheirName() throws IOException {
        try (DumpContents dump = DumpContents.open(InteropDumps.path("argon-lab__argon/dump.archive"));
             DumpContents base = DumpContents.open(InteropDumps.path("argon-lab__argon/data/base_dump.archive"))) {
            assertThat(dump.format()).isEqualTo(DumpFormat.GZIP_ARCHIVE);
            assertThat(counts(dump.summary(), "test")).containsExactly(Map.entry("test", 1L));
            assertThat(counts(base.summary(), "test")).containsExactly(Map.entry("test", 2L));
            assertThat(base.summary().toolVersionIfKnown()).contains("4.0.2");
            assertThat(source(base, "test", "test").metadata().indexes()).singleElement()
                    .satisfies(index -> assertThat(index.getString("name").getValue()).isEqualTo("_id_"));
        }
    }

    @Test
    void realDumpsLoadIntoAServerWithTheirCounts() throws IOException {
        try (EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(server.uri());
             DumpContents mflix = DumpContents.open(
                     InteropDumps.path("huynhsamha__quick-mongo-atlas-datasets/dump/sample_mflix"));
             DumpContents kenjo = DumpContents.open(InteropDumps.path("uRuiz__Kenjo_Code_Challenge/dump.gz"))) {
            for (DumpContents dump : List.of(mflix, kenjo)) {
                for (CollectionSource source : dump.collections()) {
                    List<RawBsonDocument> documents = documents(source);
                    MongoCollection<RawBsonDocument> target = client.getDatabase(source.database())
                            .getCollection(source.collection(), RawBsonDocument.class);
                    if (!documents.isEmpty()) {
                        target.insertMany(documents);
                    }
                    assertThat(target.countDocuments()).as(source.namespace()).isEqualTo(documents.size());
                }
            }
            assertThat(client.getDatabase("sample_mflix").getCollection("theaters").countDocuments())
                    .isEqualTo(1564);
            assertThat(client.getDatabase("kenjo-cd-collection").getCollection("albums").countDocuments())
                    .isEqualTo(9);
        }
    }

    /** Reads a source as the importer does: raw bytes, framing checked, nothing decoded. */
    static List<RawBsonDocument> documents(CollectionSource source) {
        List<RawBsonDocument> documents = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(source.openDocuments())) {
            BsonDocumentReader reader = new BsonDocumentReader(in, source.namespace());
            for (RawBsonDocument document = reader.next(); document != null; document = reader.next()) {
                documents.add(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static Map<String, Long> counts(DumpSummary summary, String database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        summary.database(database).orElseThrow().collections()
                .forEach(collection -> counts.put(collection.name(), collection.documents()));
        return counts;
    }

    static CollectionSource source(DumpContents dump, String database, String collection) {
        return dump.collections(database).stream().filter(source -> source.collection().equals(collection))
                .findFirst().orElseThrow();
    }

    static BsonDocument index(DumpContents dump, String database, String collection, String name) {
        return source(dump, database, collection).metadata().indexes().stream()
                .filter(index -> index.getString("name").getValue().equals(name)).findFirst().orElseThrow();
    }
}
