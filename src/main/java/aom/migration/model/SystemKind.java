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
        throw new BadInputException("Unknown system '" + text + "': use " + names());
    }

    /** The systems' names as a sentence lists them: "LIVE, STAGING or TEST". */
    public static String names() {
        StringBuilder names = new StringBuilder();
        SystemKind[] all = values();
        for (int i = 0; i < all.length; i++) {
            names.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].name());
        }
        return names.toString();
    }
}
