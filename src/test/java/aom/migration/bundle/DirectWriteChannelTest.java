package aom.migration.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectWriteChannelTest {

    @TempDir
    Path folder;

    /**
     * Appends of every size (across the 1 MiB chunks), patches behind the chunks on disk, across the boundary and
     * inside the buffered chunk (as a zip writer patches its headers), and reads back: the file ends byte for byte
     * as an in-memory copy written the same way.
     */
    @Test
    void writesTheSameBytesAsTheOrdinaryWayWhateverTheWritesAndPatches() throws IOException {
        Path file = folder.resolve("bundle.part");
        try (SeekableByteChannel channel = DirectWriteChannel.create(file)) {
            // The build's temporary folders are on file systems with direct I/O (ext4 here); say so if not.
            assertThat(DirectWriteChannel.isDirect(channel))
                    .as("direct I/O on the file system of " + folder).isTrue();
            byte[] expected = exercise(channel, new Random(42));
            channel.close();
            assertThat(Files.readAllBytes(file)).isEqualTo(expected);
        }
    }

    @Test
    void aDirectWriteThatFailsSwitchesToThePageCacheAndLosesNothing() throws IOException {
        Path file = folder.resolve("bundle.part");
        FileChannel plain = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        // A direct channel that refuses every write, as a file system might only at the first write.
        FileChannel refusing = FileChannel.open(folder.resolve("other"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        refusing.close();
        DirectWriteChannel channel = new DirectWriteChannel(file, plain, refusing, 4096);
        assertThat(DirectWriteChannel.isDirect(channel)).isTrue();
        byte[] expected = exercise(channel, new Random(7));
        assertThat(DirectWriteChannel.isDirect(channel)).isFalse();
        channel.close();
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }

    @Test
    void refusesToWritePastTheEndOrToCutTheFile() throws IOException {
        Path file = folder.resolve("bundle.part");
        try (SeekableByteChannel channel = DirectWriteChannel.create(file)) {
            channel.write(ByteBuffer.wrap(new byte[100]));
            channel.position(200);
            assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(new byte[1])))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Cannot write at 200 past the end of").hasMessageEndingWith("(100)");
            assertThatThrownBy(() -> channel.truncate(50))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("A bundle file is written front to back; it cannot be cut");
        }
        assertThat(Files.size(file)).isEqualTo(100);
    }

    @Test
    void anExistingFileIsNotOverwritten() throws IOException {
        Path file = folder.resolve("bundle.part");
        Files.writeString(file, "keep");
        assertThatThrownBy(() -> DirectWriteChannel.create(file))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("keep");
    }

    /** Random appends, patches and read-backs on {@code channel}, mirrored in memory; returns the expected bytes. */
    private static byte[] exercise(SeekableByteChannel channel, Random random) throws IOException {
        byte[] model = new byte[0];
        for (int step = 0; step < 160; step++) {
            int action = random.nextInt(10);
            long end = channel.size();
            assertThat(end).isEqualTo(model.length);
            if (action < 7 || end == 0) {
                byte[] data = randomBytes(random, 1 + random.nextInt(random.nextBoolean() ? 300_000 : 2_000));
                channel.position(end);
                ByteBuffer source = ByteBuffer.wrap(data);
                assertThat(channel.write(source)).isEqualTo(data.length);
                assertThat(source.hasRemaining()).isFalse();
                model = Arrays.copyOf(model, model.length + data.length);
                System.arraycopy(data, 0, model, model.length - data.length, data.length);
            } else if (action < 9) {
                // A patch anywhere before the end, at most up to it (a header being rewritten).
                int at = random.nextInt(model.length);
                int length = 1 + random.nextInt(Math.min(70_000, model.length - at));
                byte[] patch = randomBytes(random, length);
                channel.position(at);
                channel.write(ByteBuffer.wrap(patch));
                assertThat(channel.position()).isEqualTo(at + length);
                System.arraycopy(patch, 0, model, at, length);
            } else {
                int at = random.nextInt(model.length);
                int length = 1 + random.nextInt(Math.min(1_500_000, model.length - at));
                ByteBuffer read = ByteBuffer.allocate(length);
                channel.position(at);
                while (read.hasRemaining()) {
                    assertThat(channel.read(read)).isPositive();
                }
                assertThat(read.array()).isEqualTo(Arrays.copyOfRange(model, at, at + length));
                assertThat(channel.read(ByteBuffer.allocate(1)) == -1).isEqualTo(at + length == model.length);
            }
        }
        assertThat(model.length).isGreaterThan(3 * DirectWriteChannel.CHUNK);
        return model;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
