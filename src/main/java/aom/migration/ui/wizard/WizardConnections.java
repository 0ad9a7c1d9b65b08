package aom.migration.ui.wizard;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.EnumMap;
import java.util.Map;

/**
 * The source and the target installation of a wizard session, each with the hosts of the systems whose instance data
 * lives elsewhere. Read-only to the pages that use them; the Connections page (and the demo) set a connection and its
 * hosts in one call, so that whoever follows a connection finds its hosts already in place.
 */
public final class WizardConnections {

    private final ReadOnlyObjectWrapper<ConnectionSettings> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionSettings> target = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<SystemKind, ConnectionSettings> sourceInstanceHosts =
            FXCollections.observableMap(new EnumMap<>(SystemKind.class));
    private final ObservableMap<SystemKind, ConnectionSettings> targetInstanceHosts =
            FXCollections.observableMap(new EnumMap<>(SystemKind.class));
    private final ObservableMap<SystemKind, ConnectionSettings> sourceInstanceHostsShown =
            FXCollections.unmodifiableObservableMap(sourceInstanceHosts);
    private final ObservableMap<SystemKind, ConnectionSettings> targetInstanceHostsShown =
            FXCollections.unmodifiableObservableMap(targetInstanceHosts);

    WizardConnections() {
    }

    /** The source installation, once the Connections page is complete. */
    public ReadOnlyObjectProperty<ConnectionSettings> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The target installation, once the Connections page is complete. */
    public ReadOnlyObjectProperty<ConnectionSettings> targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Systems whose instance data lives on another host than the source's metadata; read-only. */
    public ObservableMap<SystemKind, ConnectionSettings> sourceInstanceHosts() {
        return sourceInstanceHostsShown;
    }

    /** Systems whose instance data goes to another host than the target's metadata; read-only. */
    public ObservableMap<SystemKind, ConnectionSettings> targetInstanceHosts() {
        return targetInstanceHostsShown;
    }

    /** The connection that holds {@code system}'s data of the source: its own host if set, else the source. */
    public ConnectionSettings sourceFor(SystemKind system) {
        return sourceInstanceHosts.getOrDefault(system, source.get());
    }

    /** Uses {@code settings} as the source, with all its systems' data there. */
    public void useSource(ConnectionSettings settings) {
        useSource(settings, Map.of());
    }

    /**
     * Uses {@code settings} as the source and {@code instanceHosts} for the systems whose data lives elsewhere (the
     * Connections page's source form). The hosts are in place before the source changes, for whoever follows it.
     */
    public void useSource(ConnectionSettings settings, Map<SystemKind, ConnectionSettings> instanceHosts) {
        use(source, sourceInstanceHosts, settings, instanceHosts);
    }

    /** Uses {@code settings} as the target, with all its systems' data going there. */
    public void useTarget(ConnectionSettings settings) {
        useTarget(settings, Map.of());
    }

    /** Uses {@code settings} as the target and {@code instanceHosts} as {@link #useSource} does for the source. */
    public void useTarget(ConnectionSettings settings, Map<SystemKind, ConnectionSettings> instanceHosts) {
        use(target, targetInstanceHosts, settings, instanceHosts);
    }

    /** Gives {@code next} (a fresh session's) the same connections and hosts. */
    void copyTo(WizardConnections next) {
        next.useSource(source.get(), sourceInstanceHosts);
        next.useTarget(target.get(), targetInstanceHosts);
    }

    private static void use(ReadOnlyObjectWrapper<ConnectionSettings> connection,
                            ObservableMap<SystemKind, ConnectionSettings> hosts, ConnectionSettings settings,
                            Map<SystemKind, ConnectionSettings> instanceHosts) {
        // A copy first: the hosts given may be these very hosts, which clear() would empty.
        Map<SystemKind, ConnectionSettings> wanted = Map.copyOf(instanceHosts);
        hosts.clear();
        hosts.putAll(wanted);
        connection.set(settings);
    }
}
