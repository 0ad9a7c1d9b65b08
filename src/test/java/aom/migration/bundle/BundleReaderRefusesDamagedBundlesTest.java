package aom.migration.bundle;

import aom.migration.data.CorruptDataException;
import aom.migration.model.JsonObject;
import aom.migration.progress.CancellationToken;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleReaderRefusesDamagedBundlesTest {

    private static final String BSON = "dump/App/things.bson";

    @TempDir
    Path dir;
    private Path good;

    @BeforeEach
    void writeGoodBundle() throws IOException {
        good = BundleFixtures.bundle(dir.resolve("good.aombundle"), Compression.NONE, List.of(
                EveryBsonTypeRoundTripTest.everyType(), EveryBsonTypeRoundTripTest.unusualNames()));
    }

    @Test
    void goodBundleOpensAndVerifies() throws IOException {
        try (BundleReader bundle = BundleReader.open(good)) {
            bundle.verifyChecksums(event -> { }, CancellationToken.none());
            assertThat(bundle.manifest().application().name()).isEqualTo("App");
            assertThat(bundle.readme()).contains("mongorestore --drop dump/").contains("never restore metadata/");
        }
    }

    @Test
    void flippedByteInTheDataIsACheckSumMismatchNamingTheEntry() throws IOException {
        long offset;
        try (ZipFile zip = ZipFile.builder().setPath(good).get()) {
            ZipArchiveEntry entry = zip.getEntry(BSON);
            offset = entry.getDataOffset() + entry.getSize() / 2;
        }
        byte[] bytes = Files.readAllBytes(good);
        bytes[(int) offset] ^= 0x01;
        Path flipped = Files.write(dir.resolve("flipped.aombundle"), bytes);
        try (BundleReader bundle = BundleReader.open(flipped)) {
            assertThatThrownBy(() -> bundle.verifyChecksums(event -> { }, CancellationToken.none()))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining(BSON).hasMessageContaining("does not match its SHA-256 checksum");
            assertThatThrownBy(() -> {
                try (InputStream in = bundle.collections().get(0).openDocuments()) {
                    in.readAllBytes();
                }
            }).isInstanceOf(CorruptDataException.class).hasMessageContaining("checksum");
        }
    }

    @Test
    void flippedByteInACompressedBundleIsRefused() throws IOException {
        Path compressed = BundleFixtures.bundle(dir.resolve("c.aombundle"), Compression.FAST,
                List.of(EveryBsonTypeRoundTripTest.everyType(), EveryBsonTypeRoundTripTest.deeplyNested(40)));
        long offset;
        try (ZipFile zip = ZipFile.builder().setPath(compressed).get()) {
            ZipArchiveEntry entry = zip.getEntry(BSON);
            offset = entry.getDataOffset() + entry.getCompressedSize() / 2;
        }
        byte[] bytes = Files.readAllBytes(compressed);
        bytes[(int) offset] ^= 0x10;
        Path flipped = Files.write(dir.resolve("cflipped.aombundle"), bytes);
        try (BundleReader bundle = BundleReader.open(flipped)) {
            assertThatThrownBy(() -> bundle.verifyChecksums(event -> { }, CancellationToken.none()))
                    .isInstanceOf(CorruptDataException.class).hasMessageContaining(BSON);
        }
    }

    @Test
    void truncatedFileIsNotACompleteZip() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.aombundle"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThatThrownBy(() -> BundleReader.open(truncated)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("truncated.aombundle is not a complete zip file")
                .hasMessageContaining("truncated");
    }

    @Test
    void entryWithDotDotIsRefused() throws IOException {
        Path hostile = BundleFixtures.rewrite(good, dir.resolve("dotdot.aombundle"), (name, content) -> content,
                Map.of("../../etc/evil.txt", "x".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> BundleReader.open(hostile)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("'../../etc/evil.txt' contains '..'");
    }

    @Test
    void absolutePathIsRefused() throws IOException {
        Path hostile = BundleFixtures.rewrite(good, dir.resolve("abs.aombundle"), (name, content) -> content,
                Map.of("/tmp/evil.txt", new byte[] {1}));
        assertThatThrownBy(() -> BundleReader.open(hostile)).hasMessageContaining("absolute path");
    }

    @Test
    void unknownAndNewerFormatVersionsAreRefused() throws IOException {
        Path newer = withManifest("newer", json -> json.replace("\"formatVersion\": 1", "\"formatVersion\": 2"));
        assertThatThrownBy(() -> BundleReader.open(newer)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("newer version of the migration tool (bundle format version 2)")
                .hasMessageContaining("reads format version 1");
        Path unknown = withManifest("unknown", json -> json.replace("\"formatVersion\": 1",
                "\"formatVersion\": \"one\""));
        assertThatThrownBy(() -> BundleReader.open(unknown)).hasMessageContaining("unknown bundle format version");
    }

    @Test
    void foreignOrMissingManifestIsRefused() throws IOException {
        Path foreign = withManifest("foreign", json -> json.replace("aom-migration-bundle", "something-else"));
        assertThatThrownBy(() -> BundleReader.open(foreign))
                .hasMessageContaining("is not an ApiOmat migration bundle (its manifest has format 'something-else'");
        Path missing = BundleFixtures.rewrite(good, dir.resolve("missing.aombundle"),
                (name, content) -> name.equals("manifest.json") ? null : content, Map.of());
        assertThatThrownBy(() -> BundleReader.open(missing)).hasMessageContaining("has no manifest.json");
        Path notJson = withManifest("notjson", json -> "{ this is not json");
        assertThatThrownBy(() -> BundleReader.open(notJson)).hasMessageContaining("manifest is not valid JSON");
        Path notZip = Files.writeString(dir.resolve("text.aombundle"), "just text");
        assertThatThrownBy(() -> BundleReader.open(notZip)).hasMessageContaining("is not a complete zip file");
        assertThatThrownBy(() -> BundleReader.open(dir.resolve("nothing.aombundle")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void duplicateAndUnexpectedEntriesAreRefused() throws IOException {
        Path duplicate = BundleFixtures.rewrite(good, dir.resolve("dup.aombundle"), (name, content) -> content,
                Map.of(BSON, new byte[] {5, 0, 0, 0, 0}));
        assertThatThrownBy(() -> BundleReader.open(duplicate)).hasMessageContaining("'" + BSON + "' occurs twice");
        Path unexpected = BundleFixtures.rewrite(good, dir.resolve("extra.aombundle"), (name, content) -> content,
                Map.of("dump/App/injected.bson", new byte[] {5, 0, 0, 0, 0}));
        assertThatThrownBy(() -> BundleReader.open(unexpected))
                .hasMessageContaining("unexpected entry 'dump/App/injected.bson', which the manifest does not list");
        Path lacking = BundleFixtures.rewrite(good, dir.resolve("lacking.aombundle"),
                (name, content) -> name.equals(BSON) ? null : content, Map.of());
        assertThatThrownBy(() -> BundleReader.open(lacking))
                .hasMessageContaining("the manifest lists " + BSON + ", but the bundle does not contain it");
    }

    @Test
    void sizeDifferentFromTheManifestIsRefusedAtOpen() throws IOException {
        Path longer = BundleFixtures.rewrite(good, dir.resolve("longer.aombundle"),
                (name, content) -> name.equals(BSON) ? BundleFixtures.concat(List.of(content, content)) : content,
                Map.of());
        assertThatThrownBy(() -> BundleReader.open(longer)).hasMessageContaining(BSON)
                .hasMessageContaining("according to the zip");
    }

    @Test
    void zipBombStopsAtTheAnnouncedSize() throws IOException {
        byte[] document = {5, 0, 0, 0, 0};
        String sha = sha256(document);
        Path bomb = dir.resolve("bomb.aombundle");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bomb)) {
            Manifest manifest = BundleFixtures.draft(List.of()).withEntries(List.of(
                    new Manifest.Entry(BundlePaths.definition("App", "things"), Manifest.KIND_DEFINITION, "LIVE",
                            "App", "things", 2, 0, sha256("{}".getBytes(StandardCharsets.UTF_8))),
                    new Manifest.Entry(BSON, Manifest.KIND_DOCUMENTS, "LIVE", "App", "things", document.length, 1,
                            sha)));
            add(out, "manifest.json", manifest.toJson());
            add(out, BundlePaths.definition("App", "things"), "{}".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[50 * 1024 * 1024];
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflater = new DeflaterOutputStream(deflated, new Deflater(9, true))) {
                deflater.write(zeros);
            }
            ZipArchiveEntry lying = new ZipArchiveEntry(BSON);
            lying.setMethod(ZipArchiveEntry.DEFLATED);
            lying.setSize(document.length);
            lying.setCompressedSize(deflated.size());
            CRC32 crc = new CRC32();
            crc.update(document);
            lying.setCrc(crc.getValue());
            out.addRawArchiveEntry(lying, new ByteArrayInputStream(deflated.toByteArray()));
        }
        try (BundleReader bundle = BundleReader.open(bomb)) {
            assertThatThrownBy(() -> {
                try (InputStream in = bundle.collections().get(0).openDocuments()) {
                    in.readAllBytes();
                }
            }).isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("holds more than the 5 bytes the manifest announces");
        }
    }

    @Test
    void badBsonLengthIsFoundByVerification() throws IOException {
        byte[] broken = EveryBsonTypeRoundTripTest.everyType().clone();
        broken[0] = (byte) 0xff;
        broken[1] = (byte) 0xff;
        broken[2] = (byte) 0xff;
        broken[3] = (byte) 0x7f;
        Path file = BundleFixtures.bundle(dir.resolve("badlength.aombundle"), Compression.FAST, List.of());
        Path bad = BundleFixtures.rewrite(file, dir.resolve("bad.aombundle"), (name, content) -> name.equals(
                "manifest.json") ? rewriteEntry(content, broken) : name.equals(BSON) ? broken : content, Map.of());
        try (BundleReader bundle = BundleReader.open(bad)) {
            assertThatThrownBy(() -> bundle.verifyChecksums(event -> { }, CancellationToken.none()))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("more than MongoDB's 16 MiB limit");
        }
    }

    private static byte[] rewriteEntry(byte[] manifestJson, byte[] content) {
        Manifest manifest = Manifest.fromJson(JsonObject.parse(manifestJson));
        List<Manifest.Entry> entries = manifest.entries().stream().map(entry -> entry.path().equals(BSON)
                ? new Manifest.Entry(BSON, entry.kind(), entry.system(), entry.database(), entry.collection(),
                content.length, 1, sha256(content)) : entry).toList();
        return manifest.withEntries(entries).toJson();
    }

    private Path withManifest(String name, java.util.function.UnaryOperator<String> change) throws IOException {
        return BundleFixtures.rewrite(good, dir.resolve(name + ".aombundle"), (entry, content) ->
                entry.equals("manifest.json") ? change.apply(new String(content, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8) : content, new LinkedHashMap<>());
    }

    private static void add(ZipArchiveOutputStream out, String name, byte[] content) throws IOException {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.write(content);
        out.closeArchiveEntry();
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
