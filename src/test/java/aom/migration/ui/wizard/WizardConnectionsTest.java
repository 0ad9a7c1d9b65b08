package aom.migration.ui.wizard;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WizardConnectionsTest {

    private final WizardConnections connections = new WizardConnections();

    @Test
    void aSourceComesWithItsInstanceHostsWhichPagesCannotChange() {
        ConnectionSettings staging = ConnectionSettings.of("staging-data", 27017);
        List<ConnectionSettings> hostsSeen = new ArrayList<>();
        connections.sourceProperty().addListener((observable, old, now) ->
                hostsSeen.add(connections.sourceInstanceHosts().get(SystemKind.STAGING)));

        connections.useSource(ConnectionSettings.of("source-db", 27017), Map.of(SystemKind.STAGING, staging));

        assertThat(hostsSeen).as("the hosts are in place when the source changes").containsExactly(staging);
        assertThat(connections.sourceFor(SystemKind.STAGING)).isEqualTo(staging);
        assertThat(connections.sourceFor(SystemKind.LIVE).hostsOnly()).isEqualTo("source-db:27017");
        assertThatThrownBy(() -> connections.sourceInstanceHosts().clear())
                .isInstanceOf(UnsupportedOperationException.class);

        connections.useSource(ConnectionSettings.of("other-db", 27017));

        assertThat(connections.sourceInstanceHosts()).isEmpty();
    }

    @Test
    void aNewSessionGetsTheSameConnectionsAndHosts() {
        ConnectionSettings staging = ConnectionSettings.of("staging-data", 27017);
        connections.useSource(ConnectionSettings.of("source-db", 27017));
        connections.useTarget(ConnectionSettings.of("target-db", 27017), Map.of(SystemKind.STAGING, staging));
        WizardConnections next = new WizardConnections();

        connections.copyTo(next);

        assertThat(next.sourceProperty().get()).isEqualTo(connections.sourceProperty().get());
        assertThat(next.targetProperty().get()).isEqualTo(connections.targetProperty().get());
        assertThat(next.targetInstanceHosts()).containsExactlyEntriesOf(Map.of(SystemKind.STAGING, staging));
        assertThat(next.sourceInstanceHosts()).isEmpty();
    }
}
