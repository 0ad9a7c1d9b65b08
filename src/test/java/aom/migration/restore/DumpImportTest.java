package aom.migration.restore;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DumpImportTest {

    @Test
    void databasesAreProposedByEitherNamingConvention() {
        DumpImport.Mapping dashed = DumpImport.propose("ConferenceApp",
                List.of("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test", "admin"), Map.of());
        assertThat(dashed.systems()).containsOnly(Map.entry(SystemKind.LIVE, "ConferenceApp"),
                Map.entry(SystemKind.STAGING, "ConferenceApp-staging"),
                Map.entry(SystemKind.TEST, "ConferenceApp-test"));
        assertThat(dashed.unmapped()).containsExactly("admin");
        assertThat(dashed.sourceNaming()).isEqualTo(DatabaseNaming.DASHED);

        DumpImport.Mapping suffixed = DumpImport.propose("ShopApp", List.of("ShopApp", "ShopAppTEST"), Map.of());
        assertThat(suffixed.systems()).containsEntry(SystemKind.TEST, "ShopAppTEST").hasSize(2);
        assertThat(suffixed.sourceNaming()).isEqualTo(DatabaseNaming.SUFFIXED);

        assertThat(DumpImport.propose("ShopApp", List.of("ShopApp"), Map.of()).sourceNaming()).isNull();
    }

    @Test
    void mapOverridesTheProposalAndSkipLeavesADatabaseOut() {
        Map<String, SystemKind> overrides = new HashMap<>();
        overrides.put("copy_of_test", SystemKind.TEST);
        overrides.put("ConferenceApp-staging", null);

        DumpImport.Mapping mapping = DumpImport.propose("ConferenceApp",
                List.of("ConferenceApp", "ConferenceApp-staging", "copy_of_test"), overrides);

        assertThat(mapping.systems()).containsOnly(Map.entry(SystemKind.LIVE, "ConferenceApp"),
                Map.entry(SystemKind.TEST, "copy_of_test"));
        assertThat(mapping.unmapped()).containsExactly("ConferenceApp-staging");
        assertThat(mapping.only(EnumSet.of(SystemKind.TEST)).unmapped())
                .containsExactly("ConferenceApp", "ConferenceApp-staging");
    }

    @Test
    void twoDatabasesForOneSystemOrAnUnknownDatabaseAreRefused() {
        assertThatThrownBy(() -> DumpImport.propose("ShopApp", List.of("ShopApp-test", "ShopAppTEST"), Map.of()))
                .hasMessageContaining("Both ShopApp-test and ShopAppTEST would be loaded as TEST");
        assertThatThrownBy(() -> DumpImport.propose("ShopApp", List.of("ShopApp"), Map.of("Nope", SystemKind.LIVE)))
                .hasMessage("The dump has no database 'Nope' (it has: ShopApp)");
    }
}
