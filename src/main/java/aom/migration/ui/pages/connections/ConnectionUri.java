package aom.migration.ui.pages.connections;

import aom.migration.mongo.ConnectionSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The connection string the wizard shows in its URI field and keeps in saved connections. Unlike
 * {@link ConnectionSettings#toUri()}, which is meant for the driver, it keeps the TLS files
 * ({@code tlsCAFile}, {@code tlsCertificateKeyFile}), so switching between the URI and the fields loses nothing;
 * {@link ConnectionSettings#fromUri} reads them back.
 */
public final class ConnectionUri {

    private ConnectionUri() {
    }

    /**
     * @param withSecrets whether the password and the client certificate's password are included; without,
     *                    the string is safe to store for a user who did not ask to remember the password
     */
    public static String of(ConnectionSettings settings, boolean withSecrets) {
        ConnectionSettings shown = withSecrets ? settings : withoutSecrets(settings);
        StringBuilder uri = new StringBuilder(shown.toUri());
        appendFile(uri, "tlsCAFile", shown.tlsCaFile());
        appendFile(uri, "tlsCertificateKeyFile", shown.tlsClientCertificate());
        if (shown.tlsClientCertificatePassword() != null) {
            append(uri, "tlsCertificateKeyFilePassword", shown.tlsClientCertificatePassword());
        }
        return uri.toString();
    }

    /** The same settings without any password. */
    public static ConnectionSettings withoutSecrets(ConnectionSettings settings) {
        return new ConnectionSettings(settings.hosts(), settings.srv(), settings.username(), null,
                settings.authDatabase(), settings.tls(), settings.tlsCaFile(), settings.tlsClientCertificate(), null,
                settings.tlsAllowInvalidHostnames(), settings.replicaSet(), settings.serverSelectionTimeout(),
                settings.extraOptions());
    }

    private static void appendFile(StringBuilder uri, String option, Path file) {
        if (file != null) {
            append(uri, option, file.toString());
        }
    }

    private static void append(StringBuilder uri, String option, String value) {
        uri.append(uri.indexOf("?") >= 0 ? '&' : '?').append(option).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
