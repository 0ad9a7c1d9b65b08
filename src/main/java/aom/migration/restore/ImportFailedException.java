package aom.migration.restore;

import aom.migration.model.MigrationException;

/**
 * An import that stopped. The message says what went wrong in a support engineer's words and in what state the
 * target is (restored as it was, or - when even that failed - what the next run will do).
 */
public class ImportFailedException extends MigrationException {

    public ImportFailedException(String message) {
        super(Category.FAILED, message);
    }

    /** An import that stopped for a reason of another {@code category} (refused, bad input). */
    protected ImportFailedException(Category category, String message) {
        super(category, message);
    }

    public ImportFailedException(String message, Throwable cause) {
        super(Category.FAILED, message, cause);
    }
}
