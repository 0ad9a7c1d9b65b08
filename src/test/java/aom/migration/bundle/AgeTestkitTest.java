package aom.migration.bundle;

import aom.migration.data.CorruptDataException;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The age format as this tool reads it, held to the specification's own test vectors (C2SP CCTV, age/testdata; see
 * {@code age-testkit/SOURCE.txt}): every vector that should decrypt decrypts to its payload's SHA-256, every other
 * one is refused. Passphrase vectors go through the passphrase; the others through the file key they name (this
 * tool has no X25519 recipients), which still tests the header's syntax and MAC and every STREAM edge case.
 */
class AgeTestkitTest {

    @TempDir
    Path dir;

    /** One vector: its name, its key-value header and the age file. */
    record Vector(String name, Map<String, String> header, byte[] file) {
        @Override
        public String toString() {
            return name + " (" + header.get("expect") + ")";
        }
    }

    static Stream<Vector> vectors() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(AgeTestkitTest.class.getResource("age-testkit")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".txt")).sorted()
                    .map(AgeTestkitTest::read).toList().stream();
        }
    }

    private static Vector read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Map<String, String> header = new LinkedHashMap<>();
            int at = 0;
            while (true) {
                int end = indexOf(bytes, (byte) '\n', at);
                String line = new String(bytes, at, end - at, StandardCharsets.UTF_8);
                at = end + 1;
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(": ");
                header.put(line.substring(0, colon), line.substring(colon + 2));
            }
            byte[] age = Arrays.copyOfRange(bytes, at, bytes.length);
            if ("zlib".equals(header.get("compressed"))) {
                try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(age))) {
                    age = in.readAllBytes();
                }
            }
            return new Vector(file.getFileName().toString(), header, age);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decryptsWhatTheSpecificationDecryptsAndRefusesTheRest(Vector vector) throws Exception {
        Path file = Files.write(dir.resolve(vector.name()), vector.file());
        if (vector.header().get("expect").equals("success")) {
            assertThat(HexFormat.of().formatHex(sha256(decrypt(vector, file)))).isEqualTo(vector.header()
                    .get("payload"));
        } else {
            assertThatThrownBy(() -> decrypt(vector, file)).isInstanceOf(CorruptDataException.class);
        }
    }

    private static byte[] decrypt(Vector vector, Path file) throws IOException {
        String passphrase = vector.header().get("passphrase");
        try (AgeReader reader = passphrase != null ? AgeReader.open(file, Passphrase.of(passphrase))
                : AgeReader.open(file, HexFormat.of().parseHex(vector.header().get("file key")))) {
            ByteBuffer plain = ByteBuffer.allocate((int) reader.size());
            while (plain.hasRemaining() && reader.read(plain) > 0) {
                // read on
            }
            reader.authenticateAll();
            return plain.array();
        }
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("no end of line");
    }

}
