package aom.migration.mongo;

import com.mongodb.ConnectionString;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where and how to connect to one installation, from a URI or from fields (the wizard offers both and converts
 * between them). Immutable. {@link #toString()} and {@link #redactedUri()} never show the password.
 *
 * @param hosts                    one or more servers; with {@code srv}, exactly one DNS name without port
 * @param srv                      whether this is a {@code mongodb+srv://} seed-list connection
 * @param username                 user name, or {@code null} for no authentication
 * @param password                 password, or {@code null}
 * @param authDatabase             the database the user is defined in; {@code null} means {@code admin}
 * @param tls                      whether to use TLS
 * @param tlsCaFile                PEM file with the CA certificates to trust, or {@code null} for the JDK's
 * @param tlsClientCertificate     PKCS#12 file with a client certificate and key, or {@code null}
 * @param tlsClientCertificatePassword password of that file, or {@code null}
 * @param tlsAllowInvalidHostnames whether to skip host-name verification
 * @param replicaSet               replica set name, or {@code null}
 * @param serverSelectionTimeout   how long to wait for a reachable server before giving up
 * @param extraOptions             other URI options passed through unchanged, e.g. {@code readPreference}
 */
public record ConnectionSettings(
        List<HostPort> hosts,
        boolean srv,
        String username,
        String password,
        String authDatabase,
        boolean tls,
        Path tlsCaFile,
        Path tlsClientCertificate,
        String tlsClientCertificatePassword,
        boolean tlsAllowInvalidHostnames,
        String replicaSet,
        Duration serverSelectionTimeout,
        Map<String, String> extraOptions) {

    public static final Duration DEFAULT_SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);

    /** Why a string whose credentials cannot be told from the rest is refused; it never quotes the string. */
    static final String UNENCODED_CREDENTIALS = "The connection string has an '@' after a '/' or '?', so its user"
            + " name and password cannot be told apart from the rest (the string is not shown, as it may hold a"
            + " password). Percent-encode reserved characters in the user name and password: ':' as %3A, '/' as %2F,"
            + " '?' as %3F, '#' as %23, '@' as %40 and '%' as %25.";

    /** Options that have their own field; everything else goes to {@code extraOptions}. */
    private static final Set<String> MODELLED_OPTIONS = Set.of("authsource", "tls", "ssl", "replicaset",
            "serverselectiontimeoutms", "tlscafile", "tlscertificatekeyfile", "tlscertificatekeyfilepassword",
            "tlsallowinvalidhostnames");

    public ConnectionSettings {
        hosts = List.copyOf(hosts);
        extraOptions = extraOptions == null ? Map.of() : Map.copyOf(extraOptions);
        serverSelectionTimeout = serverSelectionTimeout == null
                ? DEFAULT_SERVER_SELECTION_TIMEOUT : serverSelectionTimeout;
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
        authDatabase = blankToNull(authDatabase);
        replicaSet = blankToNull(replicaSet);
    }

    /** A plain connection to one server without authentication. */
    public static ConnectionSettings of(String host, int port) {
        return new ConnectionSettings(List.of(new HostPort(host, port)), false, null, null, null, false,
                null, null, null, false, null, null, Map.of());
    }

    /**
     * Parses a MongoDB connection string.
     *
     * @throws InvalidConnectionException with a message that says what is wrong, never containing the password
     */
    public static ConnectionSettings fromUri(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidConnectionException("The connection string is empty");
        }
        String text = uri.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean srv = lower.startsWith("mongodb+srv://");
        if (!srv && !lower.startsWith("mongodb://")) {
            throw new InvalidConnectionException(
                    "The connection string must start with mongodb:// or mongodb+srv:// (got '" + shown(text) + "')");
        }
        String rest = text.substring(srv ? 14 : 10);
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        // The authority (user info and hosts) ends at the first '/' or '?', as in every URI.
        int authorityEnd = Math.min(slash >= 0 ? slash : rest.length(), question >= 0 ? question : rest.length());
        if (rest.indexOf('@', authorityEnd) >= 0) {
            // An '@' past the hosts: a password with an unencoded '/' or '?'. Any piece of the string could be part
            // of the password, so none is shown.
            throw new InvalidConnectionException(UNENCODED_CREDENTIALS);
        }
        String authority = rest.substring(0, authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at) : null;
        String hostList = at >= 0 ? authority.substring(at + 1) : authority;
        if (hostList.isEmpty()) {
            throw new InvalidConnectionException("The connection string names no host");
        }
        List<HostPort> hosts = new ArrayList<>();
        for (String host : hostList.split(",")) {
            if (srv && host.contains(":")) {
                throw new InvalidConnectionException("A mongodb+srv:// connection string takes a host name without"
                        + " a port");
            }
            hosts.add(HostPort.parse(decode(host)));
        }
        Map<String, String> options = queryOptions(question >= 0 ? rest.substring(question + 1) : "");
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        // The driver checks the remaining syntax and options; credentials are ours to check, with our own words, so
        // it sees a harmless stand-in (options such as authMechanism=SCRAM-SHA-256 require a user name).
        String standIn = userInfo == null ? "" : passwordless(option(options, "authMechanism").orElse(""))
                ? "user@" : "user:password@";
        IgnoredUriOptions.Parsed checked;
        try {
            checked = IgnoredUriOptions.parse((srv ? "mongodb+srv://" : "mongodb://") + standIn
                    + rest.substring(at + 1), MODELLED_OPTIONS);
        } catch (IllegalArgumentException e) {
            throw new InvalidConnectionException("The connection string is invalid: "
                    + UriRedaction.redact(e.getMessage()));
        }
        if (!checked.ignored().isEmpty()) {
            // The driver would connect without them (without TLS for ?tls=maybe): refused like any malformed string.
            throw new InvalidConnectionException("The connection string has an option the driver would ignore: "
                    + UriRedaction.redact(String.join(" ", checked.ignored())));
        }
        ConnectionString parsed = checked.connectionString();
        String authDatabase = option(options, "authSource").orElse(null);
        Map<String, String> extra = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (!MODELLED_OPTIONS.contains(key.toLowerCase(Locale.ROOT))) {
                extra.put(key, value);
            }
        });
        Duration timeout = parsed.getServerSelectionTimeout() == null
                ? null : Duration.ofMillis(parsed.getServerSelectionTimeout());
        boolean tls = Boolean.TRUE.equals(parsed.getSslEnabled()) || srv && parsed.getSslEnabled() == null;
        return new ConnectionSettings(hosts, srv, user, password, authDatabase, tls,
                option(options, "tlsCAFile").map(Path::of).orElse(null),
                option(options, "tlsCertificateKeyFile").map(Path::of).orElse(null),
                option(options, "tlsCertificateKeyFilePassword").orElse(null),
                Boolean.TRUE.equals(parsed.getSslInvalidHostnameAllowed()),
                parsed.getRequiredReplicaSetName(), timeout, extra);
    }

    /** Problems a support engineer has to fix before a connection can be attempted; empty when fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (hosts.isEmpty()) {
            problems.add("Enter a host");
        }
        for (HostPort host : hosts) {
            host.problem().ifPresent(problems::add);
        }
        if (srv && hosts.size() != 1) {
            problems.add("A mongodb+srv:// connection takes exactly one host name");
        }
        if (username == null && password != null) {
            problems.add("A password is set but no user name");
        }
        if (username != null && password == null && !isPasswordless()) {
            problems.add("User '" + username + "' has no password");
        }
        requireReadable(tlsCaFile, "CA file", problems);
        requireReadable(tlsClientCertificate, "Client certificate", problems);
        if ((tlsCaFile != null || tlsClientCertificate != null) && !tls) {
            problems.add("A CA file or client certificate is set, but TLS is off");
        }
        if (serverSelectionTimeout.isNegative() || serverSelectionTimeout.isZero()) {
            problems.add("The connection timeout must be positive");
        }
        return problems;
    }

    /** @throws InvalidConnectionException with every problem when {@link #problems()} is not empty */
    public ConnectionSettings validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidConnectionException(String.join("; ", problems));
        }
        return this;
    }

    /** The connection string these settings describe, password included: hand it to the driver only. */
    public String toUri() {
        return buildUri(password == null ? null : encode(password));
    }

    /** The connection string with the password masked: for display and logs. */
    public String redactedUri() {
        return buildUri(password == null ? null : UriRedaction.MASK);
    }

    /** The hosts only, for manifests and reports: {@code db1:27017,db2:27017}. */
    public String hostsOnly() {
        return hosts.stream().map(HostPort::toString).collect(Collectors.joining(","));
    }

    public String effectiveAuthDatabase() {
        return authDatabase == null ? "admin" : authDatabase;
    }

    public ConnectionSettings withPassword(String newPassword) {
        return new ConnectionSettings(hosts, srv, username, newPassword, authDatabase, tls, tlsCaFile,
                tlsClientCertificate, tlsClientCertificatePassword, tlsAllowInvalidHostnames, replicaSet,
                serverSelectionTimeout, extraOptions);
    }

    public ConnectionSettings withServerSelectionTimeout(Duration timeout) {
        return new ConnectionSettings(hosts, srv, username, password, authDatabase, tls, tlsCaFile,
                tlsClientCertificate, tlsClientCertificatePassword, tlsAllowInvalidHostnames, replicaSet, timeout,
                extraOptions);
    }

    @Override
    public String toString() {
        return redactedUri();
    }

    private boolean isPasswordless() {
        return passwordless(option(extraOptions, "authMechanism").orElse(""));
    }

    private static boolean passwordless(String mechanism) {
        return mechanism.equalsIgnoreCase("MONGODB-X509") || mechanism.equalsIgnoreCase("GSSAPI")
                || mechanism.equalsIgnoreCase("MONGODB-AWS") || mechanism.equalsIgnoreCase("MONGODB-OIDC");
    }

    private String buildUri(String shownPassword) {
        StringBuilder uri = new StringBuilder(srv ? "mongodb+srv://" : "mongodb://");
        if (username != null) {
            uri.append(encode(username));
            if (shownPassword != null) {
                uri.append(':').append(shownPassword);
            }
            uri.append('@');
        }
        uri.append(srv ? hosts.get(0).host() : hostsOnly()).append('/');
        List<String> options = new ArrayList<>();
        if (authDatabase != null) {
            options.add("authSource=" + encode(authDatabase));
        }
        if (tls) {
            options.add("tls=true");
        }
        if (tlsAllowInvalidHostnames) {
            options.add("tlsAllowInvalidHostnames=true");
        }
        if (replicaSet != null) {
            options.add("replicaSet=" + encode(replicaSet));
        }
        if (!serverSelectionTimeout.equals(DEFAULT_SERVER_SELECTION_TIMEOUT)) {
            options.add("serverSelectionTimeoutMS=" + serverSelectionTimeout.toMillis());
        }
        extraOptions.forEach((key, value) -> options.add(key + "=" + encode(value)));
        if (!options.isEmpty()) {
            uri.append('?').append(String.join("&", options));
        }
        return uri.toString();
    }

    private static Map<String, String> queryOptions(String query) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidConnectionException("The connection string option '" + pair
                        + "' has no value (expected name=value)");
            }
            options.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return options;
    }

    private static java.util.Optional<String> option(Map<String, String> options, String name) {
        return options.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    private static void requireReadable(Path file, String what, List<String> problems) {
        if (file != null && !Files.isReadable(file)) {
            problems.add(what + " " + file + " does not exist or cannot be read");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidConnectionException("The connection string contains a malformed %-escape");
        }
    }

    /** What of a rejected connection string can be shown: never anything that may hold a password. */
    private static String shown(String text) {
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            return text.substring(0, scheme + 3) + "...";
        }
        if (text.indexOf('@') >= 0 || text.indexOf(':') >= 0 && text.indexOf(':') != text.lastIndexOf(':')) {
            return "...";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
