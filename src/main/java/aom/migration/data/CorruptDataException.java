package aom.migration.data;

import aom.migration.model.MigrationException;

/**
 * Input that is not what it claims to be: a damaged or foreign bundle, a broken dump, a BSON document with a
 * wrong length. The message names the file or entry and the problem; nothing has been written when it is thrown.
 */
public class CorruptDataException extends MigrationException {

    public CorruptDataException(String message) {
        super(Category.BAD_INPUT, message);
    }

    public CorruptDataException(String message, Throwable cause) {
        super(Category.BAD_INPUT, message, cause);
    }
}
