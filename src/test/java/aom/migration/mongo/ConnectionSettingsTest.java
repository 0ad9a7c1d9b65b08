package aom.migration.mongo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsTest {

    @Test
    void uriWithEverythingIsParsedIntoFields() {
        ConnectionSettings settings = ConnectionSettings.fromUri(
                "mongodb://admin:s%40cret@db1.example:27018,db2.example/?authSource=users&tls=true"
                        + "&replicaSet=rs0&serverSelectionTimeoutMS=2000&readPreference=secondaryPreferred");
        assertThat(settings.hosts()).containsExactly(new HostPort("db1.example", 27018),
                new HostPort("db2.example", 27017));
        assertThat(settings.username()).isEqualTo("admin");
        assertThat(settings.password()).isEqualTo("s@cret");
        assertThat(settings.authDatabase()).isEqualTo("users");
        assertThat(settings.tls()).isTrue();
        assertThat(settings.replicaSet()).isEqualTo("rs0");
        assertThat(settings.serverSelectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.extraOptions()).containsEntry("readPreference", "secondaryPreferred");
        assertThat(settings.problems()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"SCRAM-SHA-256,admin", "SCRAM-SHA-1,admin", "PLAIN,$external"})
    void userAndPasswordWithAnAuthenticationMechanismAreAccepted(String mechanism, String source) {
        ConnectionSettings settings = ConnectionSettings.fromUri("mongodb://alice:s3cret@db1/?authMechanism="
                + mechanism + "&authSource=" + source);
        assertThat(settings.username()).isEqualTo("alice");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.extraOptions()).containsEntry("authMechanism", mechanism);
        assertThat(settings.problems()).isEmpty();
        MongoClientFactory.create(settings).close();
    }

    @Test
    void fieldsAndUriConvertBothWays() {
        ConnectionSettings fromFields = new ConnectionSettings(List.of(new HostPort("mongo.local", 27019)), false,
                "support engineer", "p@ss word&x", "admin", true, null, null, null, false, "rs1",
                Duration.ofSeconds(3), Map.of());
        ConnectionSettings back = ConnectionSettings.fromUri(fromFields.toUri());
        assertThat(back).isEqualTo(fromFields);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                   | The connection string is empty",
        "localhost:27017                      | must start with mongodb:// or mongodb+srv://",
        "mongodb://                           | names no host",
        "mongodb://host:99999/                | Port must be 1-65535 (got 99999)",
        "mongodb://host:0/                    | Port must be 1-65535 (got 0)",
        "mongodb://host:abc/                  | Port must be 1-65535 (got 'abc')",
        "mongodb://[::1/                      | no closing ']'",
        "mongodb://host/?replicaSet           | has no value",
        "mongodb+srv://cluster.example:27017/ | without a port",
    })
    void malformedUrisGetAReadableMessage(String uri, String message) {
        assertThatThrownBy(() -> ConnectionSettings.fromUri(uri))
                .isInstanceOf(InvalidConnectionException.class)
                .hasMessageContaining(message);
    }

    @Test
    void malformedUriMessageNeverShowsThePassword() {
        assertThatThrownBy(() -> ConnectionSettings.fromUri("mongodb://bob:hunter2@host:70000/"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConnectionSettings.fromUri("http://bob:hunter2@host/"))
                .hasMessageNotContaining("hunter2");
    }

    /** Passwords with an unencoded '/', '?' or ':' came back in pieces: "Port must be 1-65535 (got 'Tr0ub4dor')". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mongodb://alice:Tr0ub4dor/horse@127.0.0.1/",
        "mongodb://alice:Tr0ub4dor:horse/x@127.0.0.1/",
        "mongodb://alice:Tr0ub4dor?horse@127.0.0.1/",
        "mongodb://alice:Tr0ub4dor?horse@127.0.0.1",
        "mongodb+srv://alice:Tr0ub4dor/horse@cluster.example/",
    })
    void aPasswordWithUnencodedReservedCharactersIsNeverShownInPieces(String uri) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> ConnectionSettings.fromUri(uri));

        assertThat(failure).isInstanceOf(InvalidConnectionException.class)
                .hasMessageContaining("Percent-encode reserved characters in the user name and password")
                .hasMessageContaining("'/' as %2F");
        for (String piece : List.of("alice", "Tr0ub4dor", "horse", "127.0.0.1", "cluster.example")) {
            assertThat(failure.getMessage()).doesNotContain(piece);
        }
    }

    @Test
    void theSamePasswordPercentEncodedConnects() {
        ConnectionSettings settings = ConnectionSettings.fromUri("mongodb://alice:Tr0ub4dor%2Fhorse@127.0.0.1/");

        assertThat(settings.password()).isEqualTo("Tr0ub4dor/horse");
        assertThat(ConnectionSettings.fromUri(settings.toUri()).password()).isEqualTo("Tr0ub4dor/horse");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mongodb://db1/?tls=maybe                    | 'maybe' in the connection string for 'tls'",
        "mongodb://u:secret@db1/?retryWrites=perhaps | 'perhaps' in the connection string for 'retrywrites'",
        "mongodb://db1/?tlz=true                     | unsupported option 'tlz'",
    })
    void anOptionTheDriverWouldIgnoreIsAnError(String uri, String message) {
        assertThatThrownBy(() -> ConnectionSettings.fromUri(uri))
                .isInstanceOf(InvalidConnectionException.class)
                .hasMessageStartingWith("The connection string has an option the driver would ignore")
                .hasMessageContaining(message)
                .hasMessageNotContaining("secret");
    }

    @Test
    void fieldProblemsAreListedInPlainWords() {
        ConnectionSettings settings = new ConnectionSettings(List.of(new HostPort("", 70000)), false, null, "pw",
                null, false, Path.of("/nonexistent/ca.pem"), null, null, false, null, null, Map.of());
        assertThat(settings.problems()).containsExactly(
                "Host is empty",
                "A password is set but no user name",
                "CA file /nonexistent/ca.pem does not exist or cannot be read",
                "A CA file or client certificate is set, but TLS is off");
        assertThat(ConnectionSettings.of("h", 70000).problems()).containsExactly("Port must be 1-65535 (got 70000)");
        ConnectionSettings noPassword = ConnectionSettings.fromUri("mongodb://bob@h/");
        assertThat(noPassword.problems()).containsExactly("User 'bob' has no password");
        assertThatThrownBy(noPassword::validated).hasMessage("User 'bob' has no password");
    }

    @Test
    void redactedFormsHideThePassword() {
        ConnectionSettings settings = ConnectionSettings.fromUri("mongodb://bob:hunter2@db:27017/?authSource=admin");
        assertThat(settings.redactedUri()).isEqualTo("mongodb://bob:*****@db:27017/?authSource=admin");
        assertThat(settings.toString()).doesNotContain("hunter2");
        assertThat(settings.hostsOnly()).isEqualTo("db:27017");
        assertThat(settings.toUri()).contains("hunter2");
    }

    @Test
    void srvUriKeepsTheSeedHostAndTurnsTlsOn() {
        ConnectionSettings settings = ConnectionSettings.fromUri("mongodb+srv://u:p@cluster0.example.net/");
        assertThat(settings.srv()).isTrue();
        assertThat(settings.tls()).isTrue();
        assertThat(settings.toUri()).startsWith("mongodb+srv://u:p@cluster0.example.net/");
    }
}
