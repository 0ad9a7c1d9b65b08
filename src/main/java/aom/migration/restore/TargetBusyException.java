package aom.migration.restore;

/**
 * Another import of the same application into the same target is running (or may be: its lease has not run out),
 * so this one does not start, and changes nothing. The message says where the other runs and what to do.
 */
public final class TargetBusyException extends ImportFailedException {

    public TargetBusyException(String message) {
        super(Category.REFUSED, message);
    }
}
