package aom.migration.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ConferenceApp", "Shop_App-2", "Café", "アプリ", "a"})
    void validNamesPass(String name) {
        assertThat(ApplicationNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"my.app", "my app", "a/b", "a\\b", "a$b", "a\"b", "a*b", "a<b", "a>b", "a:b", "a|b",
        "a?b"})
    void forbiddenCharactersAreNamed(String name) {
        assertThat(ApplicationNames.problem(name)).hasValueSatisfying(message -> assertThat(message)
                .contains("'" + name + "'").contains("MongoDB does not allow"));
    }

    @Test
    void emptyNameIsRejected() {
        assertThat(ApplicationNames.problem("")).contains("The application name is empty");
    }

    @Test
    void lengthCountsBytesIncludingTheLongestSuffix() {
        String longest = "a".repeat(55);
        assertThat(ApplicationNames.problem(longest)).isEmpty();
        assertThat(ApplicationNames.problem(longest + "b")).hasValueSatisfying(message ->
                assertThat(message).contains("56 bytes", "at most 55 bytes"));
        // multi-byte characters count as bytes, not characters
        assertThat(ApplicationNames.problem("é".repeat(28))).isPresent();
    }

    @Test
    void requireValidThrowsWithTheProblem() {
        assertThatThrownBy(() -> ApplicationNames.requireValid("bad.name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains '.'");
    }

    @Test
    void namingBuildsDatabaseNamesOfBothConventions() {
        assertThat(DatabaseNaming.DASHED.databaseName("ConferenceApp", SystemKind.STAGING))
                .isEqualTo("ConferenceApp-staging");
        assertThat(DatabaseNaming.DASHED.databaseName("ConferenceApp", SystemKind.TEST))
                .isEqualTo("ConferenceApp-test");
        assertThat(DatabaseNaming.SUFFIXED.databaseName("ShopApp", SystemKind.STAGING))
                .isEqualTo("ShopAppSTAGING");
        assertThat(DatabaseNaming.SUFFIXED.databaseName("ShopApp", SystemKind.LIVE)).isEqualTo("ShopApp");
        assertThat(SystemKind.parse(" staging ")).isEqualTo(SystemKind.STAGING);
        assertThatThrownBy(() -> SystemKind.parse("PROD")).hasMessage(
                "Unknown system 'PROD': use LIVE, STAGING or TEST");
    }
}
