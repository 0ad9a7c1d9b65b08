package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;

import java.util.EnumMap;
import java.util.Map;

/**
 * A saved connection: a name, its connection string and the optional instance-data hosts. Holds passwords only
 * when the user ticked "remember password".
 *
 * @param name             what the user called it
 * @param uri              the connection string, see {@link ConnectionUri}
 * @param rememberPassword whether {@code uri} includes the passwords
 * @param instanceHosts    connection strings of systems whose data lives elsewhere
 */
public record ConnectionProfile(String name, String uri, boolean rememberPassword,
                                Map<SystemKind, String> instanceHosts) {

    public ConnectionProfile {
        instanceHosts = instanceHosts == null ? Map.of() : Map.copyOf(instanceHosts);
    }

    /** A profile of {@code settings}; passwords are dropped unless {@code rememberPassword}. */
    public static ConnectionProfile of(String name, ConnectionSettings settings,
                                       Map<SystemKind, ConnectionSettings> instanceHosts, boolean rememberPassword) {
        Map<SystemKind, String> hosts = new EnumMap<>(SystemKind.class);
        instanceHosts.forEach((system, host) -> hosts.put(system, ConnectionUri.of(host, rememberPassword)));
        return new ConnectionProfile(name, ConnectionUri.of(settings, rememberPassword), rememberPassword, hosts);
    }

    /** Shown in the saved-connections list. */
    @Override
    public String toString() {
        return name;
    }
}
