package aom.migration.bundle;

/**
 * Input that is not what it claims to be: a damaged or foreign bundle, a broken dump, a BSON document with a
 * wrong length. The message names the file or entry and the problem; nothing has been written when it is thrown.
 */
public class CorruptDataException extends RuntimeException {

    public CorruptDataException(String message) {
        super(message);
    }

    public CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
