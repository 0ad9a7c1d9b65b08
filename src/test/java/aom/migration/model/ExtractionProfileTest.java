package aom.migration.model;

import aom.migration.model.ExtractionProfile.ImportPolicy;
import aom.migration.model.ExtractionProfile.Ownership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractionProfileTest {

    @Test
    void defaultProfileDescribesTheReferenceSchema() {
        ExtractionProfile profile = ExtractionProfile.defaults();
        assertThat(profile.database()).isEqualTo("apiomat");
        assertThat(profile.collections()).containsOnlyKeys("customers", "plans", "applications", "modules",
                "metamodels", "metamodelattributes", "modulejars.files", "modulejars.chunks");
        assertThat(profile.collection("customers").importPolicy()).isEqualTo(ImportPolicy.KEEP_EXISTING);
        assertThat(profile.collection("applications").importPolicy()).isEqualTo(ImportPolicy.REPLACE);
        assertThat(profile.collection("modules").key()).containsExactly("name", "version");
        assertThat(profile.collection("modules").sharedWhen()).isEqualTo("shared");
        assertThat(profile.collection("metamodels").owner()).isEqualTo(Ownership.PARENT);
        assertThat(profile.collection("applications").references()).containsEntry("memberIds[]", "customers");
        assertThat(profile.password().resetTo()).isEqualTo("secret");
    }

    @Test
    void profileSurvivesItsOwnJson() {
        ExtractionProfile profile = ExtractionProfile.defaults();
        assertThat(ExtractionProfile.parse(profile.toJson(), "copy")).isEqualTo(profile);
    }

    @Test
    void brokenUserProfileIsExplained(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.json");
        Files.writeString(file, """
                {"database": "apiomat",
                 "application": {"collection": "apps", "nameField": "name"},
                 "collections": {"apps": {"key": ["name"], "owner": "app",
                                          "references": {"ownerId": "users"}}}}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExtractionProfile.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("reference apps.ownerId points to unknown collection 'users'");
    }

    @Test
    void unknownFieldsAreRejectedRatherThanIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, "{\"databse\": \"apiomat\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExtractionProfile.load(file)).hasMessageContaining("databse");
    }
}
