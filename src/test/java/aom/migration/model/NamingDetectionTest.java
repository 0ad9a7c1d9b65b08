package aom.migration.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamingDetectionTest {

    @Test
    void dashedDatabasesAreDetected() {
        NamingDetection detection = NamingDetection.detect("ConferenceApp",
                List.of("admin", "apiomat", "ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test"));
        assertThat(detection.outcome()).isEqualTo(NamingDetection.Outcome.DETECTED);
        assertThat(detection.naming()).isEqualTo(DatabaseNaming.DASHED);
        assertThat(detection.existingDatabases()).containsOnlyKeys(SystemKind.LIVE, SystemKind.STAGING,
                SystemKind.TEST);
        assertThat(detection.report()).isEqualTo(
                "Dashed naming (ConferenceApp, ConferenceApp-staging, ConferenceApp-test)");
    }

    @Test
    void suffixedDatabasesAreDetectedWithoutStaging() {
        NamingDetection detection = NamingDetection.detect("ShopApp", List.of("ShopApp", "ShopAppTEST", "apiomat"));
        assertThat(detection.naming()).isEqualTo(DatabaseNaming.SUFFIXED);
        assertThat(detection.existingDatabases()).containsOnlyKeys(SystemKind.LIVE, SystemKind.TEST);
        assertThat(detection.databaseName(SystemKind.STAGING)).contains("ShopAppSTAGING");
    }

    @Test
    void suffixedWithoutLiveIsStillSuffixed() {
        NamingDetection detection = NamingDetection.detect("ShopApp", List.of("ShopAppSTAGING"));
        assertThat(detection.naming()).isEqualTo(DatabaseNaming.SUFFIXED);
        assertThat(detection.existingDatabases()).containsOnlyKeys(SystemKind.STAGING);
    }

    @Test
    void bothConventionsAreAmbiguousAndNameEveryDatabase() {
        NamingDetection detection = NamingDetection.detect("App",
                List.of("App", "App-staging", "AppTEST"));
        assertThat(detection.outcome()).isEqualTo(NamingDetection.Outcome.AMBIGUOUS);
        assertThat(detection.namingIfKnown()).isEmpty();
        assertThat(detection.report()).contains("Both naming conventions", "App-staging", "AppTEST", "Choose one");
    }

    @Test
    void onlyLiveAssumesDashedAndSaysSo() {
        NamingDetection detection = NamingDetection.detect("FleetTracker", List.of("FleetTracker", "apiomat"));
        assertThat(detection.outcome()).isEqualTo(NamingDetection.Outcome.ONLY_LIVE);
        assertThat(detection.naming()).isEqualTo(DatabaseNaming.DASHED);
        assertThat(detection.report()).contains("Only the LIVE database FleetTracker exists");
    }

    @Test
    void noDatabaseAtAllIsReported() {
        NamingDetection detection = NamingDetection.detect("Ghost", List.of("apiomat", "GhostTown"));
        assertThat(detection.outcome()).isEqualTo(NamingDetection.Outcome.NONE);
        assertThat(detection.report()).isEqualTo("No database of Ghost exists on this installation");
    }

    @Test
    void theUserCanOverrideAnAmbiguousDetection() {
        List<String> names = List.of("App", "App-staging", "AppTEST");
        NamingDetection chosen = NamingDetection.detect("App", names).overriddenWith(DatabaseNaming.SUFFIXED, names);
        assertThat(chosen.naming()).isEqualTo(DatabaseNaming.SUFFIXED);
        assertThat(chosen.existingDatabases()).containsOnlyKeys(SystemKind.LIVE, SystemKind.TEST);
        assertThat(chosen.report()).contains("chosen by the user");
    }

    @Test
    void anotherApplicationWithACommonPrefixDoesNotCount() {
        NamingDetection detection = NamingDetection.detect("Shop", List.of("Shop", "ShopApp", "ShopAppTEST"));
        assertThat(detection.outcome()).isEqualTo(NamingDetection.Outcome.ONLY_LIVE);
    }
}
