package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.model.AppRef;
import aom.migration.ui.wizard.PageId;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrates the demo's ConferenceApp through every page ("Try the demo installation", export, preview, confirm,
 * import, summary) while a probe measures how long the FX thread takes to answer. Two checks, both loose enough for a
 * shared 2-core machine (where loading a page's FXML the first time, garbage collection and other builds stall the FX
 * thread for up to a second and a half): no wait above three seconds, and the FX thread kept answering while the
 * export and the import ran, which it could not if either ran on it. The figures are printed.
 */
class UiResponsivenessTest extends WizardUiTest {

    /** Longer than any stall seen here without a bug; a connection timeout on the FX thread takes longer still. */
    private static final long BLOCKED_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** A responsive FX thread answers about 100 probes a second; a blocked one none. */
    private static final double MIN_ANSWERS_PER_SECOND = 5;

    @Override
    protected DemoScale demoScale() {
        // About 20,000 documents and 12 MB in ConferenceApp: seconds to export or import even on a quiet machine.
        return new DemoScale(DemoScale.TESTS.seed(), 1_000, 400);
    }

    private FxProbe probe;
    private Duration exportTook = Duration.ZERO;
    private Duration importTook = Duration.ZERO;
    private long answeredDuringExport;
    private long answeredDuringImport;

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Test
    void theWindowKeepsAnsweringWhileAMigrationRuns() throws Exception {
        probe = FxProbe.start();
        try {
            migrateConferenceApp();
        } finally {
            probe.stop();
        }
        double maxGapMillis = probe.maxGapNanos() / 1e6;
        System.out.printf("UiResponsivenessTest: FX thread answered %d probes, longest wait %.1f ms; export %s with"
                        + " %d answers, import %s with %d answers%n", probe.answered(), maxGapMillis, exportTook,
                answeredDuringExport, importTook, answeredDuringImport);
        assertThat(probe.maxGapNanos()).as("longest wait of the FX thread in ms: %.1f", maxGapMillis)
                .isLessThan(BLOCKED_NANOS);
        assertThat(answeredDuringExport).as("probes answered during the export (%s)", exportTook)
                .isGreaterThanOrEqualTo((long) (seconds(exportTook) * MIN_ANSWERS_PER_SECOND));
        assertThat(answeredDuringImport).as("probes answered during the import (%s)", importTook)
                .isGreaterThanOrEqualTo((long) (seconds(importTook) * MIN_ANSWERS_PER_SECOND));
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
        long started = System.nanoTime();
        long answered = probe.answered();
        clickOn("#nextButton");
        Label exported = lookup("#exportOutcomeText").queryAs(Label.class);
        waitForJob(() -> exported.getText().startsWith("Exported ConferenceApp"));
        exportTook = Duration.ofNanos(System.nanoTime() - started);
        answeredDuringExport = probe.answered() - answered;
        clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.PREVIEW && model.openedBundleProperty().get() != null);
        clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.CONFIRM);
        waitFor(() -> lookup("#confirmReason").queryLabeled().getText().startsWith("Type ConferenceApp"));
        clickOn("#confirmName").write("ConferenceApp");
        waitFor(() -> !lookup("#nextButton").queryButton().isDisabled());
        started = System.nanoTime();
        answered = probe.answered();
        clickOn("#nextButton");
        Label imported = lookup("#importOutcomeText").queryAs(Label.class);
        waitForJob(() -> !imported.getText().isEmpty());
        importTook = Duration.ofNanos(System.nanoTime() - started);
        answeredDuringImport = probe.answered() - answered;
        assertThat(imported.getText()).endsWith(" and verified.");
        clickOn("#nextButton");
        waitFor(() -> model.getCurrentPage() == PageId.SUMMARY);
        assertThat(lookup("#summaryHeadline").queryLabeled().getText()).isEqualTo("Verification passed");
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
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
