package aom.migration.mongo;

import aom.migration.model.BadInputException;

/** A connection that cannot even be attempted: a malformed URI or a field that is out of range. */
public class InvalidConnectionException extends BadInputException {

    public InvalidConnectionException(String message) {
        super(message);
    }
}
