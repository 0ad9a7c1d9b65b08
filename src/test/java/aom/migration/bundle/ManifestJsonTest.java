package aom.migration.bundle;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestJsonTest {

    /** A manifest as version 1.0.0 wrote it (through Jackson, before the tool wrote its own JSON). */
    private static byte[] writtenBy100() throws IOException {
        try (InputStream in = ManifestJsonTest.class.getResourceAsStream("manifest-1.0.0-jackson.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aManifestOfTheEarlierVersionReadsCompletely() throws IOException {
        Manifest manifest = Manifest.fromJson(JsonObject.parse(writtenBy100()));

        assertThat(manifest.problems()).isEmpty();
        assertThat(manifest.format()).isEqualTo(Manifest.FORMAT);
        assertThat(manifest.formatVersion()).isEqualTo(1);
        assertThat(manifest.application().name()).isEqualTo("ConferenceApp");
        assertThat(manifest.application().naming()).isEqualTo("DASHED");
        assertThat(manifest.source().topology()).isEqualTo("standalone");
        assertThat(manifest.selection().systems()).containsExactly("LIVE", "STAGING", "TEST");
        assertThat(manifest.metadata().documents()).containsEntry("customers", 5L).containsEntry("modules", 5L);
        assertThat(manifest.databases()).extracting(Manifest.DatabaseInfo::name)
                .containsExactly("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test");
        assertThat(manifest.warnings()).hasSize(2);
        assertThat(manifest.profile()).isEqualTo(ExtractionProfile.defaults());
        assertThat(manifest.entries()).hasSize(68);
        assertThat(manifest.entries(Manifest.KIND_DOCUMENTS)).allSatisfy(entry -> {
            assertThat(entry.sha256()).hasSize(64);
            assertThat(entry.database()).isNotNull();
        });
        assertThat(manifest.counts().documents()).isEqualTo(manifest.entries(Manifest.KIND_DOCUMENTS).stream()
                .mapToLong(Manifest.Entry::documents).sum());
    }

    @Test
    void aManifestReadsBackFromItsOwnJsonUnchanged() throws IOException {
        Manifest manifest = Manifest.fromJson(JsonObject.parse(writtenBy100()));
        Manifest again = Manifest.fromJson(JsonObject.parse(manifest.toJson()));
        assertThat(again).isEqualTo(manifest);
    }

    @Test
    void fieldsOfANewerVersionAreIgnoredAndAWrongTypeIsNamed() {
        Manifest manifest = Manifest.fromJson(JsonObject.parse(("{\"format\": \"aom-migration-bundle\","
                + " \"formatVersion\": 1, \"signature\": {\"by\": \"a later tool\"},"
                + " \"application\": {\"name\": \"App\", \"colour\": \"blue\"}}").getBytes()));
        assertThat(manifest.application().name()).isEqualTo("App");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Manifest.fromJson(JsonObject.parse(
                "{\"entries\": [{\"path\": \"a\", \"bytes\": \"ten\"}]}".getBytes()))))
                .hasMessage("'entries[0].bytes' must be a whole number");
    }
}
