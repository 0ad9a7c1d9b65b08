package aom.migration.ui.pages.start;

import aom.migration.demo.DemoScale;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.settings.RecentBundles;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class StartViewModelTest {

    @TempDir
    Path settings;

    private final WizardModel model = new WizardModel();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    private StartViewModel page() {
        StartViewModel page = new StartViewModel(model, new WizardServices(dialogs, new CurrentThreadTaskExecutor(),
                Clock.fixed(Instant.parse("2024-03-01T10:15:00Z"), ZoneOffset.UTC), settings, DemoScale.TESTS));
        model.navigation().register(PageId.START, page);
        PageViewModel anyPage = () -> new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
        model.navigation().register(PageId.CONNECTIONS, anyPage);
        model.navigation().register(PageId.PREVIEW, anyPage);
        return page;
    }

    @AfterEach
    void stopDemo() {
        model.close();
    }

    @Test
    void exportAndMigrateCanStartRightAway() {
        StartViewModel page = page();

        assertThat(page.canGoNextProperty().get()).isTrue();
        page.chooseFlow(WizardFlow.MIGRATE);
        assertThat(page.canGoNextProperty().get()).isTrue();
    }

    @Test
    void importNeedsABundle() throws Exception {
        StartViewModel page = page();
        Path bundle = Files.createFile(settings.resolve("ConferenceApp-20240301-101500.aombundle"));

        page.chooseFlow(WizardFlow.IMPORT);
        assertThat(page.canGoNextProperty().get()).isFalse();

        dialogs.fileAnswer = bundle;
        page.chooseBundle();

        assertThat(page.bundleToImportProperty().get()).isEqualTo(bundle);
        assertThat(page.canGoNextProperty().get()).isTrue();
        assertThat(dialogs.fileRequests).singleElement().satisfies(request ->
                assertThat(request.fileTypes().get(0).patterns()).containsExactly("*.aombundle"));
    }

    @Test
    void goingOnWithABundleRemembersItAsRecent() throws Exception {
        StartViewModel page = page();
        Path bundle = Files.createFile(settings.resolve("ShopApp-20240301-101500.aombundle"));
        dialogs.fileAnswer = bundle;
        page.chooseBundle();

        model.navigation().next();

        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.PREVIEW);
        assertThat(model.bundleFileProperty().get()).isEqualTo(bundle);
        assertThat(new RecentBundles(settings).load()).singleElement().satisfies(recent -> {
            assertThat(recent.path()).isEqualTo(bundle.toAbsolutePath());
            assertThat(recent.lastUsed()).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
        });
        assertThat(page.recentBundles()).singleElement().extracting(RecentBundleItem::exists).isEqualTo(true);
    }

    @Test
    void recentBundlesAreListedAndMissingOnesCannotBeOpened() throws Exception {
        Path present = Files.createFile(settings.resolve("present.aombundle"));
        Path gone = settings.resolve("gone.aombundle");
        RecentBundles recent = new RecentBundles(settings);
        recent.add(gone, Instant.parse("2024-02-01T00:00:00Z"));
        recent.add(present, Instant.parse("2024-02-02T00:00:00Z"));
        StartViewModel page = page();

        page.enter();

        assertThat(page.recentBundles()).extracting(RecentBundleItem::exists).containsExactly(true, false);
        page.openRecent(page.recentBundles().get(1));
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.START);
        page.openRecent(page.recentBundles().get(0));
        assertThat(model.getFlow()).isEqualTo(WizardFlow.IMPORT);
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.PREVIEW);
        assertThat(model.bundleFileProperty().get()).isEqualTo(present.toAbsolutePath());
    }

    @Test
    void theDemoFillsBothConnectionsAndGoesOnWithTheChosenTask() {
        StartViewModel page = page();
        page.chooseFlow(WizardFlow.MIGRATE);

        page.startDemo();

        assertThat(page.demoStateProperty().get()).isEqualTo(StartViewModel.DemoState.RUNNING);
        assertThat(model.demo().serversProperty().get()).isNotNull();
        assertThat(model.connections().sourceProperty().get().hostsOnly())
                .isEqualTo(model.demo().serversProperty().get().source().settings().hostsOnly());
        assertThat(model.connections().targetProperty().get().hostsOnly())
                .isEqualTo(model.demo().serversProperty().get().target().settings().hostsOnly());
        assertThat(model.getFlow()).isEqualTo(WizardFlow.MIGRATE);
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.CONNECTIONS);
        assertThat(page.demoStatusProperty().get()).contains(model.demo().serversProperty().get().source().uri());
    }

    @Test
    void theDemoKeepsAnExportAnExport() {
        StartViewModel page = page();
        page.chooseFlow(WizardFlow.EXPORT);

        page.startDemo();

        assertThat(model.getFlow()).isEqualTo(WizardFlow.EXPORT);
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.CONNECTIONS);
        assertThat(model.connections().sourceProperty().get())
                .isEqualTo(model.demo().serversProperty().get().source().settings());
    }

    @Test
    void theDemoForAnImportWaitsForTheBundleAndSaysSo() {
        StartViewModel page = page();
        page.chooseFlow(WizardFlow.IMPORT);

        page.startDemo();

        assertThat(model.getFlow()).isEqualTo(WizardFlow.IMPORT);
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.START);
        assertThat(model.connections().targetProperty().get())
                .isEqualTo(model.demo().serversProperty().get().target().settings());
        assertThat(page.demoStatusProperty().get()).endsWith("Choose a bundle to import into the demo target.");
    }

    @Test
    void startingTheDemoAgainReusesTheRunningServers() {
        StartViewModel page = page();
        page.startDemo();
        Object first = model.demo().serversProperty().get();
        model.restart();

        page.startDemo();

        assertThat(model.demo().serversProperty().get()).isSameAs(first);
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.CONNECTIONS);
    }

    @Test
    void closingTheModelStopsTheDemoServers() {
        StartViewModel page = page();
        page.startDemo();
        int port = model.demo().serversProperty().get().source().port();

        model.close();

        assertThat(model.demo().serversProperty().get()).isNull();
        assertThat(portIsFree(port)).isTrue();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
