package aom.migration.dump;

import aom.migration.bundle.BundleCollection;
import aom.migration.bundle.BundleReader;
import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.model.SystemKind;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md section 4: after unzipping, a bundle's {@code dump/} folder is a mongodump directory that
 * {@code mongorestore --drop dump/} restores. Without a mongorestore here, this reads it as one (the same layout
 * rules), byte for byte against the source, and checks its metadata files have the shape mongodump 100.x writes.
 */
class BundleDumpFolderTest {

    private static EmbeddedServer server;
    private static MongoClient client;
    private static Path bundle;
    private static Path unzipped;

    @TempDir
    static Path shared;

    @BeforeAll
    static void exportAndUnzip() throws IOException {
        server = EmbeddedServer.inMemory();
        client = MongoClients.create(server.uri());
        DemoInstallation.writeSource(client, DemoScale.TESTS);
        bundle = shared.resolve("ConferenceApp.aombundle");
        new ExportJob(server.settings(), "ConferenceApp", Selection.everything(), bundle, ExtractionProfile.defaults(),
                ExportOptions.defaults()).run(ProgressListener.NONE, CancellationToken.none());
        unzipped = shared.resolve("restore");
        unzip(bundle, unzipped);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void unzippedDumpFolderReadsBackAsTheSourceDatabasesByteForByte() throws IOException {
        assertThat(DumpFormat.detect(unzipped.resolve("dump")).description())
                .isEqualTo("mongodump directory with databases ConferenceApp, ConferenceApp-staging,"
                        + " ConferenceApp-test");
        try (DumpDirectory dump = DumpDirectoryReader.read(unzipped.resolve("dump"))) {
            assertThat(dump.databases()).containsExactly("ConferenceApp", "ConferenceApp-staging",
                    "ConferenceApp-test");
            assertThat(dump.notes()).isEmpty();
            assertThat(dump.compression()).isEqualTo(DumpCompression.NONE);
            for (String database : dump.databases()) {
                List<String> source = client.getDatabase(database).listCollectionNames().into(new ArrayList<>())
                        .stream().filter(name -> !name.startsWith("system.")).sorted().toList();
                assertThat(dump.collections(database)).extracting(CollectionSource::collection)
                        .containsExactlyElementsOf(source);
                for (CollectionSource collection : dump.collections(database)) {
                    try (InputStream in = collection.openDocuments()) {
                        assertThat(in.readAllBytes()).as(collection.namespace())
                                .isEqualTo(rawCollection(database, collection.collection()));
                    }
                }
            }
            assertThat(dump.summary().documents()).isPositive();
        }
    }

    @Test
    void unzippedMetadataEqualsTheBundlesAndTheSourcesIndexesAndOptions() throws IOException {
        try (DumpDirectory dump = DumpDirectoryReader.read(unzipped.resolve("dump"));
             BundleReader reader = BundleReader.open(bundle)) {
            Map<String, CollectionMetadata> fromBundle = new TreeMap<>();
            for (SystemKind system : SystemKind.values()) {
                for (BundleCollection collection : reader.collections(system.name())) {
                    fromBundle.put(collection.namespace(), collection.metadata());
                }
            }
            Map<String, CollectionMetadata> fromDump = new TreeMap<>();
            dump.collections().forEach(collection -> fromDump.put(collection.namespace(), collection.metadata()));
            assertThat(fromDump).isEqualTo(fromBundle);
            for (CollectionSource collection : dump.collections()) {
                var source = client.getDatabase(collection.database()).getCollection(collection.collection());
                assertThat(collection.metadata().indexes()).as(collection.namespace())
                        .containsExactlyInAnyOrderElementsOf(source.listIndexes(BsonDocument.class)
                                .into(new ArrayList<>()));
                BsonDocument options = client.getDatabase(collection.database()).listCollections(BsonDocument.class)
                        .filter(new BsonDocument("name", new org.bson.BsonString(collection.collection()))).first()
                        .getDocument("options", new BsonDocument());
                assertThat(collection.metadata().options()).as(collection.namespace()).isEqualTo(options);
                assertThat(collection.metadata().collectionName()).isEqualTo(collection.collection());
            }
            assertThat(index(dump, "ConferenceApp", "ConferenceCore_Person", "email_unique"))
                    .isEqualTo(BsonDocument.parse("{key: {email: 1}, name: 'email_unique', unique: true, v: 2}"));
        }
    }

    @Test
    void metadataFilesHaveTheShapeMongodumpOneHundredWrites() throws IOException {
        Path trudesk = InteropDumps.path("frontend-coders__trudesk/dump/formioapp");
        ObjectMapper json = new ObjectMapper();
        JsonNode real = json.readTree(trudesk.resolve("submissions.metadata.json").toFile());
        List<Path> ours;
        try (Stream<Path> files = Files.walk(unzipped.resolve("dump"))) {
            ours = files.filter(file -> file.toString().endsWith(".metadata.json")).sorted().toList();
        }
        assertThat(ours).hasSize(29);
        Set<String> allowed = new TreeSet<>(fieldNames(real));
        allowed.add("options");
        for (Path file : ours) {
            JsonNode node = json.readTree(file.toFile());
            assertThat(fieldNames(node)).as(file.toString()).isSubsetOf(allowed).contains("indexes",
                    "collectionName", "type");
            assertThat(node.get("type").asText()).isEqualTo(real.get("type").asText());
            assertThat(node.get("options").isObject()).isTrue();
            assertThat(node.get("indexes").isArray()).isTrue();
            for (JsonNode index : node.get("indexes")) {
                // Canonical Extended JSON, as 100.x writes it: {"v": {"$numberInt": "2"}, "key": {"f": {...}}}.
                assertThat(shape(index.get("v"))).isEqualTo(shape(real.get("indexes").get(0).get("v")));
                assertThat(index.get("name").isTextual()).isTrue();
                index.get("key").fields().forEachRemaining(key -> assertThat(fieldNames(key.getValue()))
                        .as(file + " " + key.getKey()).containsExactly("$numberInt"));
            }
            String name = file.getFileName().toString().replace(".metadata.json", "");
            assertThat(node.get("collectionName").asText()).isEqualTo(name);
            assertThat(file.resolveSibling(name + ".bson")).exists();
        }
    }

    @Test
    void readmeSaysHowToRestoreTheDataByHandAndWarnsAboutTheMetadata() throws IOException {
        String readme = Files.readString(unzipped.resolve("README.txt"));
        assertThat(readme).contains("    unzip <this file> -d restore\n    cd restore\n    mongorestore --drop dump/\n")
                .contains("Run mongorestore in the unzip folder, the one that CONTAINS dump/, not inside dump/")
                .contains("--nsFrom \"ConferenceApp.*\" --nsTo \"<new name>.*\" dump/")
                .contains("--nsInclude \"ConferenceApp.*\" dump/")
                .contains("WARNING: never restore metadata/ by hand, not with mongorestore")
                .contains("every other application's metadata");
    }

    @Test
    void theUnzipFolderItselfIsRecognisedAsAnUnpackedBundleNotAsADump() {
        DetectedFormat detected = DumpFormat.detect(unzipped);
        assertThat(detected.format()).isEqualTo(DumpFormat.UNKNOWN);
        assertThat(detected.description()).contains("looks like an unpacked migration bundle");
    }

    private static BsonDocument index(DumpDirectory dump, String database, String collection, String name) {
        return dump.collections(database).stream().filter(source -> source.collection().equals(collection))
                .findFirst().orElseThrow().metadata().indexes().stream()
                .filter(index -> index.getString("name").getValue().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    /** A node's type with its object keys, for comparing how two files encode a value. */
    private static String shape(JsonNode node) {
        return node.getNodeType() + (node.isObject() ? fieldNames(node).toString() : "");
    }

    /** Unzips with the JDK alone, as a support engineer's unzip would. */
    private static void unzip(Path zip, Path folder) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("zip entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
    }

    private static byte[] rawCollection(String database, String collection) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RawBsonDocument document : client.getDatabase(database).getCollection(collection, RawBsonDocument.class)
                .find()) {
            ByteBuffer buffer = document.getByteBuffer().asNIO();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }
}
