package aom.migration.mongo;

import aom.migration.model.SystemKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The systems of an installation whose instance data (the LIVE, STAGING or TEST database) lives on another MongoDB
 * than the global metadata database, with the connection of each. A system that is absent lives on the main host.
 * Holds settings only; {@link SystemHosts#connect} opens them.
 *
 * @param hosts the connection of each system with a host of its own
 */
public record InstanceHosts(Map<SystemKind, ConnectionSettings> hosts) {

    private static final InstanceHosts NONE = new InstanceHosts(Map.of());

    public InstanceHosts {
        Map<SystemKind, ConnectionSettings> copy = new EnumMap<>(SystemKind.class);
        if (hosts != null) {
            hosts.forEach((system, settings) -> {
                if (system != null && settings != null) {
                    copy.put(system, settings);
                }
            });
        }
        hosts = Collections.unmodifiableMap(copy);
    }

    /** Every system on the main host. */
    public static InstanceHosts none() {
        return NONE;
    }

    /** {@code hosts}, or {@link #none()} for {@code null}. */
    public static InstanceHosts of(Map<SystemKind, ConnectionSettings> hosts) {
        return hosts == null || hosts.isEmpty() ? NONE : new InstanceHosts(hosts);
    }

    public boolean isEmpty() {
        return hosts.isEmpty();
    }

    /** The connection of {@code system}'s own host, or empty when it lives on the main host. */
    public Optional<ConnectionSettings> host(SystemKind system) {
        return Optional.ofNullable(hosts.get(system));
    }

    /** The same with {@code system} on {@code settings}. */
    public InstanceHosts with(SystemKind system, ConnectionSettings settings) {
        Map<SystemKind, ConnectionSettings> copy = new EnumMap<>(SystemKind.class);
        copy.putAll(hosts);
        copy.put(system, settings);
        return new InstanceHosts(copy);
    }

    /** Per system with a host of its own, its hosts without credentials ({@code STAGING -> h2:27017}). */
    public Map<SystemKind, String> hostsOnly() {
        Map<SystemKind, String> result = new EnumMap<>(SystemKind.class);
        hosts.forEach((system, settings) -> result.put(system, settings.hostsOnly()));
        return Collections.unmodifiableMap(result);
    }

    @Override
    public String toString() {
        return "InstanceHosts" + hostsOnly();
    }
}
