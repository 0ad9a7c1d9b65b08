package aom.migration.demo;

import org.bson.types.ObjectId;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.Random;

/** Deterministic ids, dates and values: everything random in the demo comes from here. */
final class DemoIds {

    private static final Instant BASE = Instant.parse("2024-03-01T08:00:00Z");
    private static final String WORDS = "alpha beta gamma delta api mobile backend module class attribute "
            + "conference session speaker talk venue room shop order product coupon fleet vehicle trip route "
            + "user role token image badge ticket agent location schedule keynote workshop";
    private static final String[] WORD_LIST = WORDS.split(" ");

    private final Random random;
    private int counter;

    DemoIds(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A fresh ObjectId whose timestamp lies in 2024 and whose other bytes come from the seed. */
    ObjectId next() {
        ByteBuffer bytes = ByteBuffer.allocate(12);
        bytes.putInt((int) BASE.getEpochSecond() + counter++ * 37);
        byte[] rest = new byte[8];
        random.nextBytes(rest);
        bytes.put(rest);
        return new ObjectId(bytes.array());
    }

    /** A date up to {@code days} days after the base date. */
    Date date(int days) {
        return Date.from(BASE.plusSeconds((long) (random.nextDouble() * days * 86_400L)));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    String word() {
        return WORD_LIST[random.nextInt(WORD_LIST.length)];
    }

    /** Readable filler text of about {@code averageBytes} bytes (between half and one and a half times). */
    String text(int averageBytes) {
        if (averageBytes <= 0) {
            return "";
        }
        int target = averageBytes / 2 + random.nextInt(Math.max(1, averageBytes));
        StringBuilder text = new StringBuilder(target + 16);
        while (text.length() < target) {
            text.append(word()).append(' ');
        }
        text.setLength(target);
        return text.toString();
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
