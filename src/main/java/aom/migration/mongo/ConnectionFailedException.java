package aom.migration.mongo;

import aom.migration.model.MigrationException;

/**
 * A connection that was attempted and failed: unreachable host, refused port, wrong credentials, TLS problems.
 * The message is written for a support engineer and never contains a password.
 */
public class ConnectionFailedException extends MigrationException {

    public ConnectionFailedException(String message, Throwable cause) {
        super(Category.FAILED, UriRedaction.redact(message), cause);
    }
}
