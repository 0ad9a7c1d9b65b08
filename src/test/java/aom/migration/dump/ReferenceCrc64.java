package aom.migration.dump;

/**
 * A bit-at-a-time CRC-64 straight from the definition Go's {@code hash/crc64} uses with the ECMA table (reflected
 * polynomial 0xC96C5795D7870F42, register preset to all ones, inverted at the end), so tests check the fast
 * {@link Crc64} and the archives against something that shares no code with them.
 */
final class ReferenceCrc64 {

    private ReferenceCrc64() {
    }

    static long of(byte[]... parts) {
        long register = ~0L;
        for (byte[] part : parts) {
            for (byte b : part) {
                register ^= b & 0xff;
                for (int bit = 0; bit < 8; bit++) {
                    register = (register & 1) != 0 ? (register >>> 1) ^ 0xC96C5795D7870F42L : register >>> 1;
                }
            }
        }
        return ~register;
    }
}
