package aom.migration.mongo;

/** A connection that cannot even be attempted: a malformed URI or a field that is out of range. */
public class InvalidConnectionException extends IllegalArgumentException {

    public InvalidConnectionException(String message) {
        super(message);
    }
}
