package aom.migration.dump;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;
import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveWriterTest {

    @TempDir
    Path folder;

    private final List<byte[]> users = TestDocuments.documents("user", 40);
    private final List<byte[]> orders = TestDocuments.documents("order", 25);

    private static CollectionMetadata metadata(String name, String indexField) {
        BsonDocument id = new BsonDocument("v", new BsonInt32(2)).append("key", new BsonDocument("_id",
                new BsonInt32(1))).append("name", new BsonString("_id_"));
        BsonDocument unique = new BsonDocument("v", new BsonInt32(2)).append("unique",
                BsonBoolean.TRUE).append("key", new BsonDocument(indexField, new BsonInt32(1)))
                .append("name", new BsonString(indexField + "_1"));
        return new CollectionMetadata(name, "collection", new BsonDocument(), List.of(id, unique),
                "0123456789abcdef0123456789abcdef", new BsonDocument("futureField", new BsonString("kept")));
    }

    private static final CollectionMetadata VIEW = CollectionMetadata.parse("{\"options\":{\"viewOn\":\"orders\","
            + "\"pipeline\":[]},\"indexes\":[],\"collectionName\":\"someOrders\",\"type\":\"view\"}", "view");

    private List<ArchiveCollection> prelude() {
        return List.of(
                ArchiveCollection.of("shop", "users", metadata("users", "email"), TestDocuments.concat(users).length),
                ArchiveCollection.of("shop", "orders", metadata("orders", "number"), -1),
                ArchiveCollection.of("shop", "someOrders", VIEW, 0),
                ArchiveCollection.of("other", "empty", metadata("empty", "x"), 0));
    }

    private void writeSequentially(ArchiveWriter writer) throws IOException {
        writer.beginNamespace("shop", "users");
        for (byte[] document : users) {
            writer.writeDocument(document);
        }
        writer.endNamespace();
        writer.beginNamespace("shop", "orders");
        for (byte[] document : orders) {
            writer.writeDocument(document);
        }
        writer.endNamespace();
        writer.finish();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ourArchiveReadsBackByteForByteWithMetadataAndVerifiedCrcs(boolean gzip) throws IOException {
        Path file = folder.resolve("shop.archive");
        try (ArchiveWriter writer = ArchiveWriter.create(file, gzip, ArchiveHeader.forExport("7.0.2"), prelude())) {
            writeSequentially(writer);
        }
        assertThat(DumpFormat.detect(file).format()).isEqualTo(gzip ? DumpFormat.GZIP_ARCHIVE : DumpFormat.ARCHIVE);
        try (DumpArchive archive = ArchiveReader.open(file)) {
            assertThat(archive.header().formatVersion()).isEqualTo("0.1");
            assertThat(archive.header().serverVersion()).isEqualTo("7.0.2");
            assertThat(archive.header().toolVersion()).startsWith("aom-migration ");
            assertThat(archive.header().concurrentCollections()).isEqualTo(4);
            CollectionSource usersSource = ArchiveReaderTest.source(archive, "users");
            assertThat(TestDocuments.readAll(usersSource.openDocuments())).isEqualTo(TestDocuments.concat(users));
            assertThat(usersSource.metadata()).isEqualTo(metadata("users", "email"));
            assertThat(usersSource.metadata().unknown().getString("futureField").getValue()).isEqualTo("kept");
            assertThat(TestDocuments.readAll(ArchiveReaderTest.source(archive, "orders").openDocuments()))
                    .isEqualTo(TestDocuments.concat(orders));
            assertThat(ArchiveReaderTest.source(archive, "someOrders").metadata()).isEqualTo(VIEW);
            assertThat(archive.collections(("other"))).singleElement()
                    .satisfies(empty -> assertThat(empty.expectedDocuments()).isZero());
            assertThat(archive.prelude().get(0).size()).isEqualTo(TestDocuments.concat(users).length);
            assertThat(archive.prelude().get(2).type()).isEqualTo("view");
        }
        byte[] plain = uncompressed(file, gzip);
        byte[] usersEof = new HandMadeArchive().namespaceHeader("shop", "users", true,
                ReferenceCrc64.of(users.toArray(new byte[0][]))).bytes();
        byte[] usersEofBytes = Arrays.copyOfRange(usersEof, 4, usersEof.length);
        assertThat(indexOf(plain, usersEofBytes)).as("EOF block of shop.users with the reference CRC").isPositive();
    }

    @Test
    void rewritesRealMongodumpArchivesByteForByte() throws IOException {
        for (String real : List.of("uRuiz__Kenjo_Code_Challenge/dump.gz", "argon-lab__argon/dump.archive",
                "argon-lab__argon/data/base_dump.archive")) {
            Path original = InteropDumps.path(real);
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
            try (DumpArchive archive = ArchiveReader.open(original);
                 ArchiveWriter writer = ArchiveWriter.create(rewritten, false, archive.header(), archive.prelude())) {
                for (ArchiveCollection entry : archive.prelude()) {
                    CollectionSource source = archive.collections(entry.database()).stream()
                            .filter(candidate -> candidate.collection().equals(entry.collection())).findFirst()
                            .orElseThrow();
                    writer.writeCollection(source);
                }
                writer.finish();
            }
            assertThat(rewritten.toByteArray()).as(real).isEqualTo(uncompressed(original, true));
        }
    }

    @Test
    void interleavesNamespacesOpenedAtOnceInSegments() throws IOException {
        Path file = folder.resolve("interleaved.archive");
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(TestDocuments.bytes(new BsonDocument("_id", new BsonInt32(i))
                    .append("payload", new BsonString("p".repeat(1000)))));
        }
        try (ArchiveWriter writer = ArchiveWriter.create(file, false, ArchiveHeader.forExport(null), prelude())) {
            ArchiveWriter.NamespaceWriter a = writer.openNamespace("shop", "users");
            ArchiveWriter.NamespaceWriter b = writer.openNamespace("shop", "orders");
            for (int i = 0; i < many.size(); i++) {
                (i % 2 == 0 ? a : b).write(many.get(i));
            }
            a.close();
            b.close();
            writer.finish();
        }
        try (DumpArchive archive = ArchiveReader.open(file)) {
            ArchiveCollectionSource usersSource = (ArchiveCollectionSource) ArchiveReaderTest.source(archive, "users");
            assertThat(usersSource.segments()).isGreaterThan(1);
            List<byte[]> even = new ArrayList<>();
            for (int i = 0; i < many.size(); i += 2) {
                even.add(many.get(i));
            }
            assertThat(TestDocuments.readAll(usersSource.openDocuments())).isEqualTo(TestDocuments.concat(even));
            assertThat(usersSource.expectedDocuments()).isEqualTo(1500);
            assertThat(archive.header().serverVersion()).isEqualTo("0.0.0");
        }
    }

    @Test
    void writesWholeCollectionSourcesFromADirectoryDumpIntoAnArchive() throws IOException {
        Path dump = InteropDumps.path("frontend-coders__trudesk/dump");
        Path file = folder.resolve("trudesk.archive.gz");
        try (DumpContents directory = DumpDirectoryReader.read(dump)) {
            ArchiveWriter.write(file, true, ArchiveHeader.forExport("6.0"), directory.collections());
            try (DumpArchive archive = ArchiveReader.open(file)) {
                assertThat(archive.summary().databases()).isEqualTo(directory.summary().databases());
                for (CollectionSource source : directory.collections()) {
                    CollectionSource copy = archive.collections(source.database()).stream()
                            .filter(candidate -> candidate.collection().equals(source.collection())).findFirst()
                            .orElseThrow();
                    assertThat(TestDocuments.readAll(copy.openDocuments())).as(source.namespace())
                            .isEqualTo(TestDocuments.readAll(source.openDocuments()));
                    assertThat(copy.metadata().indexes()).isEqualTo(source.metadata().indexes());
                }
            }
        }
    }

    @Test
    void refusesMoreOpenNamespacesThanTheHeaderAllows() throws IOException {
        try (ArchiveWriter writer = ArchiveWriter.create(folder.resolve("x.archive"), false,
                new ArchiveHeader(1, "0.1", "7.0", "test"), prelude())) {
            writer.openNamespace("shop", "users");
            assertThatThrownBy(() -> writer.openNamespace("shop", "orders"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("allows 1 namespaces at once");
        }
    }

    @Test
    void refusesANamespaceOutsideThePreludeAndAnythingButOneDocument() throws IOException {
        try (ArchiveWriter writer = ArchiveWriter.create(folder.resolve("x.archive"), false,
                ArchiveHeader.forExport("7.0"), prelude())) {
            assertThatThrownBy(() -> writer.openNamespace("shop", "unknown"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("shop.unknown is not in the archive's prelude");
            writer.beginNamespace("shop", "users");
            byte[] twoDocuments = TestDocuments.concat(users.subList(0, 2));
            assertThatThrownBy(() -> writer.writeDocument(twoDocuments))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void leavesNoFileBehindWhenNotFinished() throws IOException {
        Path file = folder.resolve("cancelled.archive");
        try (ArchiveWriter writer = ArchiveWriter.create(file, true, ArchiveHeader.forExport("7.0"), prelude())) {
            writer.beginNamespace("shop", "users");
            writer.writeDocument(users.get(0));
            assertThat(folder.toFile().list()).anyMatch(name -> name.matches("cancelled\\.archive\\.[0-9a-f]+\\.part"));
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anArchiveWeWroteLoadsIntoAServer() throws IOException {
        Path file = folder.resolve("plain.archive");
        List<byte[]> simple = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            simple.add(TestDocuments.bytes(new BsonDocument("_id", new BsonInt32(i)).append("name",
                    new BsonString("customer " + i))));
        }
        List<ArchiveCollection> prelude = List.of(ArchiveCollection.of("shop", "customers",
                metadata("customers", "name"), -1));
        try (ArchiveWriter writer = ArchiveWriter.create(file, true, ArchiveHeader.forExport("7.0"), prelude)) {
            writer.beginNamespace("shop", "customers");
            for (byte[] document : simple) {
                writer.writeDocument(document);
            }
            writer.endNamespace();
            writer.finish();
        }
        try (DumpArchive archive = ArchiveReader.open(file);
             EmbeddedServer server = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(server.uri())) {
            CollectionSource source = archive.collections().get(0);
            MongoCollection<RawBsonDocument> target = client.getDatabase("shop").getCollection("customers",
                    RawBsonDocument.class);
            target.insertMany(InteropDumpsTest.documents(source));
            assertThat(target.countDocuments()).isEqualTo(500);
            assertThat(target.find(new BsonDocument("_id", new BsonInt32(7))).first().getString("name").getValue())
                    .isEqualTo("customer 7");
        }
    }

    private static byte[] uncompressed(Path file, boolean gzip) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (!gzip || (bytes[0] & 0xff) != 0x1f) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
