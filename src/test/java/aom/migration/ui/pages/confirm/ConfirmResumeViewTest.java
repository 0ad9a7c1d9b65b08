package aom.migration.ui.pages.confirm;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.demo.EmbeddedServer;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.progress.CancellationToken;
import aom.migration.session.OpenedBundle;
import aom.migration.ui.DemoBundles;
import aom.migration.ui.LayoutCheck;
import aom.migration.ui.PngWriter;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.Resources;
import aom.migration.ui.ViewLoader;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import atlantafx.base.theme.PrimerLight;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.RadioButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Confirm page over a target that holds an interrupted import of the same bundle: the choice to resume it (with
 * how far it got) or to roll it back and start over is shown whole, in English and in German. With
 * {@code -Daom.screenshots=DIR} the page renders itself.
 */
@ExtendWith(ApplicationExtension.class)
class ConfirmResumeViewTest {

    private static final Locale DEFAULT_LOCALE = Locale.getDefault();

    private static DemoServers demo;
    private static EmbeddedServer target;
    private static Path bundle;

    @TempDir
    static Path shared;
    @TempDir
    Path settings;

    private Stage stage;
    private final WizardModel model = new WizardModel();

    @BeforeAll
    static void interruptAnImport() throws Exception {
        demo = DemoServers.start(DemoScale.TESTS);
        bundle = DemoBundles.conferenceApp(demo, shared);
        target = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(target.uri())) {
            DemoInstallation.writeTarget(client, DemoScale.TESTS);
        }
        ConfirmPlacementTest.interruptAnImport(bundle, target.uri());
    }

    @AfterAll
    static void stopServers() {
        target.close();
        demo.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        Locale.setDefault(DEFAULT_LOCALE);
        model.close();
    }

    @Test
    void theResumeChoiceIsShownWholeInEnglish(FxRobot robot) throws Exception {
        show(robot, Locale.ENGLISH);

        RadioButton resume = robot.lookup("#resumeChoice").queryAs(RadioButton.class);
        assertThat(resume.isVisible()).isTrue();
        assertThat(resume.isSelected()).isTrue();
        assertThat(resume.getText()).matches("Resume \\(\\d+ of 29 collections already loaded and verified\\)");
        assertThat(robot.lookup("#startOverChoice").queryAs(RadioButton.class).getText())
                .isEqualTo("Roll back and start over");
        assertThat(problems("en")).isEmpty();
    }

    @Test
    void theResumeChoiceIsShownWholeInGerman(FxRobot robot) throws Exception {
        show(robot, Locale.GERMAN);

        assertThat(robot.lookup("#resumeChoice").queryAs(RadioButton.class).getText())
                .matches("Fortsetzen \\(\\d+ von 29 Collections schon geladen und gepr\u00fcft\\)");
        assertThat(problems("de")).isEmpty();
    }

    private void show(FxRobot robot, Locale locale) throws Exception {
        Locale.setDefault(locale);
        model.chooseFlow(WizardFlow.IMPORT);
        model.chooseBundle(bundle);
        model.bundleOpened(OpenedBundle.open(bundle, CancellationToken.none()));
        model.connections().useTarget(ConnectionSettings.fromUri(target.uri()));
        ConfirmViewModel page = new ConfirmViewModel(model, new WizardServices(new RecordingDialogService(),
                new CurrentThreadTaskExecutor(), Clock.systemUTC(), settings, DemoScale.TESTS));
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Parent root = ViewLoader.load("pages/confirm/ConfirmView.fxml", new ConfirmView(page));
            Scene scene = new Scene(root, 1024, 560);
            scene.getStylesheets().add(Resources.url("wizard.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            page.enter();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page.resumableProperty().get() != null
                && !page.planningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Cut texts (and, in German, English) on the page; renders it when screenshots are asked for. */
    private List<String> problems(String language) throws Exception {
        Parent root = stage.getScene().getRoot();
        List<String> found = WaitForAsyncUtils.asyncFx(() -> {
            List<String> seen = new java.util.ArrayList<>(LayoutCheck.cutTexts(root));
            if (language.equals("de")) {
                seen.addAll(LayoutCheck.englishTexts(root));
            }
            return seen;
        }).get(30, TimeUnit.SECONDS);
        String screenshots = System.getProperty("aom.screenshots");
        if (screenshots != null && !screenshots.isBlank()) {
            WritableImage[] image = new WritableImage[1];
            WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().snapshot(null)).get(30, TimeUnit.SECONDS);
            PngWriter.write(image[0], Path.of(screenshots, "confirm-resume-" + language + ".png"));
        }
        return found;
    }
}
