package aom.migration.mongo;

import java.util.Optional;

/** One server address of a connection. */
public record HostPort(String host, int port) {

    public static final int DEFAULT_PORT = 27017;

    /** Returns a readable problem with this address, or empty if it is fine. */
    public Optional<String> problem() {
        if (host == null || host.isBlank()) {
            return Optional.of("Host is empty");
        }
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@' || c == '?')) {
            return Optional.of("Host '" + host + "' contains a character that is not allowed in a host name");
        }
        if (port < 1 || port > 65535) {
            return Optional.of("Port must be 1-65535 (got " + port + ")");
        }
        return Optional.empty();
    }

    /**
     * Parses {@code host}, {@code host:port} or {@code [ipv6]:port}.
     *
     * @throws InvalidConnectionException with a readable message
     */
    public static HostPort parse(String text) {
        String value = text.trim();
        String host = value;
        String port = null;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                throw new InvalidConnectionException("Host '" + value + "' has an opening '[' but no closing ']'");
            }
            host = value.substring(1, end);
            if (end + 1 < value.length()) {
                if (value.charAt(end + 1) != ':') {
                    throw new InvalidConnectionException("Host '" + value + "' is not of the form [address]:port");
                }
                port = value.substring(end + 2);
            }
        } else if (value.indexOf(':') >= 0) {
            int colon = value.lastIndexOf(':');
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        HostPort result = new HostPort(host, port == null ? DEFAULT_PORT : parsePort(port));
        result.problem().ifPresent(message -> {
            throw new InvalidConnectionException(message);
        });
        return result;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConnectionException("Port must be 1-65535 (got '" + text + "')");
        }
    }

    @Override
    public String toString() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return shown + ":" + port;
    }
}
