package aom.migration.cli;

import aom.migration.data.CollectionSource;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.demo.EmbeddedServer;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.export.MetadataExtractor;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.DemoImport;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** What the import and verify command tests build from the demo installations: bundles, dumps, targets. */
final class ImportFixtures {

    static final String APP = "ConferenceApp";

    private ImportFixtures() {
    }

    /** Exports ConferenceApp (metadata and every system) from the demo source into {@code dir}. */
    static Path exportConference(DemoServers demo, Path dir) throws IOException {
        return new ExportJob(demo.source().settings(), APP, Selection.everything(), dir.resolve("conference.aombundle"),
                ExtractionProfile.defaults(), ExportOptions.defaults())
                .run(ProgressListener.NONE, CancellationToken.none()).bundle();
    }

    /** A new server holding the demo target. */
    static EmbeddedServer demoTarget() {
        EmbeddedServer server = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(server.uri())) {
            DemoInstallation.writeTarget(client, DemoScale.TESTS);
        }
        return server;
    }

    /** The metadata documents of one application's closure, byte for byte (Base64), by collection and id. */
    static Map<String, String> metadataSlice(MongoClient client, String application) {
        MongoDatabase apiomat = client.getDatabase("apiomat");
        Map<String, String> documents = new TreeMap<>();
        new MetadataExtractor(apiomat, ExtractionProfile.defaults()).closure(application, CancellationToken.none())
                .records().forEach((collection, records) -> records.forEach(record -> {
                    RawBsonDocument document = apiomat.getCollection(collection, RawBsonDocument.class)
                            .find(Filters.eq("_id", record.id())).first();
                    documents.put(collection + " " + record.id(), document == null ? "missing" : base64(document));
                }));
        return documents;
    }

    /**
     * Writes a mongodump directory by hand: {@code dump/<name>/<collection>.bson} and {@code .metadata.json} for
     * each source database, under the name the map gives it.
     *
     * @param databases source database -> its name in the dump
     */
    static Path writeDumpDirectory(MongoClient source, Path dir, Map<String, String> databases) throws IOException {
        Path root = dir.resolve("dump");
        for (Map.Entry<String, String> entry : databases.entrySet()) {
            Path folder = Files.createDirectories(root.resolve(entry.getValue()));
            for (CollectionSource collection : DemoImport.drain(source.getDatabase(entry.getKey()))) {
                Files.writeString(folder.resolve(collection.collection() + ".metadata.json"),
                        collection.metadata().toJson(), StandardCharsets.UTF_8);
                try (InputStream in = collection.openDocuments()) {
                    Files.copy(in, folder.resolve(collection.collection() + ".bson"));
                }
            }
        }
        return root;
    }

    /**
     * Copies a bundle, flipping the case of one letter in the middle of the uncompressed content of {@code entry}:
     * the BSON stays well-formed and the zip entry still inflates, only the checksum no longer matches.
     */
    static Path flipOneByte(Path bundle, String entry, Path out) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile());
             ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry original = entries.nextElement();
                byte[] content = zip.getInputStream(original).readAllBytes();
                if (original.getName().equals(entry)) {
                    flipALetter(content);
                }
                copy.putNextEntry(new ZipEntry(original.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return out;
    }

    /** The first {@code .bson} entry of {@code database} that holds at least a kilobyte. */
    static String bsonEntry(Path bundle, String database) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return zip.stream().filter(e -> e.getName().startsWith("dump/" + database + "/")
                    && e.getName().endsWith(".bson") && e.getSize() > 1024).map(ZipEntry::getName)
                    .sorted().findFirst().orElseThrow();
        }
    }

    private static void flipALetter(byte[] content) {
        for (int i = content.length / 2; i < content.length; i++) {
            if (content[i] >= 'a' && content[i] <= 'z') {
                content[i] ^= 0x20;
                return;
            }
        }
        throw new IllegalStateException("No letter to flip in the second half of the entry");
    }

    private static String base64(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
