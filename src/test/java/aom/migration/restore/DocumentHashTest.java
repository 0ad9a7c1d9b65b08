package aom.migration.restore;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference values are MurmurHash3 x64 128 with seed 0 as Guava 33.7 computes it (its bytes: h1, h2 LE). */
class DocumentHashTest {

    private static String hex(byte[] bytes, int offset, int length) {
        long[] out = new long[2];
        DocumentHash.hash(bytes, offset, length, out);
        ByteBuffer buffer = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(out[0]).putLong(out[1]);
        return HexFormat.of().formatHex(buffer.array());
    }

    private static String hex(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return hex(bytes, 0, bytes.length);
    }

    @Test
    void knownValues() {
        assertThat(hex("")).isEqualTo("00000000000000000000000000000000");
        assertThat(hex("a")).isEqualTo("897859f6655555855a890e51483ab5e6");
        assertThat(hex("hello")).isEqualTo("029bbd41b3a7d8cb191dae486a901e5b");
        assertThat(hex("The quick brown fox jumps over the lazy dog")).isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
    }

    /** Every length from 0 to 256, so every tail (0 to 15 bytes) and block count, against Guava's values. */
    @Test
    void everyPrefixOfASequenceHashesAsTheReference() {
        byte[] sequence = new byte[256 + 5];
        for (int i = 0; i < sequence.length; i++) {
            sequence[i] = (byte) ((i - 5) * 31 + 7);
        }
        long x1 = 0;
        long x2 = 0;
        long[] out = new long[2];
        for (int length = 0; length <= 256; length++) {
            // At an offset, as documents sit in a batch.
            DocumentHash.hash(sequence, 5, length, out);
            x1 = x1 * 31 + out[0];
            x2 = x2 * 31 + out[1];
        }
        assertThat(Long.toHexString(x1)).isEqualTo("7de00ca06c3a4f59");
        assertThat(Long.toHexString(x2)).isEqualTo("188cb1634d82bc7e");
    }
}
