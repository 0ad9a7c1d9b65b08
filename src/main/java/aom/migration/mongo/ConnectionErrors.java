package aom.migration.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import java.util.Locale;

/**
 * Turns what the driver throws when a connection fails into one sentence a support engineer can act on:
 * which host, what went wrong, and what to check.
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /** A readable description of {@code failure} when connecting with {@code settings}; never contains a password. */
    public static String describe(Throwable failure, ConnectionSettings settings) {
        String where = settings.hostsOnly();
        String text = allMessages(failure);
        String lower = text.toLowerCase(Locale.ROOT);
        String message;
        if (failure instanceof MongoSecurityException && lower.contains("no such command: 'saslstart'")) {
            // A server without authentication (the embedded demo server) does not know the command at all: the
            // password is not wrong, there is nothing to log in to.
            message = where + " does not support authentication (it does not know saslStart): connect without a"
                    + " user name and password";
        } else if (failure instanceof MongoSecurityException || lower.contains("authentication failed")
                || lower.contains("auth failed")) {
            message = "Authentication failed for user '" + settings.username() + "' on database '"
                    + settings.effectiveAuthDatabase() + "' at " + where + ": check the user name, password and"
                    + " authentication database";
        } else if (lower.contains("unknownhostexception") || lower.contains("unknown host")
                || lower.contains("name or service not known") || lower.contains("nodename nor servname")) {
            message = "Unknown host " + where + ": the name does not resolve; check the spelling and the network";
        } else if (lower.contains("connection refused")) {
            message = "Connection refused by " + where + ": nothing listens on that port; is MongoDB running?";
        } else if (lower.contains("sslhandshake") || lower.contains("ssl") && lower.contains("handshake")
                || lower.contains("unrecognized ssl message") || lower.contains("pkix")
                || lower.contains("certificate")) {
            message = "TLS handshake with " + where + " failed: " + tlsHint(lower);
        } else if (failure instanceof MongoTimeoutException || lower.contains("timed out")) {
            message = "No answer from " + where + " within " + settings.serverSelectionTimeout().toSeconds()
                    + " s: check the host, the port and firewalls"
                    + (settings.tls() ? " (and whether the server really speaks TLS)" : "");
        } else if (failure instanceof MongoCommandException command && command.getErrorCode() == 13) {
            message = (settings.username() == null ? "Without a user name, " + where + " does not allow this"
                    : "User '" + settings.username() + "' is not allowed to do this on " + where) + ": "
                    + command.getErrorMessage();
        } else if (failure instanceof MongoSocketException) {
            message = "The connection to " + where + " broke: " + failure.getMessage();
        } else {
            message = "Cannot use " + where + ": " + firstLine(failure.getMessage());
        }
        return UriRedaction.redact(message);
    }

    /** Wraps {@code failure} into a {@link ConnectionFailedException} with {@link #describe}'s message. */
    public static ConnectionFailedException wrap(Throwable failure, ConnectionSettings settings) {
        if (failure instanceof ConnectionFailedException already) {
            return already;
        }
        return new ConnectionFailedException(describe(failure, settings), failure);
    }

    private static String tlsHint(String lower) {
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")
                || lower.contains("remote host terminated")) {
            return "the server does not seem to speak TLS; switch TLS off";
        }
        if (lower.contains("pkix") || lower.contains("certificate")) {
            return "the server's certificate is not trusted; choose the CA file that signed it";
        }
        return "check the TLS settings";
    }

    private static String allMessages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
