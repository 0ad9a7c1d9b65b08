package aom.migration.cli;

import aom.migration.data.CollectionMetadata;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.dump.ArchiveCollection;
import aom.migration.dump.ArchiveHeader;
import aom.migration.dump.ArchiveReader;
import aom.migration.dump.ArchiveWriter;
import aom.migration.dump.DumpArchive;
import aom.migration.dump.DumpFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export --format archive} and {@code inspect} on mongodump directories and archives. */
class MongodumpCommandsTest {

    private static EmbeddedServer server;

    @BeforeAll
    static void startSource() {
        server = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(server.uri())) {
            DemoInstallation.writeSource(client, DemoScale.TESTS);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void exportFormatArchiveWritesAnArchiveAndSaysWhyTheMetadataIsNotInIt(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("conference.archive.gz");
        CliRun run = CliRun.of("export", "--source", server.uri(), "--app", "ConferenceApp", "--format", "archive",
                "--gzip", "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lastLine(run.out())).isEqualTo(out.toString());
        assertThat(run.err()).contains("Note: The archive holds the instance data only, not the application's"
                + " metadata").contains("export a bundle (--format bundle)");
        assertThat(run.out()).contains("LIVE      ConferenceApp: 11 collections")
                .contains("restore with: mongorestore --gzip --archive=conference.archive.gz");
        assertThat(DumpFormat.detect(out).format()).isEqualTo(DumpFormat.GZIP_ARCHIVE);
        try (DumpArchive archive = ArchiveReader.open(out)) {
            assertThat(archive.databases()).containsExactly("ConferenceApp", "ConferenceApp-staging",
                    "ConferenceApp-test");
        }
        CliRun inspect = CliRun.of("inspect", out.toString(), "--verify");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("Format       gzip-compressed mongodump archive")
                .containsPattern("Written by   tool aom-migration \\S+, from MongoDB \\d+\\.\\d+\\.\\d+")
                .contains("ConferenceApp: 11 collections")
                .containsPattern("CRC-64 of all 29 namespaces verified");
    }

    @Test
    void exportFormatArchiveWithoutMetadataAddsNoNoteAndHonoursSystems(@TempDir Path dir) {
        Path out = dir.resolve("live.archive");
        CliRun run = CliRun.of("export", "--source", server.uri(), "--app", "ShopApp", "--format", "archive",
                "--systems", "LIVE", "--no-metadata", "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Note:");
        assertThat(run.out()).contains("LIVE      ShopApp:").doesNotContain("ShopAppTEST")
                .contains("restore with: mongorestore --archive=live.archive");
        assertThat(DumpFormat.detect(out).format()).isEqualTo(DumpFormat.ARCHIVE);
    }

    @Test
    void exportRefusesOptionsOfTheOtherFormat(@TempDir Path dir) {
        CliRun gzipBundle = CliRun.of("export", "--source", server.uri(), "--app", "ShopApp", "--gzip", "--out",
                dir.resolve("a.aombundle").toString());
        assertThat(gzipBundle.exitCode()).isEqualTo(2);
        assertThat(gzipBundle.err()).contains("--gzip applies to --format archive");
        CliRun compressedArchive = CliRun.of("export", "--source", server.uri(), "--app", "ShopApp", "--format",
                "archive", "--compression", "best", "--out", dir.resolve("b.archive").toString());
        assertThat(compressedArchive.exitCode()).isEqualTo(2);
        assertThat(compressedArchive.err()).contains("--compression applies to bundles");
        CliRun unknown = CliRun.of("export", "--source", server.uri(), "--app", "ShopApp", "--format", "zip");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown format 'zip'; use bundle or archive");
        CliRun noSystems = CliRun.of("export", "--source", server.uri(), "--app", "ShopApp", "--format", "archive",
                "--systems", "", "--out", dir.resolve("c.archive").toString());
        assertThat(noSystems.exitCode()).isEqualTo(2);
        assertThat(noSystems.err()).contains("an archive holds instance data only");
        Path taken = dir.resolve("taken.archive");
        CliRun first = CliRun.of("export", "--source", server.uri(), "--app", "ShopApp", "--format", "archive",
                "--out", taken.toString(), "--no-progress");
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliRun again = CliRun.of("export", "--source", server.uri(), "--app", "ShopApp", "--format", "archive",
                "--out", taken.toString(), "--no-progress");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists; choose another --out or pass --force");
        assertThat(dir).isDirectoryContaining(path -> path.equals(taken))
                .isDirectoryNotContaining(path -> path.toString().endsWith(".part"));
    }

    @Test
    void inspectShowsTheCountsOfEveryRealDirectoryDump() {
        assertThat(inspect("mashenjun__Project-Kaizen/dump"))
                .contains("Format       mongodump directory with databases Drello, admin, test")
                .containsPattern("images\\.chunks\\s+6 documents .* indexes: _id_, files_id_1_n_1")
                .containsPattern("images\\.files\\s+6 documents")
                .containsPattern("dumb_document\\s+9 documents")
                .containsPattern("Drello: 1 collection, 1 document");
        assertThat(inspect("frontend-coders__trudesk/dump"))
                .containsPattern("submissions\\s+120 documents").containsPattern("actions\\s+47 documents")
                .containsPattern("forms\\s+23 documents").containsPattern("roles\\s+5 documents")
                .containsPattern("schema\\s+1 documents").containsPattern("tokens\\s+0 documents")
                .contains("formioapp: 8 collections, 196 documents");
        assertThat(inspect("josephsamijona__backend_implementation_B_Ralbatech/dump"))
                .contains("compressed with gzip (every file)")
                .containsPattern("users\\s+6 documents .* indexes: _id_, email_1, phone_1")
                .containsPattern("products\\s+4 documents").containsPattern("stores\\s+4 documents")
                .containsPattern("otps\\s+0 documents").contains("ecomm3d: 11 collections, 27 documents");
        assertThat(inspect("huynhsamha__quick-mongo-atlas-datasets/dump/sample_mflix"))
                .contains("Format       mongodump folder of database sample_mflix")
                .containsPattern("theaters\\s+1564 documents .* indexes: _id_, geo index")
                .containsPattern("users\\s+183 documents").containsPattern("sessions\\s+1 documents");
    }

    @Test
    void inspectShowsTheCountsAndVersionsOfEveryRealArchive() {
        assertThat(inspect("uRuiz__Kenjo_Code_Challenge/dump.gz"))
                .contains("Format       gzip-compressed mongodump archive")
                .contains("Written by   tool 100.1.0, from MongoDB 4.4.0")
                .containsPattern("artists\\s+7 documents .* indexes: _id_, name_1")
                .containsPattern("albums\\s+9 documents")
                .contains("Checksums    CRC-64 of all 2 namespaces verified");
        assertThat(inspect("argon-lab__argon/dump.archive"))
                .contains("Format       gzip-compressed mongodump archive")
                .containsPattern("test: 1 collection, 1 document");
        assertThat(inspect("argon-lab__argon/data/base_dump.archive"))
                .containsPattern("test\\s+2 documents");
    }

    @Test
    void inspectJsonDescribesDumpsForScripts() throws IOException {
        CliRun archive = CliRun.of("inspect", interop("uRuiz__Kenjo_Code_Challenge/dump.gz").toString(), "--json",
                "--verify");
        assertThat(archive.exitCode()).as(archive.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(archive.out());
        assertThat(json.at("/format").asText()).isEqualTo("gzip_archive");
        assertThat(json.at("/compression").asText()).isEqualTo("gzip_archive");
        assertThat(json.at("/serverVersion").asText()).isEqualTo("4.4.0");
        assertThat(json.at("/documents").asLong()).isEqualTo(16);
        assertThat(json.at("/databases/0/name").asText()).isEqualTo("kenjo-cd-collection");
        assertThat(json.at("/databases/0/collections/1/name").asText()).isEqualTo("artists");
        assertThat(json.at("/databases/0/collections/1/documents").asLong()).isEqualTo(7);
        assertThat(json.at("/databases/0/collections/1/indexes/1").asText()).isEqualTo("name_1");
        assertThat(json.at("/verification/ok").asBoolean()).isTrue();
        assertThat(json.at("/verification/check").asText()).isEqualTo("crc64");
        CliRun directory = CliRun.of("inspect", interop("frontend-coders__trudesk/dump").toString(), "--json");
        assertThat(directory.exitCode()).as(directory.err()).isZero();
        JsonNode dir = new ObjectMapper().readTree(directory.out());
        assertThat(dir.at("/format").asText()).isEqualTo("directory");
        assertThat(dir.at("/documents").asLong()).isEqualTo(198);
        assertThat(dir.has("verification")).isFalse();
    }

    @Test
    void inspectVerifyOfAnArchiveWithAFlippedByteExitsWithTwoAndNamesTheNamespace(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("shop.archive");
        CollectionMetadata users = CollectionMetadata.parse("{\"indexes\":[{\"v\":2,\"key\":{\"_id\":1},"
                + "\"name\":\"_id_\"}],\"collectionName\":\"users\",\"type\":\"collection\"}", "users");
        try (ArchiveWriter writer = ArchiveWriter.create(file, false, ArchiveHeader.forExport("7.0.2"),
                List.of(ArchiveCollection.of("shop", "orders", users, 0),
                        ArchiveCollection.of("shop", "users", users, 0)))) {
            writer.beginNamespace("shop", "orders");
            writer.writeDocument(document("order-1"));
            writer.endNamespace();
            writer.beginNamespace("shop", "users");
            for (int i = 0; i < 20; i++) {
                writer.writeDocument(document(i == 10 ? "MARKER-user" : "user-" + i));
            }
            writer.endNamespace();
            writer.finish();
        }
        assertThat(CliRun.of("inspect", file.toString(), "--verify").exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        int marker = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("MARKER-user");
        bytes[marker + 2] ^= 0x01;
        Path flipped = Files.write(dir.resolve("flipped.archive"), bytes);

        CliRun run = CliRun.of("inspect", flipped.toString(), "--verify");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("CRC-64 mismatch for namespace shop.users");
        assertThat(run.out()).contains("Checksums    FAILED: flipped.archive: CRC-64 mismatch for namespace"
                + " shop.users");
        CliRun plain = CliRun.of("inspect", flipped.toString());
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).contains("namespace shop.users");
    }

    @Test
    void inspectRefusesWhatIsNeitherABundleNorADump(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("inspect", dir.resolve("none").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no file or folder");
        Path text = Files.writeString(dir.resolve("notes.archive"), "hello");
        CliRun foreign = CliRun.of("inspect", text.toString());
        assertThat(foreign.exitCode()).isEqualTo(2);
        assertThat(foreign.err()).contains("is neither a migration bundle, a mongodump archive");
        CliRun empty = CliRun.of("inspect", dir.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("is a folder without mongodump files");
    }

    private static String inspect(String relative) {
        CliRun run = CliRun.of("inspect", interop(relative).toString(), "--verify");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static Path interop(String relative) {
        Path root = Path.of("..", "shared", "interop");
        Assumptions.assumeTrue(Files.isDirectory(root), "no real mongodump outputs in " + root.toAbsolutePath());
        Path path = root.resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "missing " + path);
        return path;
    }

    private static byte[] document(String name) {
        BsonDocument document = new BsonDocument("_id", new BsonString(name)).append("n", new BsonInt32(1));
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
        }
        return buffer.toByteArray();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
