package aom.migration.dump;

/**
 * The path given is not something the wizard can import (not a bundle, a mongodump archive or a dump directory).
 * An {@link IllegalArgumentException}, so the command line answers with exit code 2 (bad input) and the message.
 */
public class UnknownFormatException extends IllegalArgumentException {

    public UnknownFormatException(String message) {
        super(message);
    }
}
