package aom.migration.dump;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The CRC-64 that mongodump writes into each namespace's EOF block: Go's {@code crc64.New(crc64.MakeTable(
 * crc64.ECMA))}, i.e. the ECMA-182 polynomial in reflected form ({@code 0xC96C5795D7870F42}), register preset to
 * all ones and inverted at the end (the parameter set also known as CRC-64/XZ; check value of "123456789" is
 * {@code 0x995DC9BBDF1939FA}). The archive stores the value as a BSON int64, i.e. the same 64 bits read as signed.
 *
 * <p>Not thread-safe: one instance per namespace being checked.
 */
public final class Crc64 {

    private static final long REFLECTED_POLYNOMIAL = 0xC96C5795D7870F42L;
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** TABLES[k][b]: the register change of byte b followed by k zero bytes (for eight bytes per step). */
    private static final long[][] TABLES = buildTables();

    private long register = ~0L;

    /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
    public void update(byte[] bytes, int offset, int length) {
        long crc = register;
        int position = offset;
        int end = offset + length;
        long[] t0 = TABLES[0];
        while (end - position >= 8) {
            crc ^= (long) LITTLE_ENDIAN_LONG.get(bytes, position);
            crc = TABLES[7][(int) (crc & 0xff)]
                    ^ TABLES[6][(int) ((crc >>> 8) & 0xff)]
                    ^ TABLES[5][(int) ((crc >>> 16) & 0xff)]
                    ^ TABLES[4][(int) ((crc >>> 24) & 0xff)]
                    ^ TABLES[3][(int) ((crc >>> 32) & 0xff)]
                    ^ TABLES[2][(int) ((crc >>> 40) & 0xff)]
                    ^ TABLES[1][(int) ((crc >>> 48) & 0xff)]
                    ^ t0[(int) (crc >>> 56)];
            position += 8;
        }
        while (position < end) {
            crc = t0[(int) ((crc ^ bytes[position++]) & 0xff)] ^ (crc >>> 8);
        }
        register = crc;
    }

    /** Adds all of {@code bytes}. */
    public void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    /** The checksum of everything added so far (0 when nothing was added), as mongodump's int64 holds it. */
    public long value() {
        return ~register;
    }

    /** The checksum of {@code bytes}. */
    public static long of(byte[] bytes) {
        Crc64 crc = new Crc64();
        crc.update(bytes);
        return crc.value();
    }

    /** Hex form used in messages, as the unsigned 64-bit number. */
    public static String hex(long crc) {
        return String.format("%016x", crc);
    }

    private static long[][] buildTables() {
        long[][] tables = new long[8][256];
        for (int b = 0; b < 256; b++) {
            long crc = b;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLYNOMIAL : crc >>> 1;
            }
            tables[0][b] = crc;
        }
        for (int b = 0; b < 256; b++) {
            long crc = tables[0][b];
            for (int k = 1; k < 8; k++) {
                crc = tables[0][(int) (crc & 0xff)] ^ (crc >>> 8);
                tables[k][b] = crc;
            }
        }
        return tables;
    }
}
