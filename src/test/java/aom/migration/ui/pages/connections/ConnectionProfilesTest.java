package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionProfilesTest {

    @TempDir
    Path settings;

    private final ConnectionSettings withPassword = ConnectionSettings.fromUri(
            "mongodb://support:s3cr%40t@db1.example.com:27017,db2.example.com:27017/?authSource=admin"
                    + "&replicaSet=rs0");

    @Test
    void aSavedConnectionHasNoPasswordUnlessTheUserAsks() throws Exception {
        new ConnectionProfiles(settings).save(ConnectionProfile.of("Production", withPassword, Map.of(), false));

        String file = Files.readString(settings.resolve("connections.json"));
        assertThat(file).contains("db1.example.com").doesNotContain("s3cr");
        ConnectionProfile loaded = new ConnectionProfiles(settings).load().get(0);
        ConnectionSettings restored = ConnectionSettings.fromUri(loaded.uri());
        assertThat(restored.username()).isEqualTo("support");
        assertThat(restored.password()).isNull();
        assertThat(restored.replicaSet()).isEqualTo("rs0");
    }

    @Test
    void rememberPasswordKeepsItInAFileOnlyTheUserCanRead() throws Exception {
        new ConnectionProfiles(settings).save(ConnectionProfile.of("Production", withPassword, Map.of(), true));

        ConnectionProfile loaded = new ConnectionProfiles(settings).load().get(0);
        assertThat(loaded.rememberPassword()).isTrue();
        assertThat(ConnectionSettings.fromUri(loaded.uri()).password()).isEqualTo("s3cr@t");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    settings.resolve("connections.json")))).isEqualTo("rw-------");
        }
    }

    @Test
    void instanceHostsAreSavedWithoutPasswordsToo() {
        ConnectionSettings live = ConnectionSettings.fromUri("mongodb://data:pw@live-data:27017/");

        new ConnectionProfiles(settings).save(ConnectionProfile.of("Split", withPassword,
                Map.of(SystemKind.LIVE, live), false));

        ConnectionProfile loaded = new ConnectionProfiles(settings).load().get(0);
        assertThat(loaded.instanceHosts()).containsOnlyKeys(SystemKind.LIVE);
        assertThat(loaded.instanceHosts().get(SystemKind.LIVE)).contains("live-data").doesNotContain("pw@");
    }

    @Test
    void savingUnderAnExistingNameReplacesItAndTheListIsSorted() {
        ConnectionProfiles profiles = new ConnectionProfiles(settings);
        profiles.save(ConnectionProfile.of("staging", ConnectionSettings.of("old", 27017), Map.of(), false));
        profiles.save(ConnectionProfile.of("Archive", ConnectionSettings.of("archive", 27017), Map.of(), false));

        List<ConnectionProfile> list = profiles.save(ConnectionProfile.of("Staging",
                ConnectionSettings.of("new", 27017), Map.of(), false));

        assertThat(list).extracting(ConnectionProfile::name).containsExactly("Archive", "Staging");
        assertThat(list.get(1).uri()).contains("new:27017");
        assertThat(profiles.delete("archive")).extracting(ConnectionProfile::name).containsExactly("Staging");
    }

    @Test
    void theTlsFilesSurviveSaving() throws Exception {
        Path ca = Files.writeString(settings.resolve("ca with space.pem"), "pem");
        ConnectionSettings tls = new ConnectionSettings(List.of(new aom.migration.mongo.HostPort("db", 27017)),
                false, null, null, null, true, ca, null, null, false, null, null, Map.of());

        new ConnectionProfiles(settings).save(ConnectionProfile.of("TLS", tls, Map.of(), false));

        ConnectionSettings restored = ConnectionSettings.fromUri(new ConnectionProfiles(settings).load().get(0)
                .uri());
        assertThat(restored.tls()).isTrue();
        assertThat(restored.tlsCaFile()).isEqualTo(ca);
    }
}
