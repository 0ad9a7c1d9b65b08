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
    void aWrongWordOrAMisspeltNestedFieldIsNamedWithItsPath(@TempDir Path dir) throws Exception {
        Path owner = dir.resolve("owner.json");
        Files.writeString(owner, """
                {"database": "apiomat",
                 "application": {"collection": "apps", "nameField": "name"},
                 "collections": {"apps": {"key": ["name"], "owner": "application"}}}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExtractionProfile.load(owner)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The extraction profile " + owner + " is not valid: 'collections.apps.owner' is"
                        + " 'application'; it must be one of app, shared, parent");
        Path nested = dir.resolve("nested.json");
        Files.writeString(nested, """
                {"database": "apiomat",
                 "application": {"collection": "apps", "nameField": "name"},
                 "collections": {"apps": {"key": ["name"], "owner": "app", "refrences": {}}}}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExtractionProfile.load(nested)).hasMessageContaining(
                "unknown field 'collections.apps.refrences'");
    }

    @Test
    void theWrittenProfileIsPlainJsonInTheWordsAProfileUses() throws Exception {
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(ExtractionProfile.defaults().toJson());
        assertThat(tree.path("collections").path("customers").path("owner").asText()).isEqualTo("shared");
        assertThat(tree.path("collections").path("customers").path("importPolicy").asText())
                .isEqualTo("keepExisting");
        assertThat(tree.path("password").path("iterations").asInt()).isEqualTo(10_000);
    }

    @Test
    void unknownFieldsAreRejectedRatherThanIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, "{\"databse\": \"apiomat\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExtractionProfile.load(file)).hasMessageContaining("databse");
    }
}
