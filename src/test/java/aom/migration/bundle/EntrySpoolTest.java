package aom.migration.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntrySpoolTest {

    @TempDir
    Path dir;

    @Test
    void switchingBetweenStoredAndCompressedBlocksKeepsAValidEntry() throws Exception {
        Path file = dir.resolve("switch.aombundle");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (BundleWriter writer = BundleWriter.create(file, Compression.FAST, 0, false)) {
            EntrySpool spool = writer.newEntry("README-like.txt");
            for (int i = 0; i < 200; i++) {
                spool.preferSpeed(i % 3 == 0);
                byte[] chunk = ("line " + i + " of text that compresses rather well, ").repeat(300)
                        .getBytes(StandardCharsets.UTF_8);
                spool.write(chunk);
                expected.write(chunk);
            }
            SpooledEntry entry = spool.finish();
            assertThat(entry.compressedSize()).isLessThan(entry.size());
            assertThat(entry.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(expected.toByteArray())));
            writer.add(entry, Manifest.KIND_README, null, null, null);
            writer.finish(BundleFixtures.draft(List.of()).withEntries(List.of()));
        }
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(
                zip.getEntry("README-like.txt"))) {
            assertThat(in.readAllBytes()).isEqualTo(expected.toByteArray());
        }
        assertThat(Files.list(dir).toList()).containsExactly(file);
    }

    @Test
    void discardedEntryLeavesNoSpoolFileBehind() throws IOException {
        Path file = dir.resolve("discard.aombundle");
        try (BundleWriter writer = BundleWriter.create(file, Compression.NONE, 0, false)) {
            EntrySpool spool = writer.newEntry("dump/App/big.bson");
            spool.write(new byte[3 * 1024 * 1024]);
            spool.discard();
        }
        assertThat(Files.list(dir).toList()).isEmpty();
    }

    @Test
    void storedEntryThatStreamsIntoTheZipHalfwayIsReadBackByteForByte() throws Exception {
        Path file = dir.resolve("stream.aombundle");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (BundleWriter writer = BundleWriter.create(file, Compression.NONE, 64 * 1024, false)) {
            EntrySpool spool = writer.newEntry("dump/App/big.bson");
            byte[] chunk = new byte[100_000];
            for (int i = 0; i < 30; i++) {
                if (i == 10) {
                    // Past the memory budget: part of this is in a spool file, and goes to the zip first.
                    spool.streamInto(writer.startStoredEntry("dump/App/big.bson"));
                }
                Arrays.fill(chunk, (byte) i);
                spool.write(chunk);
                expected.write(chunk);
            }
            spool.countDocuments(30);
            SpooledEntry entry = spool.finish();
            Manifest.Entry recorded = writer.add(entry, Manifest.KIND_README, null, null, null);
            assertThat(recorded.bytes()).isEqualTo(3_000_000);
            assertThat(recorded.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(expected.toByteArray())));
            writer.add("after.txt", "next".getBytes(StandardCharsets.UTF_8), Manifest.KIND_README, null, null,
                    null, 0);
            writer.finish(BundleFixtures.draft(List.of()).withEntries(List.of()));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("dump/App/big.bson").getMethod()).isEqualTo(ZipEntry.STORED);
            try (InputStream in = zip.getInputStream(zip.getEntry("dump/App/big.bson"))) {
                assertThat(in.readAllBytes()).isEqualTo(expected.toByteArray());
            }
            try (InputStream in = zip.getInputStream(zip.getEntry("after.txt"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("next");
            }
        }
        assertThat(Files.list(dir).toList()).containsExactly(file);
    }

    @Test
    void noOtherEntryCanBeAddedWhileAStoredEntryStreams() throws IOException {
        Path file = dir.resolve("open.aombundle");
        try (BundleWriter writer = BundleWriter.create(file, Compression.NONE, 0, false)) {
            writer.startStoredEntry("dump/App/open.bson");
            assertThatThrownBy(() -> writer.add("other.txt", new byte[1],
                    Manifest.KIND_README, null, null, null, 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dump/App/open.bson");
        }
        assertThat(Files.list(dir).toList()).isEmpty();
    }

    @Test
    void fastCompressionStoresDataThatDoesNotCompressAndStillCompressesTextAfterIt() throws Exception {
        Path file = dir.resolve("mixed.aombundle");
        byte[] noise = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        byte[] text = "a support engineer moves an application between installations; ".repeat(262_144)
                .getBytes(StandardCharsets.UTF_8);
        SpooledEntry entry;
        try (BundleWriter writer = BundleWriter.create(file, Compression.FAST, 1 << 20, false)) {
            EntrySpool spool = writer.newEntry("dump/App/mixed.bson");
            for (int offset = 0; offset < noise.length; offset += 64 * 1024) {
                spool.write(noise, offset, 64 * 1024);
            }
            for (int offset = 0; offset < text.length; offset += 64 * 1024) {
                spool.write(text, offset, Math.min(64 * 1024, text.length - offset));
            }
            entry = spool.finish();
            writer.add(entry, Manifest.KIND_README, null, null, null);
            writer.finish(BundleFixtures.draft(List.of()).withEntries(List.of()));
        }
        // The noise is stored (a little more than its size), most of the text compressed.
        assertThat(entry.compressedSize()).isBetween((long) noise.length, noise.length + text.length / 2L);
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("dump/App/mixed.bson"))) {
            byte[] read = in.readAllBytes();
            assertThat(Arrays.copyOfRange(read, 0, noise.length)).isEqualTo(noise);
            assertThat(Arrays.copyOfRange(read, noise.length, read.length)).isEqualTo(text);
        }
    }
}
