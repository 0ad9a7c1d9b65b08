package aom.migration.ui;

import aom.migration.model.AppRef;
import aom.migration.ui.wizard.PageId;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrates the demo's ConferenceApp through every page ("Try the demo installation", export, preview, confirm,
 * import, summary) while a probe measures how long the FX thread takes to answer. The bound is loose (a shared
 * machine), but a database or file call on the FX thread would blow it; the figure is printed.
 */
class UiResponsivenessTest extends WizardUiTest {

    /** A real blocking call (a connection timeout, a file read) takes seconds; drawing never should. */
    private static final long BLOCKED_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Test
    void theWindowKeepsAnsweringWhileAMigrationRuns() throws Exception {
        FxProbe probe = FxProbe.start();
        try {
            migrateConferenceApp();
        } finally {
            probe.stop();
        }
        double maxGapMillis = probe.maxGapNanos() / 1e6;
        System.out.printf("UiResponsivenessTest: FX thread answered %d probes, longest wait %.1f ms%n",
                probe.answered(), maxGapMillis);
        assertThat(probe.answered()).isPositive();
        assertThat(probe.maxGapNanos()).as("longest wait of the FX thread in ms: %.1f", maxGapMillis)
                .isLessThan(BLOCKED_NANOS);
    }

    private void migrateConferenceApp() throws Exception {
        clickOn("#demoButton");
        waitFor(() -> model.getCurrentPage() == PageId.CONNECTIONS);
        clickOn("#nextButton");
        TableView<AppRef> table = lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3 && !lookup("#loadingBox").query().isVisible());
        clickOn("ConferenceApp");
        clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SELECTION);
        clickOn("#nextButton");
        Label exported = lookup("#exportOutcomeText").queryAs(Label.class);
        waitForJob(() -> exported.getText().startsWith("Exported ConferenceApp"));
        clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.PREVIEW && model.openedBundleProperty().get() != null);
        clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.CONFIRM);
        waitFor(() -> lookup("#confirmReason").queryLabeled().getText().startsWith("Type ConferenceApp"));
        clickOn("#confirmName").write("ConferenceApp");
        waitFor(() -> !lookup("#nextButton").queryButton().isDisabled());
        clickOn("#nextButton");
        Label imported = lookup("#importOutcomeText").queryAs(Label.class);
        waitForJob(() -> !imported.getText().isEmpty());
        assertThat(imported.getText()).endsWith(" and verified.");
        clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SUMMARY);
        assertThat(lookup("#summaryHeadline").queryLabeled().getText()).isEqualTo("Verification passed");
    }

    /**
     * Posts a probe to the FX thread every few milliseconds (one at a time) and records the longest time one waited
     * before it ran.
     */
    private static final class FxProbe {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fx-probe");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicBoolean waiting = new AtomicBoolean();
        private final AtomicLong maxGap = new AtomicLong();
        private final AtomicLong answered = new AtomicLong();

        static FxProbe start() {
            FxProbe probe = new FxProbe();
            probe.timer.scheduleWithFixedDelay(probe::send, 0, 10, TimeUnit.MILLISECONDS);
            return probe;
        }

        private void send() {
            if (!waiting.compareAndSet(false, true)) {
                return;
            }
            long sent = System.nanoTime();
            Platform.runLater(() -> {
                maxGap.accumulateAndGet(System.nanoTime() - sent, Math::max);
                answered.incrementAndGet();
                waiting.set(false);
            });
        }

        void stop() {
            timer.shutdownNow();
        }

        long maxGapNanos() {
            return maxGap.get();
        }

        long answered() {
            return answered.get();
        }
    }
}
