package aom.migration.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DirectReadStreamTest {

    @TempDir
    Path folder;

    /** Sizes around the 4 KiB blocks and the 1 MiB chunks: the short last read is the end, never lost or doubled. */
    @Test
    void readsEveryByteOfFilesOfAnySizeInOrder() throws IOException {
        Random random = new Random(3);
        int chunk = DirectWriteChannel.CHUNK;
        for (int size : new int[] {0, 1, 4095, 4096, 4097, chunk - 1, chunk, chunk + 17, 3 * chunk + 4096}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = folder.resolve("spool-" + size);
            Files.write(file, content);
            try (InputStream in = DirectReadStream.open(file)) {
                assertThat(in).as("direct I/O on the file system of " + folder).isInstanceOf(DirectReadStream.class);
                assertThat(readInOddPieces(in)).as("file of %d bytes", size).isEqualTo(content);
            }
            try (InputStream in = DirectReadStream.open(file)) {
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                assertThat(in.transferTo(copy)).isEqualTo(size);
                assertThat(copy.toByteArray()).isEqualTo(content);
            }
        }
    }

    @Test
    void readsThroughThePageCacheWhenDirectIoIsTurnedOff() throws IOException {
        byte[] content = new byte[DirectWriteChannel.CHUNK + 5];
        new Random(9).nextBytes(content);
        Path file = folder.resolve("spool");
        Files.write(file, content);
        String before = System.getProperty("aom.directIo");
        System.setProperty("aom.directIo", "false");
        try (InputStream in = DirectReadStream.open(file)) {
            assertThat(in).isNotInstanceOf(DirectReadStream.class);
            assertThat(in.readAllBytes()).isEqualTo(content);
        } finally {
            if (before == null) {
                System.clearProperty("aom.directIo");
            } else {
                System.setProperty("aom.directIo", before);
            }
        }
    }

    @Test
    void aSpoolThatSpillsToDiskGivesBackWhatWasWrittenAndSaysItSpillsCheaply() throws IOException {
        byte[] content = new byte[5 * 1024 * 1024 + 123];
        new Random(11).nextBytes(content);
        try (SpoolStore store = SpoolStore.create(folder, "test", 64 * 1024)) {
            assertThat(store.spillsCheaply()).isTrue();
            SpillBuffer buffer = new SpillBuffer(store);
            for (int offset = 0; offset < content.length; offset += 100_000) {
                buffer.write(content, offset, Math.min(100_000, content.length - offset));
            }
            buffer.finish();
            assertThat(buffer.spilled()).isTrue();
            try (InputStream in = buffer.open()) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            buffer.discard();
        }
        assertThat(Files.list(folder).toList()).isEmpty();
    }

    private static byte[] readInOddPieces(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] piece = new byte[7919];
        int n;
        while ((n = in.read(piece, 0, piece.length)) >= 0) {
            out.write(piece, 0, n);
        }
        int single = in.read();
        assertThat(single).isEqualTo(-1);
        return out.toByteArray();
    }
}
