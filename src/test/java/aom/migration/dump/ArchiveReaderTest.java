package aom.migration.dump;

import aom.migration.data.CollectionSource;
import aom.migration.data.CorruptDataException;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ArchiveReaderTest {

    private static final String USERS_METADATA = "{\"indexes\":[{\"v\":{\"$numberInt\":\"2\"},\"key\":{\"_id\":"
            + "{\"$numberInt\":\"1\"}},\"name\":\"_id_\"},{\"v\":{\"$numberInt\":\"2\"},\"unique\":true,\"key\":"
            + "{\"email\":{\"$numberInt\":\"1\"}},\"name\":\"email_1\"}],\"uuid\":\"6cec2233d901463b8cab36615322c73c\","
            + "\"collectionName\":\"users\"}";
    private static final String ORDERS_METADATA = "{\"options\":{},\"indexes\":[{\"v\":2,\"key\":{\"_id\":1},"
            + "\"name\":\"_id_\",\"ns\":\"shop.orders\"}]}";
    private static final String VIEW_METADATA = "{\"options\":{\"viewOn\":\"orders\",\"pipeline\":[{\"$match\":"
            + "{\"n\":{\"$gt\":1}}}]},\"indexes\":[],\"collectionName\":\"bigOrders\",\"type\":\"view\"}";

    @TempDir
    Path folder;

    private final List<byte[]> users = TestDocuments.documents("user", 7);
    private final List<byte[]> orders = TestDocuments.documents("order", 12);

    /** users in three segments and orders in two, interleaved; an empty collection and a view with EOF only. */
    private HandMadeArchive interleaved() {
        return new HandMadeArchive()
                .header(4, "0.1", "4.4.0", "100.1.0")
                .collection("shop", "users", USERS_METADATA)
                .collection("shop", "orders", ORDERS_METADATA)
                .collection("shop", "empty", "")
                .view("shop", "bigOrders", VIEW_METADATA)
                .terminator()
                .segment("shop", "users", users.subList(0, 2))
                .segment("shop", "orders", orders.subList(0, 5))
                .segment("shop", "users", users.subList(2, 3))
                .eof("shop", "empty")
                .segment("shop", "orders", orders.subList(5, 12))
                .eof("shop", "orders")
                .segment("shop", "users", users.subList(3, 7))
                .eof("shop", "users")
                .eof("shop", "bigOrders");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    @Test
    void readsInterleavedSegmentsOfAHandMadeArchiveByteForByte() throws IOException {
        try (DumpArchive archive = ArchiveReader.open(write("shop.archive", interleaved().bytes()))) {
            assertThat(archive.format()).isEqualTo(DumpFormat.ARCHIVE);
            assertThat(archive.compression()).isEqualTo(DumpCompression.NONE);
            assertThat(archive.header()).isEqualTo(new ArchiveHeader(4, "0.1", "4.4.0", "100.1.0"));
            assertThat(archive.collections()).extracting(CollectionSource::namespace)
                    .containsExactly("shop.bigOrders", "shop.empty", "shop.orders", "shop.users");
            CollectionSource usersSource = source(archive, "users");
            assertThat(TestDocuments.readAll(usersSource.openDocuments())).isEqualTo(TestDocuments.concat(users));
            assertThat(usersSource.expectedDocuments()).isEqualTo(7);
            assertThat(((ArchiveCollectionSource) usersSource).segments()).isEqualTo(3);
            assertThat(TestDocuments.readAll(source(archive, "orders").openDocuments()))
                    .isEqualTo(TestDocuments.concat(orders));
            assertThat(TestDocuments.readAll(source(archive, "empty").openDocuments())).isEmpty();
        }
    }

    @Test
    void keepsEachCollectionsMetadataAsThePreludeHasIt() throws IOException {
        try (DumpArchive archive = ArchiveReader.open(write("shop.archive", interleaved().bytes()))) {
            CollectionSource usersSource = source(archive, "users");
            assertThat(usersSource.metadata().uuid()).isEqualTo("6cec2233d901463b8cab36615322c73c");
            assertThat(usersSource.metadata().secondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.getBoolean("unique").getValue()).isTrue());
            CollectionSource view = source(archive, "bigOrders");
            assertThat(view.metadata().isView()).isTrue();
            assertThat(view.metadata().options().getString("viewOn").getValue()).isEqualTo("orders");
            assertThat(source(archive, "empty").metadata().indexes()).isEmpty();
        }
    }

    @Test
    void documentsCanBeReadAgainAndInParallel() throws IOException {
        try (DumpArchive archive = ArchiveReader.open(write("shop.archive", interleaved().bytes()))) {
            CollectionSource usersSource = source(archive, "users");
            try (InputStream first = usersSource.openDocuments(); InputStream second = usersSource.openDocuments()) {
                byte[] half = first.readNBytes(100);
                assertThat(second.readAllBytes()).isEqualTo(TestDocuments.concat(users));
                assertThat(half).isEqualTo(Arrays.copyOf(TestDocuments.concat(users), 100));
            }
        }
    }

    @Test
    void readsAGzippedArchiveThroughATemporaryCopyThatCloseDeletes() throws IOException {
        Path unpack = Files.createDirectories(folder.resolve("unpack"));
        DumpArchive archive = ArchiveReader.open(write("shop.archive", interleaved().gzipped()), unpack,
                event -> { }, CancellationToken.none());
        try (archive) {
            assertThat(archive.format()).isEqualTo(DumpFormat.GZIP_ARCHIVE);
            assertThat(archive.compression()).isEqualTo(DumpCompression.GZIP_ARCHIVE);
            assertThat(TestDocuments.readAll(source(archive, "users").openDocuments()))
                    .isEqualTo(TestDocuments.concat(users));
            assertThat(files(unpack)).hasSize(1);
            assertThat(archive.notes()).anySatisfy(note -> assertThat(note).contains("temporary file"));
        }
        assertThat(files(unpack)).isEmpty();
    }

    @Test
    void acceptsASegmentWithoutDocumentsAsMongodumpWritesForEmptyCollections() throws IOException {
        byte[] bytes = new HandMadeArchive().header(1, "0.1", "6.0.4", "100.7.0")
                .collection("db", "empty", "").terminator()
                .segment("db", "empty", List.of())
                .eof("db", "empty").bytes();
        try (DumpArchive archive = ArchiveReader.open(write("a.archive", bytes))) {
            assertThat(archive.collections()).singleElement()
                    .satisfies(source -> assertThat(source.expectedDocuments()).isZero());
        }
    }

    @Test
    void aCancelledOpenStopsAndLeavesNoTemporaryCopy() throws IOException {
        Path unpack = Files.createDirectories(folder.resolve("unpack"));
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        Path archive = write("shop.archive", interleaved().gzipped());
        assertThatThrownBy(() -> ArchiveReader.open(archive, unpack, event -> { }, cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(files(unpack)).isEmpty();
    }

    @Test
    void reportsHowMuchOfTheFileThePassHasRead() throws IOException {
        Path archive = write("shop.archive", interleaved().bytes());
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        ArchiveReader.open(archive, folder, events::add, CancellationToken.none()).close();
        assertThat(events).isNotEmpty().last().satisfies(event -> {
            assertThat(event.phase()).isEqualTo(Phase.PLAN);
            assertThat(event.bytesDone()).isEqualTo(Files.size(archive));
            assertThat(event.bytesTotal()).isEqualTo(Files.size(archive));
        });
    }

    @Test
    void refusesACrcMismatchNamingTheNamespace() throws IOException {
        byte[] bytes = new HandMadeArchive().header(1, "0.1", "4.4.0", "100.1.0")
                .collection("shop", "users", USERS_METADATA).terminator()
                .segment("shop", "users", users)
                .eof("shop", "users", ReferenceCrc64.of(TestDocuments.concat(users)) ^ 1).bytes();
        Path archive = write("bad.archive", bytes);
        assertThatThrownBy(() -> ArchiveReader.open(archive))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("bad.archive")
                .hasMessageContaining("CRC-64 mismatch for namespace shop.users");
    }

    @Test
    void refusesABitFlipInsideADocumentAsACrcMismatch() throws IOException {
        byte[] bytes = interleaved().bytes();
        byte[] firstUser = users.get(0);
        int at = indexOf(bytes, firstUser) + firstUser.length - 10;
        bytes[at] ^= 0x04;
        Path archive = write("flipped.archive", bytes);
        assertThatThrownBy(() -> ArchiveReader.open(archive))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("CRC-64 mismatch for namespace shop.users");
    }

    @Test
    void refusesTheArchiveTruncatedAtAnyByte() throws IOException {
        List<byte[]> small = List.of(TestDocuments.bytes(new BsonDocument("_id", new BsonInt32(1))),
                TestDocuments.bytes(new BsonDocument("_id", new BsonInt32(2))));
        byte[] whole = new HandMadeArchive().header(2, "0.1", "4.4.0", "100.1.0")
                .collection("db", "a", "").collection("db", "b", "").terminator()
                .segment("db", "a", small.subList(0, 1)).segment("db", "b", small).segment("db", "a", small)
                .eof("db", "b").eof("db", "a").bytes();
        for (int length = 0; length < whole.length; length++) {
            Path archive = write("cut.archive", Arrays.copyOf(whole, length));
            int cut = length;
            assertThatThrownBy(() -> ArchiveReader.open(archive).close()).as("cut at %d", cut)
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageMatching(cut < 4 ? ".*not a mongodump archive.*" : ".*truncated.*");
        }
    }

    @Test
    void refusesATruncatedGzippedArchive() throws IOException {
        byte[] gzipped = interleaved().gzipped();
        Path archive = write("cut.archive.gz", Arrays.copyOf(gzipped, gzipped.length - 30));
        assertThatThrownBy(() -> ArchiveReader.open(archive, folder, event -> { },
                CancellationToken.none()))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("cut.archive.gz");
        assertThat(files(folder)).containsExactly(archive);
    }

    @Test
    void refusesAWrongMagicNumber() throws IOException {
        byte[] bytes = interleaved().bytes();
        bytes[0] = 0x6e;
        Path archive = write("wrong.archive", bytes);
        assertThatThrownBy(() -> ArchiveReader.open(archive))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("wrong.archive is not a mongodump archive")
                .hasMessageContaining("6e e2 99 81");
    }

    @Test
    void refusesAnImpossibleDocumentLengthInsideANamespace() throws IOException {
        byte[] bytes = new HandMadeArchive().header(1, "0.1", "4.4.0", "100.1.0")
                .collection("shop", "users", "").terminator()
                .namespaceHeader("shop", "users", false, 0).rawBytes(users.get(0)).raw(3, 0, 0, 0).bytes();
        Path archive = write("malformed.archive", bytes);
        assertThatThrownBy(() -> ArchiveReader.open(archive))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("a document of namespace shop.users")
                .hasMessageContaining("is neither a BSON document length nor the terminator");
    }

    @Test
    void refusesDataForANamespaceThePreludeDoesNotList() throws IOException {
        byte[] bytes = new HandMadeArchive().header(1, "0.1", "4.4.0", "100.1.0")
                .collection("shop", "users", "").terminator()
                .segment("shop", "intruders", users.subList(0, 1)).bytes();
        Path archive = write("extra.archive", bytes);
        assertThatThrownBy(() -> ArchiveReader.open(archive))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("namespace shop.intruders, which its prelude does not list");
    }

    @Test
    void refusesABlockAfterTheNamespacesEof() throws IOException {
        byte[] bytes = new HandMadeArchive().header(1, "0.1", "4.4.0", "100.1.0")
                .collection("shop", "users", "").terminator()
                .segment("shop", "users", users.subList(0, 1)).eof("shop", "users")
                .segment("shop", "users", users.subList(1, 2)).bytes();
        Path archive = write("late.archive", bytes);
        assertThatThrownBy(() -> ArchiveReader.open(archive))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("namespace shop.users has another block after its EOF block");
    }

    @Test
    void refusesAnArchiveMissingACollectionOfItsPrelude() throws IOException {
        byte[] bytes = new HandMadeArchive().header(1, "0.1", "4.4.0", "100.1.0")
                .collection("shop", "users", "").collection("shop", "orders", "").terminator()
                .segment("shop", "users", users).eof("shop", "users").bytes();
        Path archive = write("short.archive", bytes);
        assertThatThrownBy(() -> ArchiveReader.open(archive))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("before namespace shop.orders");
    }

    @Test
    void refusesTwoTerminatorsInARow() throws IOException {
        byte[] bytes = new HandMadeArchive().header(1, "0.1", "4.4.0", "100.1.0")
                .collection("shop", "users", "").terminator().terminator().bytes();
        Path archive = write("double.archive", bytes);
        assertThatThrownBy(() -> ArchiveReader.open(archive))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("two terminators in a row");
    }

    @Test
    void noticesWhenTheArchiveChangesAfterItWasChecked() throws IOException {
        byte[] bytes = interleaved().bytes();
        Path file = write("changing.archive", bytes);
        try (DumpArchive archive = ArchiveReader.open(file)) {
            bytes[indexOf(bytes, orders.get(3)) + 20] ^= 0x01;
            Files.write(file, bytes);
            InputStream documents = source(archive, "orders").openDocuments();
            assertThatThrownBy(() -> TestDocuments.readAll(documents))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("namespace shop.orders")
                    .hasMessageContaining("changed after it was checked");
        }
    }

    @Test
    void leavesOutAnOplogAndSaysSo() throws IOException {
        byte[] bytes = new HandMadeArchive().header(1, "0.1", "4.4.0", "100.1.0")
                .collection("shop", "users", "").collection("", "oplog", "").terminator()
                .segment("shop", "users", users).eof("shop", "users")
                .segment("", "oplog", orders.subList(0, 2)).eof("", "oplog").bytes();
        try (DumpArchive archive = ArchiveReader.open(write("oplog.archive", bytes))) {
            assertThat(archive.collections()).extracting(CollectionSource::namespace).containsExactly("shop.users");
            assertThat(archive.notes()).anySatisfy(note -> assertThat(note).contains("oplog"));
        }
    }

    @Test
    void summarisesDatabasesCollectionsCountsIndexesAndVersions() throws IOException {
        try (DumpArchive archive = ArchiveReader.open(write("shop.archive", interleaved().gzipped()))) {
            DumpSummary summary = archive.summary();
            assertThat(summary.format()).isEqualTo(DumpFormat.GZIP_ARCHIVE);
            assertThat(summary.toolVersionIfKnown()).contains("100.1.0");
            assertThat(summary.serverVersionIfKnown()).contains("4.4.0");
            assertThat(summary.documents()).isEqualTo(19);
            DatabaseSummary shop = summary.database("shop").orElseThrow();
            assertThat(shop.collections()).extracting(CollectionSummary::name, CollectionSummary::documents,
                            CollectionSummary::indexes)
                    .containsExactly(
                            tuple("bigOrders", 0L, 0),
                            tuple("empty", 0L, 0),
                            tuple("orders", 12L, 1),
                            tuple("users", 7L, 2));
            assertThat(shop.collections().get(0).type()).isEqualTo("view");
        }
    }

    static CollectionSource source(DumpContents contents, String collection) {
        return contents.collections().stream().filter(source -> source.collection().equals(collection))
                .findFirst().orElseThrow();
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).toList();
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
        throw new AssertionError("not found");
    }
}
