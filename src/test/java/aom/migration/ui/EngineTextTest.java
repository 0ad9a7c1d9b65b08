package aom.migration.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTextTest {

    private static final Locale DEFAULT = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(DEFAULT);
    }

    @Test
    void inEnglishTheEnginesSentencesStayAsTheyAre() {
        Locale.setDefault(Locale.ENGLISH);
        for (String sentence : new String[] {"Exported ConferenceApp to /tmp/x.aombundle",
            "Exporting 29 collections from 3 database(s)", "Saving the target's metadata of ConferenceApp and"
                    + " merging the import's", "referenced by application ConferenceApp (ownerId)",
            "Connection refused by 127.0.0.1:1: nothing listens on that port; is MongoDB running?"}) {
            assertThat(EngineText.translate(sentence)).isEqualTo(sentence);
        }
    }

    @Test
    void inGermanTheyAreRebuiltWithTheirPartsAndTheirKindsTranslated() {
        Locale.setDefault(Locale.GERMAN);

        assertThat(EngineText.translate("Exported ConferenceApp to /tmp/x.aombundle"))
                .isEqualTo("ConferenceApp exportiert nach /tmp/x.aombundle");
        assertThat(EngineText.translate("referenced by application ConferenceApp (ownerId)"))
                .isEqualTo("verwiesen von Anwendung ConferenceApp (ownerId)");
        assertThat(EngineText.translate("module Venues 1.0.0 is not declared by ConferenceApp, but class Session"
                + " refers to its class Room; included as a dependency"))
                .isEqualTo("Modul Venues 1.0.0 ist von ConferenceApp nicht deklariert, aber Klasse Session verweist"
                        + " auf Klasse Room; als Abhängigkeit aufgenommen");
        assertThat(EngineText.translate("Dashed naming (ConferenceApp, ConferenceApp-staging)"))
                .isEqualTo("Bindestrich-Benennung (ConferenceApp, ConferenceApp-staging)");
        assertThat(EngineText.translate("replace")).isEqualTo("ersetzt");
    }

    @Test
    void aSentenceNoRuleKnowsIsShownAsTheEngineWroteIt() {
        Locale.setDefault(Locale.GERMAN);

        assertThat(EngineText.translate("Something new the engine says")).isEqualTo("Something new the engine says");
        assertThat(EngineText.translate(null)).isNull();
    }
}
