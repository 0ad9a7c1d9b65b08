package aom.migration.ui.pages.connections;

import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.HostPort;
import aom.migration.mongo.InvalidConnectionException;
import aom.migration.ui.Messages;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The connection as the fields mode shows it: text as typed, one value per field. Converts to and from
 * {@link ConnectionSettings}; options the fields do not show (SRV, timeouts, other URI options) are carried over
 * from the settings the fields were filled from.
 *
 * @param hosts   one host, or several separated by commas ({@code db1,db2:27018}); a host without a port gets
 *                {@code port}
 * @param port    the port for hosts without one; blank means 27017
 */
public record ConnectionFields(String hosts, String port, String user, String password, String authDatabase,
                               boolean tls, String caFile, String clientCertificate,
                               String clientCertificatePassword, String replicaSet) {

    /** The fields' settings, or what is wrong with the host, port and file fields. */
    public record Parsed(ConnectionSettings settings, String hostsProblem, String portProblem, String caFileProblem,
                         String clientCertificateProblem) {

        public boolean ok() {
            return settings != null;
        }
    }

    /** The fields showing {@code settings}. */
    public static ConnectionFields of(ConnectionSettings settings) {
        List<HostPort> hosts = settings.hosts();
        boolean onePort = hosts.stream().map(HostPort::port).distinct().count() <= 1;
        String hostText = onePort ? hosts.stream().map(ConnectionFields::hostName).collect(Collectors.joining(","))
                : settings.hostsOnly();
        String portText = onePort && !hosts.isEmpty() ? String.valueOf(hosts.get(0).port()) : "";
        return new ConnectionFields(hostText, portText, nullToEmpty(settings.username()),
                nullToEmpty(settings.password()), nullToEmpty(settings.authDatabase()), settings.tls(),
                settings.tlsCaFile() == null ? "" : settings.tlsCaFile().toString(),
                settings.tlsClientCertificate() == null ? "" : settings.tlsClientCertificate().toString(),
                nullToEmpty(settings.tlsClientCertificatePassword()), nullToEmpty(settings.replicaSet()));
    }

    /**
     * Builds the settings from the fields.
     *
     * @param carried settings whose SRV flag, timeout and other options are kept, or {@code null}
     */
    public Parsed parse(ConnectionSettings carried) {
        String portProblem = null;
        int defaultPort = HostPort.DEFAULT_PORT;
        if (!isBlank(port)) {
            try {
                defaultPort = Integer.parseInt(port.trim());
            } catch (NumberFormatException e) {
                defaultPort = -1;
            }
            if (defaultPort < 1 || defaultPort > 65535) {
                portProblem = Messages.get("connection.port.invalid");
            }
        }
        List<HostPort> parsedHosts = new ArrayList<>();
        String hostsProblem = null;
        if (isBlank(hosts)) {
            hostsProblem = Messages.get("connection.host.missing");
        } else {
            for (String host : hosts.split(",")) {
                try {
                    parsedHosts.add(parseHost(host.trim(), Math.max(1, defaultPort)));
                } catch (InvalidConnectionException e) {
                    hostsProblem = e.getMessage();
                    break;
                }
            }
        }
        String caProblem = pathProblem(caFile);
        String certificateProblem = pathProblem(clientCertificate);
        if (hostsProblem != null || portProblem != null || caProblem != null || certificateProblem != null) {
            return new Parsed(null, hostsProblem, portProblem, caProblem, certificateProblem);
        }
        ConnectionSettings base = carried == null ? ConnectionSettings.of("localhost", HostPort.DEFAULT_PORT) : carried;
        ConnectionSettings settings = new ConnectionSettings(parsedHosts, base.srv(), user, password, authDatabase,
                tls, path(caFile), path(clientCertificate), clientCertificatePassword,
                base.tlsAllowInvalidHostnames(), replicaSet, base.serverSelectionTimeout(), base.extraOptions());
        return new Parsed(settings, null, null, null, null);
    }

    private static HostPort parseHost(String text, int defaultPort) {
        if (text.isEmpty()) {
            throw new InvalidConnectionException(Messages.get("connection.host.empty"));
        }
        boolean explicitPort = text.startsWith("[") ? text.contains("]:") : text.contains(":");
        HostPort parsed = HostPort.parse(text);
        return explicitPort ? parsed : new HostPort(parsed.host(), defaultPort);
    }

    private static String hostName(HostPort host) {
        return host.host().indexOf(':') >= 0 ? "[" + host.host() + "]" : host.host();
    }

    private static String pathProblem(String text) {
        try {
            path(text);
            return null;
        } catch (InvalidPathException e) {
            return Messages.format("connection.file.invalid", text);
        }
    }

    private static Path path(String text) {
        return isBlank(text) ? null : Path.of(text.trim());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
