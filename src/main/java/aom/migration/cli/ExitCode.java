package aom.migration.cli;

import aom.migration.model.MigrationFailure;

/** The command line's exit codes (DESIGN.md section 7). */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** Failed: a connection, a server or the disk let us down. */
    public static final int FAILED = 1;
    /** Bad input: usage, a bad bundle, an unknown application. */
    public static final int BAD_INPUT = 2;
    /** Refused: e.g. a drop that was not confirmed. */
    public static final int REFUSED = 3;
    /** Cancelled with Ctrl+C (the JVM's exit code for SIGINT); a sentence says what was left. */
    public static final int CANCELLED = 130;

    private ExitCode() {
    }

    /** The exit code of a failure of {@code category}. */
    public static int of(MigrationFailure.Category category) {
        return switch (category) {
            case FAILED -> FAILED;
            case BAD_INPUT -> BAD_INPUT;
            case REFUSED -> REFUSED;
            case CANCELLED -> CANCELLED;
        };
    }

    /** The category of a failure that ends with exit code {@code code} (1, 2, 3 or 130). */
    static MigrationFailure.Category category(int code) {
        for (MigrationFailure.Category category : MigrationFailure.Category.values()) {
            if (of(category) == code) {
                return category;
            }
        }
        throw new IllegalArgumentException("No failure ends with exit code " + code);
    }
}
