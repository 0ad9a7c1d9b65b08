package aom.migration.export;

import aom.migration.data.BsonDocumentReader;
import aom.migration.bundle.BundleCollection;
import aom.migration.bundle.BundleReader;
import aom.migration.bundle.Manifest;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.demo.MovedDatabase;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionFailedException;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An export whose STAGING database lives on a host of its own reads it from there. */
class InstanceHostsExportTest {

    private static final String APP = "ConferenceApp";
    private static final String STAGING = "ConferenceApp-staging";

    private static EmbeddedServer main;
    private static EmbeddedServer stagingHost;
    private static Map<String, List<String>> stagingDocuments;

    @BeforeAll
    static void splitInstallation() {
        main = EmbeddedServer.inMemory();
        stagingHost = EmbeddedServer.inMemory();
        try (MongoClient mainClient = MongoClients.create(main.uri());
             MongoClient stagingClient = MongoClients.create(stagingHost.uri())) {
            DemoInstallation.writeSource(mainClient, DemoScale.TESTS);
            stagingDocuments = documents(mainClient.getDatabase(STAGING));
            MovedDatabase.move(mainClient, stagingClient, STAGING);
        }
    }

    @AfterAll
    static void stop() {
        main.close();
        stagingHost.close();
    }

    @Test
    void stagingDocumentsComeFromTheStagingHost(@TempDir Path dir) throws IOException {
        assertThat(stagingDocuments).isNotEmpty();
        ExportResult result = job(Selection.everything(), dir.resolve("split.aombundle"),
                InstanceHosts.none().with(SystemKind.STAGING, stagingHost.settings()))
                .run(event -> { }, CancellationToken.none());

        try (BundleReader bundle = BundleReader.open(result.bundle())) {
            Map<String, List<String>> exported = new TreeMap<>();
            for (BundleCollection collection : bundle.collections(SystemKind.STAGING.name())) {
                assertThat(collection.database()).isEqualTo(STAGING);
                exported.put(collection.collection(), read(collection));
            }
            assertThat(exported).isEqualTo(stagingDocuments);
            assertThat(bundle.collections(SystemKind.LIVE.name())).isNotEmpty();
            assertThat(bundle.collections(SystemKind.TEST.name())).isNotEmpty();
            assertThat(bundle.metadataCollections()).contains("applications");
        }
        Map<String, String> hosts = new TreeMap<>();
        for (Manifest.DatabaseInfo database : result.manifest().databases()) {
            hosts.put(database.system(), String.valueOf(database.hosts()));
        }
        assertThat(hosts).containsEntry("STAGING", stagingHost.settings().hostsOnly())
                .containsEntry("LIVE", "null").containsEntry("TEST", "null");
        assertThat(result.manifest().warnings()).noneMatch(warning -> warning.contains("STAGING"));
    }

    @Test
    void withoutItsHostTheStagingDatabaseIsReportedMissing(@TempDir Path dir) throws IOException {
        ExportResult result = job(Selection.everything(), dir.resolve("main-only.aombundle"), InstanceHosts.none())
                .run(event -> { }, CancellationToken.none());

        assertThat(result.manifest().warnings()).anyMatch(warning -> warning.contains("no STAGING database"));
    }

    @Test
    void archiveExportReadsTheStagingHostToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("split.archive");
        ArchiveExportResult result = new ArchiveExport(main.settings(), APP, EnumSet.of(SystemKind.STAGING), file,
                false, ExportOptions.defaults())
                .withInstanceHosts(InstanceHosts.none().with(SystemKind.STAGING, stagingHost.settings()))
                .run(event -> { }, CancellationToken.none());

        long documents = stagingDocuments.values().stream().mapToLong(List::size).sum();
        assertThat(result.databases()).singleElement().satisfies(database -> {
            assertThat(database.name()).isEqualTo(STAGING);
            assertThat(database.documents()).isEqualTo(documents);
            assertThat(database.hosts()).isEqualTo(stagingHost.settings().hostsOnly());
        });
    }

    @Test
    void unreachableStagingHostFailsNamingTheSystemAndHostButNotThePassword(@TempDir Path dir) {
        int port;
        try (EmbeddedServer gone = EmbeddedServer.inMemory()) {
            port = gone.port();
        }
        ConnectionSettings unreachable = ConnectionSettings.fromUri("mongodb://aomuser:Secr3tPass@127.0.0.1:" + port
                + "/?authSource=admin").withServerSelectionTimeout(Duration.ofMillis(500));
        Path out = dir.resolve("never.aombundle");

        assertThatThrownBy(() -> job(Selection.everything(), out,
                InstanceHosts.none().with(SystemKind.STAGING, unreachable)).run(event -> { },
                CancellationToken.none()))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("STAGING host 127.0.0.1:" + port)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("Secr3tPass"));
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnselectedSystemsHostIsNotContacted(@TempDir Path dir) throws IOException {
        int port;
        try (EmbeddedServer gone = EmbeddedServer.inMemory()) {
            port = gone.port();
        }
        ConnectionSettings unreachable = ConnectionSettings.of("127.0.0.1", port)
                .withServerSelectionTimeout(Duration.ofMillis(500));
        ExportResult result = job(new Selection(true, EnumSet.of(SystemKind.LIVE)), dir.resolve("live.aombundle"),
                InstanceHosts.none().with(SystemKind.STAGING, unreachable)).run(event -> { },
                CancellationToken.none());

        assertThat(result.manifest().databases()).extracting(Manifest.DatabaseInfo::system).containsExactly("LIVE");
        assertThat(Files.exists(result.bundle())).isTrue();
    }

    private static ExportJob job(Selection selection, Path out, InstanceHosts hosts) {
        return new ExportJob(main.settings(), APP, selection, out, ExtractionProfile.defaults(),
                ExportOptions.defaults()).withInstanceHosts(hosts);
    }

    private static Map<String, List<String>> documents(MongoDatabase database) {
        Map<String, List<String>> documents = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("system.")) {
                continue;
            }
            List<String> hex = new ArrayList<>();
            for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class).find()) {
                java.nio.ByteBuffer buffer = document.getByteBuffer().asNIO();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                hex.add(HexFormat.of().formatHex(bytes));
            }
            hex.sort(String::compareTo);
            documents.put(name, hex);
        }
        return documents;
    }

    private static List<String> read(BundleCollection collection) throws IOException {
        List<String> hex = new ArrayList<>();
        try (InputStream in = collection.openDocuments()) {
            BsonDocumentReader reader = new BsonDocumentReader(in, collection.namespace());
            byte[] bytes;
            while ((bytes = reader.nextBytes()) != null) {
                hex.add(HexFormat.of().formatHex(bytes));
            }
        }
        hex.sort(String::compareTo);
        return hex;
    }
}
