package aom.migration.bundle;

import aom.migration.model.BadInputException;

import java.util.Locale;
import java.util.zip.Deflater;

/**
 * How the bundle's entries are compressed. {@code FAST} is the default: BSON compresses well even at the lowest
 * deflate level, and a higher level costs far more time than it saves space. Every choice is plain zip (deflate or
 * stored), readable by any zip tool.
 */
public enum Compression {
    /** Zip STORED: no compression, the fastest to write and read. */
    NONE(-1),
    /**
     * Deflate level 1 with the CPU the machine has to spare: stored deflate blocks for the data that arrives while
     * the compression is behind the server or while every core is busy (the export's {@code CpuHeadroom}; see
     * {@link EntrySpool#preferSpeed}), so compressing never makes an export slower than reading the data, and for
     * data that does not compress (images, jars: each megabyte that shrank by less than a tenth is followed by eight
     * stored ones before compression is tried again). How much a bundle shrinks therefore depends on the machine:
     * about half with a core to spare, little where the server shares the exporting machine's only cores.
     */
    FAST(Deflater.BEST_SPEED),
    /** Deflate level 9. */
    BEST(Deflater.BEST_COMPRESSION);

    private final int level;

    Compression(int level) {
        this.level = level;
    }

    /** The deflate level, or -1 for none. */
    public int level() {
        return level;
    }

    public boolean deflates() {
        return level >= 0;
    }

    /**
     * Parses {@code none}, {@code fast} or {@code best}, case-insensitively.
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static Compression parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Compression compression : values()) {
            if (compression.name().equals(wanted)) {
                return compression;
            }
        }
        throw new BadInputException("Unknown compression '" + text + "': use none, fast or best");
    }
}
