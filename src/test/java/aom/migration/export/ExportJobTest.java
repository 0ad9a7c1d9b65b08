package aom.migration.export;

import aom.migration.bundle.BundlePaths;
import aom.migration.bundle.BundleReader;
import aom.migration.data.CollectionMetadata;
import aom.migration.bundle.EntryKind;
import aom.migration.bundle.Compression;
import aom.migration.bundle.ExtendedJson;
import aom.migration.bundle.Manifest;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.UnknownApplicationException;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportJobTest {

    private static DemoServers servers;
    private static MongoClient client;
    private static Path conferenceBundle;
    private static ExportResult conference;

    @TempDir
    static Path shared;

    @BeforeAll
    static void exportConferenceApp() throws IOException {
        servers = DemoServers.start(DemoScale.TESTS);
        client = MongoClients.create(servers.source().uri());
        conferenceBundle = shared.resolve("ConferenceApp.aombundle");
        conference = job(servers.source().settings(), "ConferenceApp", Selection.everything(), conferenceBundle,
                ExportOptions.defaults()).run(event -> { }, CancellationToken.none());
    }

    @AfterAll
    static void stop() {
        client.close();
        servers.close();
    }

    @Test
    void everyBsonEntryEqualsTheSourceCollectionByteForByte() throws IOException {
        try (BundleReader bundle = BundleReader.open(conferenceBundle)) {
            List<String> databases = bundle.collections().stream().map(c -> c.database()).distinct().toList();
            assertThat(databases).containsExactly("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test");
            assertThat(bundle.collections()).extracting(c -> c.collection()).contains("images.files",
                    "images.chunks", "Basics_User", "Speakers_Talk");
            for (var collection : bundle.collections()) {
                byte[] expected = rawCollection(collection.database(), collection.collection());
                try (InputStream in = collection.openDocuments()) {
                    assertThat(in.readAllBytes()).as(collection.namespace()).isEqualTo(expected);
                }
                assertThat(collection.expectedDocuments()).isEqualTo(client.getDatabase(collection.database())
                        .getCollection(collection.collection()).countDocuments());
            }
        }
    }

    @Test
    void metadataLinesParseBackToTheSourceDocumentsBytes() throws IOException {
        MongoDatabase apiomat = client.getDatabase("apiomat");
        try (BundleReader bundle = BundleReader.open(conferenceBundle)) {
            assertThat(bundle.metadataCollections()).containsExactly("customers", "plans", "applications",
                    "modules", "metamodels", "metamodelattributes", "modulejars.files", "modulejars.chunks");
            for (String collection : bundle.metadataCollections()) {
                try (Stream<RawBsonDocument> documents = bundle.metadataDocuments(collection)) {
                    for (RawBsonDocument document : documents.toList()) {
                        RawBsonDocument source = apiomat.getCollection(collection, RawBsonDocument.class)
                                .find(new BsonDocument("_id", document.get("_id"))).first();
                        assertThat(bytes(document)).as(collection + " " + document.get("_id")).isEqualTo(bytes(source));
                    }
                }
            }
            assertThat(bundle.manifest().metadata().documents()).containsEntry("modules", 5L)
                    .containsEntry("applications", 1L).containsEntry("customers", 5L).containsEntry("plans", 1L);
            assertThat(bundle.closure()).hasSize((int) bundle.manifest().counts().metadataDocuments());
        }
    }

    @Test
    void metadataLinesAreCanonicalExtendedJson() throws IOException {
        try (ZipFile zip = new ZipFile(conferenceBundle.toFile())) {
            String modules = new String(zip.getInputStream(zip.getEntry("metadata/modules.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(modules.lines()).hasSize(5)
                    .allSatisfy(line -> assertThat(line).startsWith("{\"_id\": {\"$oid\""));
            assertThat(modules).contains("\"createdAt\": {\"$date\": {\"$numberLong\"");
            byte[] first = ExtendedJson.toBson(modules.lines().findFirst().orElseThrow(), "test");
            assertThat(ExtendedJson.toLine(first, 0, first.length)).isEqualTo(modules.lines().findFirst().get());
        }
    }

    @Test
    void indexDefinitionsAppearInTheMetadataFiles() throws IOException {
        try (ZipFile zip = new ZipFile(conferenceBundle.toFile())) {
            assertThat(index(zip, "ConferenceCore_Person", "email_unique")).isEqualTo(BsonDocument.parse(
                    "{key: {email: 1}, name: 'email_unique', unique: true, v: 2}"));
            assertThat(index(zip, "ConferenceCore_Session", "track_time")).isEqualTo(BsonDocument.parse(
                    "{key: {track: 1, startsAt: -1}, name: 'track_time', v: 2}"));
            assertThat(index(zip, "Basics_Token", "token_ttl").get("expireAfterSeconds").asNumber().longValue())
                    .isEqualTo(3600);
            assertThat(index(zip, "Speakers_Speaker", "twitter_sparse").getBoolean("sparse").getValue()).isTrue();
            assertThat(index(zip, "images.chunks", "files_id_1_n_1").getDocument("key"))
                    .isEqualTo(BsonDocument.parse("{files_id: 1, n: 1}"));
            CollectionMetadata token = CollectionMetadata.parse(definition(zip, "Basics_Token"), "test");
            assertThat(token.collectionName()).isEqualTo("Basics_Token");
            assertThat(token.type()).isEqualTo("collection");
            assertThat(definition(zip, "Basics_Token"))
                    .startsWith("{\"indexes\": [{\"key\": {\"_id\": {\"$numberInt\"");
        }
    }

    private static BsonDocument index(ZipFile zip, String collection, String name) throws IOException {
        return CollectionMetadata.parse(definition(zip, collection), collection).indexes().stream()
                .filter(index -> index.getString("name").getValue().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name + " on " + collection));
    }

    @Test
    void bundleOpensWithJavaUtilZipAndTheManifestChecksumsHold() throws Exception {
        try (ZipFile zip = new ZipFile(conferenceBundle.toFile())) {
            Manifest manifest = readManifest(zip);
            assertThat(manifest.format()).isEqualTo("aom-migration-bundle");
            assertThat(manifest.formatVersion()).isEqualTo(1);
            assertThat(manifest.entries()).isNotEmpty();
            Set<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .collect(Collectors.toSet());
            assertThat(names).contains("manifest.json", "README.txt", "metadata/_keys.jsonl",
                    "dump/ConferenceApp/Basics_User.bson", "dump/ConferenceApp/Basics_User.metadata.json");
            assertThat(names).hasSize(manifest.entries().size() + 1);
            for (Manifest.Entry entry : manifest.entries()) {
                byte[] content = zip.getInputStream(zip.getEntry(entry.path())).readAllBytes();
                assertThat(content.length).as(entry.path()).isEqualTo(entry.bytes());
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                        .as(entry.path()).isEqualTo(entry.sha256());
            }
        }
    }

    /** Entry headers hold the export's time as plain zip (DOS) time, without NTFS or extended timestamp fields. */
    @Test
    void everyEntryCarriesTheExportTimeAndNoExtraFields() throws Exception {
        long created = Instant.parse(conference.manifest().createdAt()).toEpochMilli();
        try (ZipFile zip = new ZipFile(conferenceBundle.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                assertThat(entry.getExtra()).as(entry.getName()).isNullOrEmpty();
                // DOS time counts in steps of 2 seconds.
                assertThat(entry.getTime()).as(entry.getName()).isBetween(created - 2000, created);
            }
        }
    }

    @Test
    void theManifestListsTheMetadataFirstThoughTheZipHoldsItAfterTheData() throws Exception {
        List<EntryKind> kinds = conference.manifest().entries().stream().map(Manifest.Entry::kind).toList();
        int firstData = kinds.indexOf(Manifest.KIND_DEFINITION);
        assertThat(firstData).isPositive();
        assertThat(kinds.subList(0, firstData)).containsOnly(Manifest.KIND_METADATA, Manifest.KIND_KEYS)
                .contains(Manifest.KIND_KEYS);
        assertThat(kinds.subList(firstData, kinds.size()))
                .doesNotContain(Manifest.KIND_METADATA, Manifest.KIND_KEYS).endsWith(Manifest.KIND_README);
        // The zip itself: the data first (streamed while the metadata was read), the manifest last.
        try (ZipFile zip = new ZipFile(conferenceBundle.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names.indexOf("metadata/_keys.jsonl")).isGreaterThan(names.indexOf(
                    "dump/ConferenceApp/Basics_User.bson"));
            assertThat(names.get(names.size() - 1)).isEqualTo("manifest.json");
        }
    }

    @Test
    void manifestDescribesTheExport() {
        Manifest manifest = conference.manifest();
        assertThat(manifest.application()).isEqualTo(new Manifest.Application("ConferenceApp", "Conference App",
                "DASHED"));
        assertThat(manifest.source().hosts()).isEqualTo("127.0.0.1:" + servers.source().port());
        assertThat(manifest.selection().systems()).containsExactly("LIVE", "STAGING", "TEST");
        assertThat(manifest.databases()).extracting(Manifest.DatabaseInfo::name)
                .containsExactly("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test");
        assertThat(manifest.warnings()).hasSize(2);
        assertThat(manifest.profile()).isEqualTo(ExtractionProfile.defaults());
        assertThat(manifest.counts().documents()).isEqualTo(manifest.databases().stream()
                .mapToLong(Manifest.DatabaseInfo::documents).sum());
    }

    @Test
    void suffixedNamingExportsLiveAndTestAndWarnsAboutMissingStaging(@TempDir Path dir) throws IOException {
        ExportResult shop = job(servers.source().settings(), "ShopApp", Selection.everything(),
                dir.resolve("shop.aombundle"), ExportOptions.defaults().withCompression(Compression.NONE))
                .run(event -> { }, CancellationToken.none());
        assertThat(shop.manifest().application().naming()).isEqualTo("SUFFIXED");
        assertThat(shop.manifest().databases()).extracting(Manifest.DatabaseInfo::name)
                .containsExactly("ShopApp", "ShopAppTEST");
        assertThat(shop.manifest().warnings()).containsExactly(
                "ShopApp has no STAGING database (ShopAppSTAGING); nothing exported for STAGING");
        try (BundleReader bundle = BundleReader.open(shop.bundle())) {
            assertThat(bundle.collections("TEST")).extracting(c -> c.collection()).contains("Shop_Coupon");
            bundle.verifyChecksums(event -> { }, CancellationToken.none());
        }
    }

    @Test
    void dataOnlyExportHasNoMetadataAndMetadataOnlyHasNoDump(@TempDir Path dir) throws IOException {
        ExportResult data = job(servers.source().settings(), "FleetTracker",
                new Selection(false, EnumSet.of(SystemKind.LIVE)), dir.resolve("data.aombundle"),
                ExportOptions.defaults()).run(event -> { }, CancellationToken.none());
        assertThat(data.manifest().metadata()).isNull();
        assertThat(data.manifest().entries(Manifest.KIND_METADATA)).isEmpty();
        ExportResult metadata = job(servers.source().settings(), "FleetTracker",
                new Selection(true, Set.of()), dir.resolve("meta.aombundle"), ExportOptions.defaults())
                .run(event -> { }, CancellationToken.none());
        assertThat(metadata.manifest().entries(Manifest.KIND_DOCUMENTS)).isEmpty();
        assertThat(metadata.manifest().metadata().documents()).containsEntry("applications", 1L);
    }

    @Test
    void cancellingMidExportLeavesNoFile(@TempDir Path dir) {
        CancellationToken token = new CancellationToken();
        List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> job(servers.source().settings(), "ConferenceApp", Selection.everything(),
                dir.resolve("cancelled.aombundle"), ExportOptions.defaults().withParallelism(2))
                .run(event -> {
                    events.add(event);
                    if (event.phase() == Phase.DATA && event.namespace() != null && event.documentsDone() > 0) {
                        token.cancel();
                    }
                }, token))
                .isInstanceOf(CancelledException.class);
        assertThat(events).anySatisfy(event -> assertThat(event.phase()).isEqualTo(Phase.DATA));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void cancellingWhileWritingMetadataLeavesNoFile(@TempDir Path dir) {
        CancellationToken token = new CancellationToken();
        assertThatThrownBy(() -> job(servers.source().settings(), "ConferenceApp", Selection.everything(),
                dir.resolve("cancelled.aombundle"), ExportOptions.defaults()).run(event -> {
                    // The metadata is read alongside the instance data, so its progress comes in either phase.
                    if ("apiomat.customers".equals(event.namespace())) {
                        token.cancel();
                    }
                }, token))
                .isInstanceOf(CancelledException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aMetadataFailureStopsTheDataExportAndIsReportedAsItselfLeavingNoFile(@TempDir Path dir) {
        // The metadata is read on its own thread while the data exports: its failure must not come out as a cancel.
        ExtractionProfile defaults = ExtractionProfile.defaults();
        ExtractionProfile.PasswordSpec password = defaults.password();
        ExtractionProfile broken = new ExtractionProfile(defaults.database(), defaults.application(),
                new ExtractionProfile.PasswordSpec(password.collection(), password.field(), "md5",
                        password.iterations(), password.resetTo()), defaults.collections());
        assertThatThrownBy(() -> new ExportJob(servers.source().settings(), "ConferenceApp", Selection.everything(),
                dir.resolve("broken.aombundle"), broken, ExportOptions.defaults()).run(event -> { },
                CancellationToken.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password scheme 'md5' is not supported");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void progressReportsTotalsBeforeDataAndEveryCollection(@TempDir Path dir) throws IOException {
        Map<String, ProgressEvent> last = new ConcurrentHashMap<>();
        List<ProgressEvent> overall = Collections.synchronizedList(new ArrayList<>());
        job(servers.source().settings(), "ShopApp", Selection.everything(), dir.resolve("p.aombundle"),
                ExportOptions.defaults()).run(event -> {
                    if (event.namespace() != null) {
                        last.put(event.namespace(), event);
                    } else if (event.message() == null) {
                        overall.add(event);
                    }
                }, CancellationToken.none());
        assertThat(last).containsKeys("ShopApp.Shop_Product", "ShopAppTEST.Shop_Coupon", "apiomat.modules");
        ProgressEvent product = last.get("ShopApp.Shop_Product");
        assertThat(product.documentsDone()).isEqualTo(product.documentsTotal()).isEqualTo(24);
        assertThat(product.bytesDone()).isEqualTo(product.bytesTotal());
        ProgressEvent end = overall.get(overall.size() - 1);
        assertThat(end.documentsDone()).isEqualTo(end.documentsTotal());
    }

    @Test
    void unknownApplicationNamesTheExistingOnesAndWritesNothing(@TempDir Path dir) {
        assertThatThrownBy(() -> job(servers.source().settings(), "NoSuchApp", Selection.everything(),
                dir.resolve("x.aombundle"), ExportOptions.defaults()).run(event -> { }, CancellationToken.none()))
                .isInstanceOf(UnknownApplicationException.class)
                .hasMessageContaining("ConferenceApp, FleetTracker, ShopApp");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void existingBundleIsNotOverwrittenUnlessAsked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("exists.aombundle");
        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> job(servers.source().settings(), "FleetTracker", Selection.everything(), file,
                ExportOptions.defaults()).run(event -> { }, CancellationToken.none()))
                .hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(dir).isDirectoryContaining(p -> true).satisfies(d -> assertThat(list(d)).containsExactly(file));
    }

    @Test
    void noCredentialOrUriOptionOfTheSourceReachesTheBundle(@TempDir Path dir) throws IOException {
        String marker = "Marker4711SecretLike";
        ConnectionSettings settings = ConnectionSettings.fromUri(servers.source().uri() + "?appName=" + marker);
        ExportResult result = job(settings, "FleetTracker", Selection.everything(), dir.resolve("c.aombundle"),
                ExportOptions.defaults().withCompression(Compression.NONE)).run(event -> { },
                CancellationToken.none());
        assertThat(result.manifest().source().hosts()).isEqualTo("127.0.0.1:" + servers.source().port());
        byte[] bytes = Files.readAllBytes(result.bundle());
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(marker).doesNotContain("mongodb://");
    }

    @Test
    void bestAndNoCompressionGiveTheSameContent(@TempDir Path dir) throws IOException {
        Selection live = new Selection(false, EnumSet.of(SystemKind.LIVE));
        Manifest none = job(servers.source().settings(), "FleetTracker", live, dir.resolve("n.aombundle"),
                ExportOptions.defaults().withCompression(Compression.NONE)).run(e -> { }, CancellationToken.none())
                .manifest();
        Manifest best = job(servers.source().settings(), "FleetTracker", live, dir.resolve("b.aombundle"),
                ExportOptions.defaults().withCompression(Compression.BEST)).run(e -> { }, CancellationToken.none())
                .manifest();
        assertThat(best.entries(Manifest.KIND_DOCUMENTS)).isEqualTo(none.entries(Manifest.KIND_DOCUMENTS));
        assertThat(Files.size(dir.resolve("b.aombundle"))).isLessThan(Files.size(dir.resolve("n.aombundle")));
    }

    /**
     * Fast compression deflates with the CPU the machine has to spare: on a busy machine it stores the documents (the
     * bundle is no smaller than the data) and with idle cores it compresses them; the content is the same either way.
     */
    @Test
    void fastCompressionStoresWhileTheMachineIsBusyAndCompressesWithCoresToSpare(@TempDir Path dir)
            throws IOException {
        Selection live = new Selection(false, EnumSet.of(SystemKind.LIVE));
        Map<Boolean, Manifest> manifests = new java.util.HashMap<>();
        Map<Boolean, Long> stored = new java.util.HashMap<>();
        Map<Boolean, Long> uncompressed = new java.util.HashMap<>();
        for (boolean busy : new boolean[] {true, false}) {
            Path file = dir.resolve(busy + ".aombundle");
            manifests.put(busy, job(servers.source().settings(), "ConferenceApp", live, file,
                    ExportOptions.defaults().withCompression(Compression.FAST))
                    .withCpuHeadroom(() -> busyWhen(busy)).run(e -> { }, CancellationToken.none()).manifest());
            long compressed = 0;
            long size = 0;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.getName().startsWith("dump/") && entry.getName().endsWith(".bson")) {
                        compressed += entry.getCompressedSize();
                        size += entry.getSize();
                    }
                }
            }
            stored.put(busy, compressed);
            uncompressed.put(busy, size);
        }
        assertThat(manifests.get(true).entries(Manifest.KIND_DOCUMENTS))
                .isEqualTo(manifests.get(false).entries(Manifest.KIND_DOCUMENTS));
        assertThat(stored.get(true)).as("busy: stored deflate blocks").isGreaterThanOrEqualTo(uncompressed.get(true));
        assertThat(stored.get(false)).as("idle: compressed").isLessThan(uncompressed.get(false) * 3 / 4);
    }

    private static CpuHeadroom busyWhen(boolean busy) {
        CpuHeadroom headroom = CpuHeadroom.of(() -> busy ? 1.0 : 0.0);
        headroom.sample();
        return headroom;
    }

    @Test
    void tinySpoolMemorySpillsToDiskAndStillProducesTheSameBundleContent(@TempDir Path dir) throws IOException {
        Selection live = new Selection(false, EnumSet.of(SystemKind.LIVE));
        Manifest spilled = job(servers.source().settings(), "ConferenceApp", live, dir.resolve("s.aombundle"),
                ExportOptions.defaults().withSpoolMemoryBytes(0).withParallelism(3))
                .run(e -> { }, CancellationToken.none()).manifest();
        assertThat(spilled.entries(Manifest.KIND_DOCUMENTS)).isEqualTo(conference.manifest().entries().stream()
                .filter(e -> e.kind().equals(Manifest.KIND_DOCUMENTS) && e.database().equals("ConferenceApp"))
                .toList());
        assertThat(list(dir)).containsExactly(dir.resolve("s.aombundle"));
    }

    /**
     * A read preference other than the primary makes the export read through the driver's cursor rather than take
     * the replies' batches whole ({@link aom.migration.mongo.RawFind#suits}); the bundle's documents are the same.
     */
    @Test
    void readingThroughTheDriversCursorGivesTheSameDocuments(@TempDir Path dir) throws IOException {
        Selection live = new Selection(false, EnumSet.of(SystemKind.LIVE));
        ConnectionSettings secondary = ConnectionSettings.fromUri(servers.source().uri()
                + "?readPreference=secondaryPreferred");
        Manifest viaCursor = job(secondary, "ConferenceApp", live, dir.resolve("c.aombundle"),
                ExportOptions.defaults()).run(e -> { }, CancellationToken.none()).manifest();
        assertThat(viaCursor.entries(Manifest.KIND_DOCUMENTS)).isEqualTo(conference.manifest().entries().stream()
                .filter(e -> e.kind().equals(Manifest.KIND_DOCUMENTS) && e.database().equals("ConferenceApp"))
                .toList());
    }

    /** The warm-up an export runs on a side thread while it connects: it must work, or it only costs time. */
    @Test
    void theManifestWriterIsPreparedWithTheDefaultProfileWithoutAFailure() {
        assertThatCode(() -> Manifest.prepareWriter(ExtractionProfile.defaults())).doesNotThrowAnyException();
    }

    static ExportJob job(ConnectionSettings settings, String app, Selection selection, Path out,
                         ExportOptions options) {
        return new ExportJob(settings, app, selection, out, ExtractionProfile.defaults(), options);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String definition(ZipFile zip, String collection) throws IOException {
        ZipEntry entry = zip.getEntry(BundlePaths.definition("ConferenceApp", collection));
        return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The manifest, which also has to be plain JSON to a parser other than the tool's own (Jackson). */
    private static Manifest readManifest(ZipFile zip) throws IOException {
        byte[] json = zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes();
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.path("format").asText()).isEqualTo(Manifest.FORMAT);
        assertThat(tree.path("counts").path("documents").isIntegralNumber()).isTrue();
        return Manifest.fromJson(aom.migration.model.JsonObject.parse(json));
    }

    private static byte[] rawCollection(String database, String collection) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RawBsonDocument document : client.getDatabase(database).getCollection(collection, RawBsonDocument.class)
                .find()) {
            byte[] bytes = bytes(document);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
