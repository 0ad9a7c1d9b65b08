package aom.migration.reliability;

import aom.migration.bundle.BundleCollection;
import aom.migration.bundle.BundlePaths;
import aom.migration.bundle.BundleReader;
import aom.migration.bundle.BundleWriter;
import aom.migration.bundle.Compression;
import aom.migration.bundle.EntrySpool;
import aom.migration.bundle.ExtendedJson;
import aom.migration.bundle.Manifest;
import aom.migration.cli.CliRun;
import aom.migration.data.BsonDocumentReader;
import aom.migration.data.CollectionMetadata;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.progress.CancellationToken;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 6, title = "BSON fidelity: every type, byte for byte",
        promise = "Documents holding every BSON type and the awkward values of each (see `EveryBsonType`: doubles"
                + " -0.0, NaN, ±infinity; strings with combining marks, emoji, RTL and control characters; 100"
                + " levels of nesting; arrays; binary subtypes 0-9, 0x80 and 0xff, UUID 3 and 4; ObjectId; booleans;"
                + " dates before 1970 and in year 1066 and 9999; null; regex with flags; DBPointer; JavaScript;"
                + " symbol; code with scope; int32/int64 extremes; timestamps; Decimal128 with NaN, ±infinity, -0"
                + " and extreme exponents; MinKey; MaxKey; undefined; field names that are empty, dotted,"
                + " $-prefixed inside nested documents, unicode and 10,000 characters long) must come out of the"
                + " bundle byte for byte as they went in, and out of export and import byte for byte as the source"
                + " server holds them. Where mongo-java-server cannot store a type (VERSIONS.md), the import must"
                + " fail clearly and leave the target as it was, never lose data silently.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BsonFidelityTest {

    @TempDir
    Path dir;

    /** The demo target the cases that must fail import into; each leaves it as it was (or fails). */
    private static EmbeddedServer target;
    private static Map<String, Map<String, List<String>>> targetBefore;

    @Order(1)
    @ParameterizedTest(name = "bundle writer and reader, compression {0}: dump entry and metadata lines")
    @EnumSource(Compression.class)
    void bundleWriterAndReaderKeepEveryByte(Compression compression, Observed observed) throws IOException {
        Map<String, byte[]> documents = EveryBsonType.all();
        Path file = writeBundle(dir.resolve(compression + ".aombundle"), compression, documents.values());
        try (BundleReader bundle = BundleReader.open(file)) {
            bundle.verifyChecksums(event -> { }, CancellationToken.none());
            BundleCollection things = bundle.collection("App", "things").orElseThrow();
            List<byte[]> read = new ArrayList<>();
            try (InputStream in = things.openDocuments()) {
                BsonDocumentReader reader = new BsonDocumentReader(in, "things");
                for (byte[] next; (next = reader.nextBytes()) != null; ) {
                    read.add(next);
                }
            }
            List<byte[]> lines;
            try (Stream<RawBsonDocument> metadata = bundle.metadataDocuments("things")) {
                lines = metadata.map(BsonFidelityTest::bytes).toList();
            }
            assertThat(read).hasSameSizeAs(documents.values());
            assertThat(lines).hasSameSizeAs(documents.values());
            int i = 0;
            for (Map.Entry<String, byte[]> document : documents.entrySet()) {
                assertThat(read.get(i)).as(document.getKey() + " in the .bson entry").isEqualTo(document.getValue());
                if (document.getKey().equals("NaN variants")) {
                    assertThat(lines.get(i)).as("NaN variants as an Extended JSON line")
                            .isNotEqualTo(document.getValue());
                    observed.note("Metadata lines (Extended JSON) turn a Decimal128 NaN with its sign bit set, a"
                            + " double NaN with its sign bit set and a double NaN with a payload into the"
                            + " canonical NaN: " + changedFields(document.getValue(), lines.get(i)) + ". Extended"
                            + " JSON has one spelling for NaN; the .bson data entries keep every bit.");
                } else {
                    assertThat(lines.get(i)).as(document.getKey() + " as an Extended JSON line")
                            .isEqualTo(document.getValue());
                }
                i++;
            }
        }
        observed.note(documents.size() + " documents (" + String.join(", ", documents.keySet()) + ") identical"
                + " byte for byte in the .bson entry; all but the NaN variants also after the round trip through"
                + " the Extended JSON of the metadata lines.");
    }

    /** The fields whose bytes differ between two documents, with the value they became. */
    private static String changedFields(byte[] original, byte[] changed) {
        BsonDocument before = new RawBsonDocument(original).decode(new BsonDocumentCodec());
        BsonDocument after = new RawBsonDocument(changed).decode(new BsonDocumentCodec());
        List<String> fields = new ArrayList<>();
        for (String field : before.keySet()) {
            BsonValue was = before.get(field);
            BsonValue is = after.get(field);
            if (was.isDouble() && is != null && is.isDouble()) {
                long bitsBefore = Double.doubleToRawLongBits(was.asDouble().getValue());
                long bitsAfter = Double.doubleToRawLongBits(is.asDouble().getValue());
                if (bitsBefore != bitsAfter) {
                    fields.add(field + " " + Long.toHexString(bitsBefore) + " -> " + Long.toHexString(bitsAfter));
                }
            } else if (was.isDecimal128() && is != null && is.isDecimal128()) {
                Decimal128 a = was.asDecimal128().getValue();
                Decimal128 b = is.asDecimal128().getValue();
                if (a.getHigh() != b.getHigh() || a.getLow() != b.getLow()) {
                    fields.add(field + " high " + Long.toHexString(a.getHigh()) + " -> "
                            + Long.toHexString(b.getHigh()));
                }
            }
        }
        return String.join(", ", fields);
    }

    @Order(2)
    @Test
    @DisplayName("export and import through the embedded servers (every type the server stores)")
    void exportAndImportKeepEveryByteTheServerStores(Observed observed) {
        Map<String, byte[]> documents = new LinkedHashMap<>(EveryBsonType.storable());
        documents.put("NaN variants", EveryBsonType.nanVariants());
        try (EmbeddedServer source = EmbeddedServer.inMemory();
             EmbeddedServer target = EmbeddedServer.inMemory();
             MongoClient sourceClient = MongoClients.create(source.uri());
             MongoClient targetClient = MongoClients.create(target.uri())) {
            DemoInstallation.writeSource(sourceClient, DemoScale.TESTS);
            DemoInstallation.writeTarget(targetClient, DemoScale.TESTS);
            MongoCollection<RawBsonDocument> fidelity = sourceClient.getDatabase("ConferenceApp")
                    .getCollection("Fidelity", RawBsonDocument.class);
            documents.values().forEach(bytes -> fidelity.insertOne(new RawBsonDocument(bytes)));
            assertThat(sorted(fidelity)).as("what the source server holds").containsExactlyElementsOf(
                    documents.values().stream().map(RawBsonDocument::new).toList());

            Path bundle = dir.resolve("fidelity.aombundle");
            CliRun export = CliRun.of("export", "--source", source.uri(), "--app", "ConferenceApp", "--out",
                    bundle.toString(), "--no-progress");
            assertThat(export.exitCode()).as(export.err()).isZero();
            CliRun imported = observed.cli(CliRun.of("import", "--target", target.uri(), bundle.toString(), "--yes",
                    "--no-progress"));
            assertThat(imported.exitCode()).as(imported.err()).isZero();

            byte[] inBundle = BundleSurgery.content(bundle, "dump/ConferenceApp/Fidelity.bson");
            assertThat(split(inBundle)).containsExactlyInAnyOrderElementsOf(documents.values().stream()
                    .map(RawBsonDocument::new).toList());
            assertThat(sorted(targetClient.getDatabase("ConferenceApp").getCollection("Fidelity",
                    RawBsonDocument.class))).containsExactlyElementsOf(documents.values().stream()
                    .map(RawBsonDocument::new).toList());
        }
        observed.note(String.join(", ", documents.keySet()) + ": identical in the source, the bundle and the"
                + " target.");
    }

    @Order(3)
    @ParameterizedTest(name = "a value mongo-java-server changes on insert: {0}")
    @EnumSource(EveryBsonType.Changed.class)
    void valueTheServerChangesIsCaughtByTheVerification(EveryBsonType.Changed value, Observed observed) {
        CliRun run = importDocumentTheServerCannotKeep(EveryBsonType.withChanged(value), observed);
        assertThat(run.err()).contains("The verification of ConferenceApp failed: ConferenceApp.Basics_Role: the"
                + " documents differ from the imported ones");
        observed.note("The server changed the value as it stored it (VERSIONS.md); the staging collection, read back"
                + " right after loading, had another content hash, so the import stopped before swapping anything"
                + " in and dropped what it had loaded: nothing is lost silently.");
    }

    @Order(4)
    @ParameterizedTest(name = "a type mongo-java-server cannot store: {0}")
    @EnumSource(EveryBsonType.Unstorable.class)
    void typeTheServerCannotStoreFailsTheImportClearly(EveryBsonType.Unstorable type, Observed observed) {
        CliRun run = importDocumentTheServerCannotKeep(EveryBsonType.withUnstorable(type), observed);
        assertThat(run.err()).contains("Error: Loading ConferenceApp.Basics_Role into the target failed: the"
                + " connection to the target broke");
        observed.note("mongo-java-server closes the connection when it receives this value (a real mongod stores"
                + " it; the bundle keeps it byte for byte, see the first rows).");
    }

    /**
     * Adds {@code document} to a collection of the shared bundle (the manifest forged to match) and imports it:
     * the import must fail with exit 1, and the target must be as it was.
     */
    private CliRun importDocumentTheServerCannotKeep(byte[] document, Observed observed) {
        Path bundle = BundleSurgery.forge(ConferenceBundle.file(), dir.resolve("odd.aombundle"),
                "dump/ConferenceApp/Basics_Role.bson", content -> BundleSurgery.concatenate(content, document));
        CliRun run = observed.cli(CliRun.of("import", "--target", target.uri(), bundle.toString(), "--yes",
                "--no-progress"));
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("The target was restored to its state before the import");
        try (MongoClient client = MongoClients.create(target.uri())) {
            assertThat(TargetSnapshot.differences(targetBefore, TargetSnapshot.of(client))).isEmpty();
        }
        observed.note("Target byte for byte as before.");
        return run;
    }

    @BeforeAll
    static void startTarget() {
        target = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(target.uri())) {
            DemoInstallation.writeTarget(client, DemoScale.TESTS);
            targetBefore = TargetSnapshot.of(client);
        }
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static Path writeBundle(Path file, Compression compression, Iterable<byte[]> documents)
            throws IOException {
        try (BundleWriter writer = BundleWriter.create(file, compression, 1 << 20, true)) {
            EntrySpool metadata = writer.newEntry(BundlePaths.metadata("things"));
            EntrySpool data = writer.newEntry(BundlePaths.documents("App", "things"));
            long count = 0;
            for (byte[] document : documents) {
                metadata.write((ExtendedJson.toLine(document, 0, document.length) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                data.write(document);
                count++;
            }
            metadata.countDocuments(count);
            data.countDocuments(count);
            writer.add(metadata.finish(), Manifest.KIND_METADATA, null, "apiomat", "things");
            writer.add(BundlePaths.definition("App", "things"), new CollectionMetadata("things", "collection", null,
                    List.of(), null, null).toJson().getBytes(StandardCharsets.UTF_8), Manifest.KIND_DEFINITION,
                    SystemKind.LIVE, "App", "things", 0);
            writer.add(data.finish(), Manifest.KIND_DOCUMENTS, SystemKind.LIVE, "App", "things");
            writer.finish(new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "2024-03-01T08:00:00Z",
                    new Manifest.Tool("test", "1"), new Manifest.Source("db1:27017", "6.0.0", "standalone"),
                    new Manifest.Application("App", "The App", "DASHED"),
                    new Manifest.SelectionInfo(true, List.of("LIVE")),
                    new Manifest.MetadataInfo("apiomat", Map.of("things", count), BundlePaths.KEYS),
                    List.of(new Manifest.DatabaseInfo("LIVE", "App", 1, count, 0)),
                    new Manifest.Counts(count, 1, 1, count, 0), List.of(), ExtractionProfile.defaults(),
                    List.of()));
        }
        return file;
    }

    private static List<RawBsonDocument> sorted(MongoCollection<RawBsonDocument> collection) {
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static List<RawBsonDocument> split(byte[] bson) {
        List<RawBsonDocument> documents = new ArrayList<>();
        try {
            BsonDocumentReader reader = new BsonDocumentReader(new ByteArrayInputStream(bson), "entry");
            for (RawBsonDocument next; (next = reader.next()) != null; ) {
                documents.add(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
