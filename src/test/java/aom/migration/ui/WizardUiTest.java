package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.progress.ProgressListener;
import aom.migration.ui.task.FxTaskExecutor;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import aom.migration.ui.wizard.WizardWindow;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Starts the real wizard window (real background executor, demo of test size, settings in a fresh folder under
 * target/) with a dialog stand-in, and offers waits that suit a slow shared machine.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WizardUiTest extends FxRobot {

    /** Generous: the machine is shared and slow; a passing test never waits this long. */
    static final long TIMEOUT_SECONDS = 30;
    /** For an export or an import of the test-sized demo, which takes a few seconds on a quiet machine. */
    static final long JOB_TIMEOUT_SECONDS = 120;

    private static final Locale DEFAULT_LOCALE = Locale.getDefault();

    protected final RecordingDialogService dialogs = new RecordingDialogService();
    protected WizardModel model;
    protected FxTaskExecutor executor;
    protected Stage stage;
    protected WizardWindow window;
    protected Path settings;

    /** Call from the test class's {@code @Start} method (TestFX looks for it on the test class itself). */
    protected void startWizard(Stage stage) {
        this.stage = stage;
        model = new WizardModel();
        executor = new FxTaskExecutor(listeners());
        settings = freshSettingsFolder();
        prepareSettings(settings);
        WizardServices services = new WizardServices(dialogs, executor, Clock.systemDefaultZone(), settings,
                demoScale());
        window = new WizardWindow(stage, model, services);
        window.show(bundleToOpen());
    }

    /** The size of the installation "Try the demo installation" starts; the test size by default. */
    protected DemoScale demoScale() {
        return DemoScale.TESTS;
    }

    /** How the jobs' progress listeners are wrapped, e.g. to hold a job at a known point; unchanged by default. */
    protected UnaryOperator<ProgressListener> listeners() {
        return UnaryOperator.identity();
    }

    /** Writes what the wizard remembers from an earlier use into its fresh settings folder; nothing by default. */
    protected void prepareSettings(Path folder) {
    }

    /** The bundle the wizard is opened with, as if passed on the command line; none by default. */
    protected Path bundleToOpen() {
        return null;
    }

    @AfterEach
    void stopWizard() throws Exception {
        // The model's demo servers and the workers are stopped as WizardApp.stop() would.
        WaitForAsyncUtils.waitForFxEvents();
        executor.shutdown();
        window.close();
        model.close();
        // A test may have chosen another language; the next one starts in the JVM's.
        Locale.setDefault(DEFAULT_LOCALE);
    }

    protected static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for a condition that only an export or import reaches. */
    protected static void waitForJob(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Asks {@code question} on the FX thread, where the scene graph may be read. */
    protected static <T> T onFx(Callable<T> question) throws Exception {
        return WaitForAsyncUtils.asyncFx(question).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The node with {@code id} inside the connection form of the source ("sourceForm") or target. */
    protected <T extends Node> T inForm(String form, String id) {
        return from(lookup("#" + form).queryAs(Node.class)).lookup("#" + id).query();
    }

    private static Path freshSettingsFolder() {
        try {
            Path base = Files.createDirectories(Path.of("target", "ui-test-settings"));
            return Files.createTempDirectory(base, "settings-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
