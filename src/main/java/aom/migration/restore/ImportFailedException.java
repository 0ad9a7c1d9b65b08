package aom.migration.restore;

/**
 * An import that stopped. The message says what went wrong in a support engineer's words and in what state the
 * target is (restored as it was, or - when even that failed - what the next run will do).
 */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message) {
        super(message);
    }

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
