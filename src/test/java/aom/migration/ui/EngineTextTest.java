package aom.migration.ui;

import aom.migration.model.SystemKind;
import aom.migration.restore.RollbackProof;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
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
    void aSentenceNamingAnySystemKindIsTranslated() {
        Locale.setDefault(Locale.GERMAN);

        for (SystemKind system : SystemKind.values()) {
            assertThat(EngineText.translate("ShopApp has no " + system + " database (ShopApp-x); nothing exported for "
                    + system)).isEqualTo("ShopApp hat keine " + system + "-Datenbank (ShopApp-x); f\u00fcr " + system
                    + " wird nichts exportiert");
        }
    }

    /** The sentences of the import's ownership, rollbacks and recoveries, as the engine writes them. */
    private static final List<String> OWNERSHIP = List.of(
            "The import was cancelled. The target was restored to its state before the import; checked: "
                    + new RollbackProof(31, 3, 4, 0, 38, "apiomat", List.of()).checked() + ".",
            "The target was restored to its state before the interrupted import; checked: "
                    + new RollbackProof(31, 3, 0, 0, 0, null, List.of()).checked() + ".",
            "Another import of ConferenceApp into this target, started 2026-12-07T20:25:16.671Z, is running in process"
                    + " 14643 on this computer. This import did not start and changed nothing.",
            "Another import of ConferenceApp into this target, started 2026-12-07T20:25:06.020Z, is running in process"
                    + " 14526 on this computer, which is suspended: resume it (fg, or kill -CONT 14526) to let it"
                    + " finish, or end it (kill 14526) and run this import again to restore the target. This import"
                    + " did not start and changed nothing.",
            "Another import of ConferenceApp into this target, started 2026-12-07T20:25:30.799Z, is running on vm"
                    + " (process 14921; last sign of life 1 s ago by the target's clock; if it has stopped, it counts"
                    + " as ended in 58 s). This import did not start and changed nothing.",
            "This import of ConferenceApp no longer owns the target: its journal is gone, so another run found it dead"
                    + " and restored or finished the target. It stopped at once and changed nothing more; the target"
                    + " is the other import's to finish or restore.",
            "Found the journal of an import of ConferenceApp started 2026-12-07T21:12:21.565Z on vm stopped while"
                    + " loading the data (nothing live had changed yet).",
            "The import first restores the state from before it: 31 collection(s) and the metadata saved in the"
                    + " target, and checks the result against what it recorded before it changed anything.");

    @Test
    void theSentencesOfOwnershipAndRollbacksAreRebuiltAlikeInEnglishAndTranslatedInGerman() {
        Locale.setDefault(Locale.ENGLISH);
        OWNERSHIP.forEach(sentence -> assertThat(EngineText.translate(sentence)).isEqualTo(sentence));

        Locale.setDefault(Locale.GERMAN);
        assertThat(EngineText.translate(OWNERSHIP.get(0))).isEqualTo("Der Import wurde abgebrochen. Das Ziel wurde auf"
                + " seinen Stand vor dem Import zur\u00fcckgesetzt; gepr\u00fcft: 31 Collection(s) in 3 Datenbank(en) wie"
                + " vor dem Import vorhanden oder nicht vorhanden, 4 davon nach Dokumentanzahl und Indexnamen, erfasst"
                + " unmittelbar bevor sie beiseitegelegt wurden; 38 Metadaten-Dokument(e) von apiomat mit der vor dem"
                + " Zusammenf\u00fchren gesicherten Kopie verglichen.");
        for (String sentence : OWNERSHIP) {
            assertThat(EngineText.translate(sentence)).as(sentence).isNotEqualTo(sentence)
                    .doesNotContain(" the ", " import of ", "checked");
        }
    }

    @Test
    void whatALostImportMetIsShownAfterTheLossInBothLanguages() {
        String lost = "This import of ConferenceApp no longer owns the target: its journal is gone, so another run"
                + " found it dead and restored or finished the target. It stopped at once and changed nothing more;"
                + " the target is the other import's to finish or restore. Before it stopped, it had met this, most"
                + " likely the other import's doing: Renaming ConferenceApp.Session aside kept 0 of its 24 documents.";
        Locale.setDefault(Locale.ENGLISH);
        assertThat(EngineText.translate(lost)).isEqualTo(lost);

        Locale.setDefault(Locale.GERMAN);
        assertThat(EngineText.translate(lost)).startsWith("Dieser Import von ConferenceApp ist nicht mehr"
                + " Eigent\u00fcmer des Ziels: sein Journal ist weg").contains("Bevor er anhielt, war er hierauf"
                + " gesto\u00dfen, wahrscheinlich durch den anderen Import: Renaming ConferenceApp.Session aside");
    }

    @Test
    void aSentenceNoRuleKnowsIsShownAsTheEngineWroteIt() {
        Locale.setDefault(Locale.GERMAN);

        assertThat(EngineText.translate("Something new the engine says")).isEqualTo("Something new the engine says");
        assertThat(EngineText.translate(null)).isNull();
    }
}
