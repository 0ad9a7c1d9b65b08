package aom.migration.export;

import aom.migration.data.CollectionSource;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.dump.ArchiveReader;
import aom.migration.dump.DumpArchive;
import aom.migration.dump.DumpFormat;
import aom.migration.model.SystemKind;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.ProgressEvent;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveExportTest {

    private static final Set<SystemKind> ALL = EnumSet.allOf(SystemKind.class);

    private static EmbeddedServer server;
    private static MongoClient client;

    @BeforeAll
    static void startSource() {
        server = EmbeddedServer.inMemory();
        client = MongoClients.create(server.uri());
        DemoInstallation.writeSource(client, DemoScale.TESTS);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void archiveReadBackHoldsEveryCollectionOfEverySystemByteForByteWithItsIndexes(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("conference.archive");
        ArchiveExportResult result = export("ConferenceApp", ALL, file, false, ExportOptions.defaults());
        assertThat(result.archive()).isEqualTo(file);
        assertThat(DumpFormat.detect(file).format()).isEqualTo(DumpFormat.ARCHIVE);
        assertThat(dir).isDirectoryContaining(path -> path.equals(file))
                .isDirectoryNotContaining(path -> path.toString().endsWith(".part"));
        assertReadsBackAsTheSource(file, result);
    }

    @Test
    void gzippedArchiveReadsBackTheSame(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("conference.archive.gz");
        ArchiveExportResult result = export("ConferenceApp", ALL, file, true,
                ExportOptions.defaults().withParallelism(1));
        assertThat(result.gzip()).isTrue();
        assertThat(DumpFormat.detect(file).format()).isEqualTo(DumpFormat.GZIP_ARCHIVE);
        assertReadsBackAsTheSource(file, result);
    }

    @Test
    void headerNamesTheSourceServerAndTheConcurrencyUsed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shop.archive");
        ArchiveExportResult result = export("ShopApp", ALL, file, false, ExportOptions.defaults().withParallelism(3));
        try (DumpArchive archive = ArchiveReader.open(file)) {
            assertThat(archive.header().concurrentCollections()).isEqualTo(3);
            assertThat(archive.header().formatVersion()).isEqualTo("0.1");
            assertThat(archive.header().serverVersion()).matches("\\d+\\.\\d+\\.\\d+.*")
                    .isEqualTo(result.serverVersion());
            assertThat(archive.header().toolVersion()).startsWith("aom-migration ");
            assertThat(archive.prelude()).allSatisfy(entry -> assertThat(entry.size()).isZero());
        }
        assertThat(result.warnings()).containsExactly("ShopApp has no STAGING database (ShopAppSTAGING); nothing"
                + " exported for STAGING");
        assertThat(result.databases()).extracting(database -> database.name())
                .containsExactly("ShopApp", "ShopAppTEST");
    }

    @Test
    void onlyTheSelectedSystemsAreExportedAndNeverTheMetadata(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("live.archive");
        export("ConferenceApp", EnumSet.of(SystemKind.LIVE), file, false, ExportOptions.defaults());
        try (DumpArchive archive = ArchiveReader.open(file)) {
            assertThat(archive.databases()).containsExactly("ConferenceApp");
        }
    }

    @Test
    void progressReachesEveryCollectionAndTheTotals(@TempDir Path dir) throws IOException {
        Map<String, ProgressEvent> last = new ConcurrentHashMap<>();
        List<ProgressEvent> overall = Collections.synchronizedList(new ArrayList<>());
        ArchiveExportResult result = new ArchiveExport(server.settings(), "ConferenceApp", ALL,
                dir.resolve("p.archive"), false, ExportOptions.defaults()).run(event -> {
                    if (event.namespace() != null) {
                        last.put(event.namespace(), event);
                    } else if (event.phase() == Phase.DATA && event.message() == null) {
                        overall.add(event);
                    }
                }, CancellationToken.none());
        assertThat(last).containsKey("ConferenceApp.images.chunks").containsKey("ConferenceApp-test.Basics_User");
        assertThat(last.values()).allSatisfy(event -> assertThat(event.documentsDone())
                .isEqualTo(Math.max(0, event.documentsTotal())));
        assertThat(overall).isNotEmpty();
        assertThat(overall.get(overall.size() - 1).documentsDone()).isEqualTo(result.documents());
    }

    @Test
    void cancellingMidExportLeavesNoFile(@TempDir Path dir) {
        CancellationToken token = new CancellationToken();
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> new ArchiveExport(server.settings(), "ConferenceApp", ALL,
                dir.resolve("cancelled.archive.gz"), true, ExportOptions.defaults().withParallelism(1)).run(event -> {
                    if (event.phase() == Phase.DATA && event.namespace() != null && event.documentsDone() > 0
                            && event.documentsDone() == event.documentsTotal()) {
                        finished.add(event.namespace());
                        token.cancel();
                    }
                }, token))
                .isInstanceOf(CancelledException.class);
        assertThat(finished).isNotEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesAnExistingFileUnlessOverwriting(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken.archive"), "keep me");
        assertThatThrownBy(() -> export("ShopApp", ALL, file, false, ExportOptions.defaults()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(file).hasContent("keep me");
        export("ShopApp", ALL, file, false, ExportOptions.defaults().withOverwrite(true));
        assertThat(DumpFormat.detect(file).format()).isEqualTo(DumpFormat.ARCHIVE);
    }

    @Test
    void refusesASelectionWithoutDataAndAnApplicationWithoutTheSelectedDatabases(@TempDir Path dir) {
        assertThatThrownBy(() -> export("ShopApp", Set.of(), dir.resolve("a.archive"), false,
                ExportOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("select at least one system");
        assertThatThrownBy(() -> export("ShopApp", EnumSet.of(SystemKind.STAGING), dir.resolve("b.archive"), false,
                ExportOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ShopApp has none of the selected databases (STAGING); nothing to export");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void defaultFileNamesSayPlainOrGzip() {
        LocalDateTime time = LocalDateTime.of(2024, 3, 1, 14, 5, 9);
        assertThat(ArchiveExport.defaultFileName("ConferenceApp", time, false))
                .isEqualTo("ConferenceApp-20240301-140509.archive");
        assertThat(ArchiveExport.defaultFileName("Odd/App", time, true))
                .isEqualTo("Odd_App-20240301-140509.archive.gz");
    }

    private static ArchiveExportResult export(String app, Set<SystemKind> systems, Path file, boolean gzip,
                                              ExportOptions options) throws IOException {
        return new ArchiveExport(server.settings(), app, systems, file, gzip, options)
                .run(ProgressListener.NONE, CancellationToken.none());
    }

    /** Every collection of every exported database, byte for byte and with its index names, and nothing else. */
    private static void assertReadsBackAsTheSource(Path file, ArchiveExportResult result) throws IOException {
        try (DumpArchive archive = ArchiveReader.open(file)) {
            List<String> databases = result.databases().stream().map(database -> database.name()).toList();
            assertThat(archive.databases()).containsExactlyInAnyOrderElementsOf(databases).doesNotContain("apiomat");
            long documents = 0;
            for (String database : databases) {
                List<String> sourceCollections = client.getDatabase(database).listCollectionNames()
                        .into(new ArrayList<>()).stream().filter(name -> !name.startsWith("system.")).sorted().toList();
                assertThat(archive.collections(database)).extracting(CollectionSource::collection)
                        .containsExactlyElementsOf(sourceCollections);
                for (CollectionSource collection : archive.collections(database)) {
                    try (InputStream in = collection.openDocuments()) {
                        assertThat(in.readAllBytes()).as(collection.namespace())
                                .isEqualTo(rawCollection(database, collection.collection()));
                    }
                    assertThat(indexNames(collection.metadata().indexes())).as(collection.namespace())
                            .containsExactlyInAnyOrderElementsOf(indexNames(client.getDatabase(database)
                                    .getCollection(collection.collection()).listIndexes(BsonDocument.class)
                                    .into(new ArrayList<>())));
                    documents += collection.expectedDocuments();
                }
            }
            assertThat(documents).isEqualTo(result.documents()).isPositive();
            assertThat(archive.collections("ConferenceApp")).extracting(CollectionSource::collection)
                    .contains("images.files", "images.chunks", "Basics_User");
        }
    }

    private static List<String> indexNames(List<BsonDocument> indexes) {
        return indexes.stream().map(index -> index.getString("name", new BsonString("?")).getValue()).toList();
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
