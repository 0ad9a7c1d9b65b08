package aom.migration.model;

import java.util.Locale;

/** The three systems of an ApiOmat application, each with its own instance-data database. */
public enum SystemKind {
    LIVE, STAGING, TEST;

    /**
     * Parses a system name as a user types it ({@code live}, {@code STAGING}, ...).
     *
     * @throws IllegalArgumentException with a message listing the valid names
     */
    public static SystemKind parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (SystemKind kind : values()) {
            if (kind.name().equals(wanted)) {
                return kind;
            }
        }
        throw new BadInputException("Unknown system '" + text + "': use LIVE, STAGING or TEST");
    }
}
