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
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

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
}
