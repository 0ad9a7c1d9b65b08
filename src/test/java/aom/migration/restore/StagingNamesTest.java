package aom.migration.restore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StagingNamesTest {

    @Test
    void namesCarryTheMarkAfterTheCollectionAndBeforeSystemCollections() {
        assertThat(StagingNames.staging("ConferenceApp", "images.files")).isEqualTo("images.files.__aom_import");
        assertThat(StagingNames.aside("ConferenceApp", "Basics_User")).isEqualTo("Basics_User.__aom_old");
        assertThat(StagingNames.staging("ConferenceApp", "system.js")).isEqualTo("__aom_import.system.js");
    }

    @Test
    void aNameThatWouldExceedTheNamespaceLimitIsHashedAndStillRecognised() {
        String longName = "Module_" + "x".repeat(110);
        String staging = StagingNames.staging("ConferenceApp", longName);

        assertThat(staging).matches("__aom_import_[0-9a-f]{16}");
        assertThat(StagingNames.fits("ConferenceApp", staging)).isTrue();
        assertThat(StagingNames.isStaging(staging)).isTrue();
        assertThat(StagingNames.original(staging)).isEmpty();
        assertThat(StagingNames.staging("ConferenceApp", longName)).isEqualTo(staging);
    }

    @Test
    void leftoversAreRecognisedWithTheCollectionTheyBelongTo() {
        assertThat(StagingNames.original("images.chunks.__aom_old")).contains("images.chunks");
        assertThat(StagingNames.original("__aom_import.system.js")).contains("system.js");
        assertThat(StagingNames.isAside("Basics_User.__aom_old")).isTrue();
        assertThat(StagingNames.isLeftover("Basics_User")).isFalse();
        assertThat(StagingNames.isLeftover("__aom_import_journal")).isFalse();
    }
}
