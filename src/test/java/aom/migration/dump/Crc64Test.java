package aom.migration.dump;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Crc64Test {

    @Test
    void givesTheCheckValueOfGosEcmaTable() {
        assertThat(Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @Test
    void ofNothingIsZeroAsInAnEmptyNamespacesEofBlock() {
        assertThat(new Crc64().value()).isZero();
    }

    @Test
    void matchesTheBitwiseDefinitionForEveryLengthAndSplit() {
        Random random = new Random(42);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            Crc64 split = new Crc64();
            int cut = length == 0 ? 0 : random.nextInt(length);
            split.update(data, 0, cut);
            split.update(data, cut, length - cut);
            assertThat(split.value()).as("length %d", length).isEqualTo(ReferenceCrc64.of(data));
        }
    }

    @Test
    void hexShowsTheUnsignedValue() {
        assertThat(Crc64.hex(-1L)).isEqualTo("ffffffffffffffff");
        assertThat(Crc64.hex(0x2a)).isEqualTo("000000000000002a");
    }
}
