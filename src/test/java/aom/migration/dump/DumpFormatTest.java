package aom.migration.dump;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DumpFormatTest {

    @TempDir
    Path folder;

    private byte[] archive() {
        return new HandMadeArchive().header(1, "0.1", "4.4.0", "100.1.0").collection("db", "c", "").terminator()
                .segment("db", "c", TestDocuments.documents("c", 2)).eof("db", "c").bytes();
    }

    private Path file(String name, byte[] content) throws IOException {
        Path path = folder.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.write(path, content);
    }

    @Test
    void detectsABundleByItsZipSignatureWhateverItsName() throws IOException {
        Path bundle = folder.resolve("app.archive");
        try (OutputStream out = Files.newOutputStream(bundle); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(DumpFormat.detect(bundle).format()).isEqualTo(DumpFormat.BUNDLE);
        assertThat(DumpFormat.detect(bundle).isMongodump()).isFalse();
    }

    @Test
    void detectsPlainAndGzippedArchivesByContentNotByName() throws IOException {
        assertThat(DumpFormat.detect(file("dump.gz", archive())).format()).isEqualTo(DumpFormat.ARCHIVE);
        assertThat(DumpFormat.detect(file("dump.archive", HandMadeArchive.gzip(archive()))).format())
                .isEqualTo(DumpFormat.GZIP_ARCHIVE);
    }

    @Test
    void detectsADumpRootAndADatabaseFolder() throws IOException {
        file("dump/shop/users.bson", new byte[0]);
        file("dump/shop/users.metadata.json", "{}".getBytes(StandardCharsets.UTF_8));
        file("dump/crm/leads.metadata.json.gz", HandMadeArchive.gzip("{}".getBytes(StandardCharsets.UTF_8)));
        file("dump/oplog.bson", new byte[0]);
        DetectedFormat root = DumpFormat.detect(folder.resolve("dump"));
        assertThat(root.format()).isEqualTo(DumpFormat.DIRECTORY);
        assertThat(root.description()).isEqualTo("mongodump directory with databases crm, shop");
        DetectedFormat database = DumpFormat.detect(folder.resolve("dump/shop"));
        assertThat(database.format()).isEqualTo(DumpFormat.DIRECTORY);
        assertThat(database.description()).isEqualTo("mongodump folder of database shop");
    }

    @Test
    void explainsWhatIsNotADump() throws IOException {
        Files.createDirectories(folder.resolve("empty"));
        file("project/dump/shop/users.bson", new byte[0]);
        file("unpacked/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        file("unpacked/dump/App/users.bson", new byte[0]);
        file("notes.txt", "Hello, this is not a dump".getBytes(StandardCharsets.UTF_8));
        file("tiny", new byte[] {1, 2});
        file("users.bson", TestDocuments.concat(TestDocuments.documents("u", 2)));
        file("users.bson.gz", HandMadeArchive.gzip(TestDocuments.concat(TestDocuments.documents("u", 2))));
        file("text.gz", HandMadeArchive.gzip("plain words".getBytes(StandardCharsets.UTF_8)));
        file("broken.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});

        assertUnknown("missing", "does not exist");
        assertUnknown("empty", "is a folder without mongodump files");
        assertUnknown("project", "did you mean its folder");
        assertUnknown("unpacked", "looks like an unpacked migration bundle");
        assertUnknown("notes.txt", "is neither a migration bundle, a mongodump archive");
        assertUnknown("tiny", "is too short");
        assertUnknown("users.bson", "looks like a single collection's BSON file");
        assertUnknown("users.bson.gz", "is a gzipped BSON file");
        assertUnknown("text.gz", "is a gzip file, but what it holds is not a mongodump archive");
        assertUnknown("broken.gz", "damaged gzip");
    }

    @Test
    void openingRefusesABundleAndAnUnknownPathAsBadInput() throws IOException {
        Path bundle = file("app.aombundle", new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0});
        assertThatThrownBy(() -> DumpContents.open(bundle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a migration bundle");
        assertThatThrownBy(() -> DumpContents.open(folder.resolve("nothing")))
                .isInstanceOf(UnknownFormatException.class).hasMessageContaining("does not exist");
    }

    @Test
    void opensWhateverTheContentIs() throws IOException {
        try (DumpContents archive = DumpContents.open(file("a.bin", HandMadeArchive.gzip(archive())))) {
            assertThat(archive.format()).isEqualTo(DumpFormat.GZIP_ARCHIVE);
            assertThat(archive.databases()).containsExactly("db");
        }
        file("dump/db/c.bson", TestDocuments.concat(TestDocuments.documents("c", 3)));
        try (DumpContents directory = DumpContents.open(folder.resolve("dump"))) {
            assertThat(directory.format()).isEqualTo(DumpFormat.DIRECTORY);
            assertThat(directory.summary().documents()).isEqualTo(3);
        }
    }

    private void assertUnknown(String name, String why) {
        DetectedFormat detected = DumpFormat.detect(folder.resolve(name));
        assertThat(detected.format()).as(name).isEqualTo(DumpFormat.UNKNOWN);
        assertThat(detected.isKnown()).isFalse();
        assertThat(detected.description()).as(name).contains(why);
    }
}
