package aom.migration.mongo;

/**
 * A connection that was attempted and failed: unreachable host, refused port, wrong credentials, TLS problems.
 * The message is written for a support engineer and never contains a password.
 */
public class ConnectionFailedException extends RuntimeException {

    public ConnectionFailedException(String message, Throwable cause) {
        super(UriRedaction.redact(message), cause);
    }
}
