package aom.migration.dump;

import aom.migration.model.BadInputException;

/**
 * The path given is not something the wizard can import (not a bundle, a mongodump archive or a dump directory).
 * A {@link BadInputException}: the command line answers with exit code 2 and the message.
 */
public class UnknownFormatException extends BadInputException {

    public UnknownFormatException(String message) {
        super(message);
    }
}
