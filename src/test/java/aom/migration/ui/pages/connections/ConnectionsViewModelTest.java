package aom.migration.ui.pages.connections;

import aom.migration.demo.DemoScale;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.ui.RecordingDialogService;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionsViewModelTest {

    @TempDir
    Path settings;

    private final WizardModel model = new WizardModel();

    private ConnectionsViewModel page() {
        return new ConnectionsViewModel(model, new WizardServices(new RecordingDialogService(),
                new CurrentThreadTaskExecutor(), Clock.systemUTC(), settings, DemoScale.TESTS));
    }

    @Test
    void exportNeedsOnlyAValidSource() {
        model.chooseFlow(WizardFlow.EXPORT);
        ConnectionsViewModel page = page();

        assertThat(page.showSourceProperty().get()).isTrue();
        assertThat(page.showTargetProperty().get()).isFalse();
        assertThat(page.canGoNextProperty().get()).isFalse();
        page.source().uriProperty().set("mongodb://source-db/");
        assertThat(page.canGoNextProperty().get()).isTrue();
    }

    @Test
    void importNeedsOnlyAValidTarget() {
        model.chooseFlow(WizardFlow.IMPORT);
        ConnectionsViewModel page = page();

        page.target().uriProperty().set("mongodb://target-db/");

        assertThat(page.showSourceProperty().get()).isFalse();
        assertThat(page.canGoNextProperty().get()).isTrue();
    }

    @Test
    void migrateNeedsBothAndAnInvalidOneKeepsNextDisabled() {
        ConnectionsViewModel page = page();
        model.chooseFlow(WizardFlow.MIGRATE);
        page.source().uriProperty().set("mongodb://source-db/");
        page.target().uriProperty().set("mongodb://target-db:99999/");

        assertThat(page.canGoNextProperty().get()).isFalse();
        page.target().uriProperty().set("mongodb://target-db:27017/");
        assertThat(page.canGoNextProperty().get()).isTrue();
    }

    @Test
    void commitStoresTheConnectionsAndInstanceHostsInTheModel() {
        ConnectionsViewModel page = page();
        model.chooseFlow(WizardFlow.MIGRATE);
        page.source().uriProperty().set("mongodb://source-db/");
        page.source().separateInstanceHostsProperty().set(true);
        page.source().instanceUriProperty(SystemKind.TEST).set("mongodb://test-data/");
        page.target().uriProperty().set("mongodb://target-db/");

        page.commit();

        assertThat(model.connections().sourceProperty().get().hostsOnly()).isEqualTo("source-db:27017");
        assertThat(model.connections().targetProperty().get().hostsOnly()).isEqualTo("target-db:27017");
        assertThat(model.connections().sourceFor(SystemKind.TEST).hostsOnly()).isEqualTo("test-data:27017");
        assertThat(model.connections().sourceFor(SystemKind.LIVE).hostsOnly()).isEqualTo("source-db:27017");
        assertThat(model.connections().targetInstanceHosts()).isEmpty();
    }

    @Test
    void connectionsSetElsewhereAppearInTheForms() {
        ConnectionsViewModel page = page();

        model.connections().useSource(ConnectionSettings.of("127.0.0.1", 40001));
        model.connections().useTarget(ConnectionSettings.of("127.0.0.1", 40002));

        assertThat(page.source().uriProperty().get()).isEqualTo("mongodb://127.0.0.1:40001/");
        assertThat(page.target().uriProperty().get()).isEqualTo("mongodb://127.0.0.1:40002/");
        assertThat(page.source().validProperty().get()).isTrue();
    }
}
