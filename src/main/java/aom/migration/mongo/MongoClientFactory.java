package aom.migration.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Opens driver clients with bounded timeouts, so that an unreachable host fails within seconds instead of hanging
 * a wizard page or a script, and with the TLS material of the settings.
 */
public final class MongoClientFactory {

    /** How long to wait for a TCP connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long one operation may wait for a reply; index builds on big collections can take minutes. */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(30);
    private static final String APPLICATION_NAME = "aom-migration-wizard";

    private MongoClientFactory() {
    }

    /**
     * Creates a client. The driver connects lazily, so this does not fail for unreachable servers; use
     * {@link Installation#connect(ConnectionSettings)} to connect and check in one step.
     *
     * @throws InvalidConnectionException when the settings are invalid or the TLS files cannot be used
     */
    public static MongoClient create(ConnectionSettings settings) {
        settings.validated();
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.toUri()))
                .applicationName(APPLICATION_NAME)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        settings.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        if (settings.tls()) {
            SSLContext context = sslContext(settings);
            builder.applyToSslSettings(ssl -> {
                ssl.enabled(true).invalidHostNameAllowed(settings.tlsAllowInvalidHostnames());
                if (context != null) {
                    ssl.context(context);
                }
            });
        }
        return MongoClients.create(builder.build());
    }

    private static SSLContext sslContext(ConnectionSettings settings) {
        if (settings.tlsCaFile() == null && settings.tlsClientCertificate() == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = null;
            if (settings.tlsCaFile() != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(caKeyStore(settings.tlsCaFile()));
            }
            KeyManagerFactory keys = null;
            if (settings.tlsClientCertificate() != null) {
                char[] password = settings.tlsClientCertificatePassword() == null
                        ? new char[0] : settings.tlsClientCertificatePassword().toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(settings.tlsClientCertificate())) {
                    store.load(in, password);
                }
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(),
                    trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidConnectionException("Cannot use the TLS files: " + e.getMessage()
                    + " (the CA file must be PEM, the client certificate PKCS#12)");
        }
    }

    private static KeyStore caKeyStore(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new GeneralSecurityException("no certificate found in " + caFile);
            }
        }
        return store;
    }
}
