package aom.migration.mongo;

import aom.migration.model.AppRef;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.NamingDetection;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The open connections to an installation whose systems may live on hosts of their own ({@link InstanceHosts}): the
 * main client (the metadata database, and every system without a host of its own) and one client per extra host.
 * Each extra host is opened once, however many systems live on it; {@link #close} closes what this opened and
 * leaves the main connection to its owner.
 */
public final class SystemHosts implements AutoCloseable {

    private final MongoClient main;
    private final String mainHosts;
    private final Map<SystemKind, MongoClient> clients;
    private final Map<SystemKind, String> hosts;
    private final List<Installation> opened;

    private SystemHosts(MongoClient main, String mainHosts, Map<SystemKind, MongoClient> clients,
                        Map<SystemKind, String> hosts, List<Installation> opened) {
        this.main = main;
        this.mainHosts = mainHosts;
        this.clients = clients;
        this.hosts = hosts;
        this.opened = opened;
    }

    /** Every system on {@code main}. */
    public static SystemHosts mainOnly(Installation main) {
        return mainOnly(main.client(), main.settings().hostsOnly());
    }

    /** Every system on {@code main}, whose hosts are {@code mainHosts}; for callers that hold a bare client. */
    public static SystemHosts mainOnly(MongoClient main, String mainHosts) {
        return new SystemHosts(main, mainHosts, new EnumMap<>(SystemKind.class), new EnumMap<>(SystemKind.class),
                List.of());
    }

    /**
     * Opens the host of every system in {@code instanceHosts}; the others stay on {@code main}.
     *
     * @throws ConnectionFailedException naming the system and its host (never the password) when one cannot be
     *                                   reached; whatever was opened by then is closed again
     */
    public static SystemHosts connect(Installation main, InstanceHosts instanceHosts) {
        return connect(main.client(), main.settings().hostsOnly(), instanceHosts);
    }

    /** {@link #connect(Installation, InstanceHosts)} for callers that hold a bare client. */
    public static SystemHosts connect(MongoClient main, String mainHosts, InstanceHosts instanceHosts) {
        Map<SystemKind, MongoClient> clients = new EnumMap<>(SystemKind.class);
        Map<SystemKind, String> hosts = new EnumMap<>(SystemKind.class);
        Map<String, Installation> byUri = new LinkedHashMap<>();
        List<Installation> opened = new ArrayList<>();
        try {
            for (Map.Entry<SystemKind, ConnectionSettings> entry : instanceHosts.hosts().entrySet()) {
                SystemKind system = entry.getKey();
                ConnectionSettings settings = entry.getValue();
                Installation installation = byUri.get(settings.toUri());
                if (installation == null) {
                    installation = open(system, settings);
                    opened.add(installation);
                    byUri.put(settings.toUri(), installation);
                }
                clients.put(system, installation.client());
                hosts.put(system, settings.hostsOnly());
            }
        } catch (RuntimeException e) {
            opened.forEach(Installation::close);
            throw e;
        }
        return new SystemHosts(main, mainHosts, clients, hosts, List.copyOf(opened));
    }

    private static Installation open(SystemKind system, ConnectionSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new InvalidConnectionException("The " + system + " host " + settings.hostsOnly() + " is not a"
                    + " valid connection: " + String.join("; ", problems));
        }
        try {
            return Installation.connect(settings);
        } catch (ConnectionFailedException e) {
            throw new ConnectionFailedException("Cannot reach the " + system + " host " + settings.hostsOnly()
                    + ": " + e.getMessage(), e);
        } catch (MongoException | IllegalStateException e) {
            throw new ConnectionFailedException("Cannot reach the " + system + " host " + settings.hostsOnly()
                    + ": " + ConnectionErrors.describe(e, settings), e);
        }
    }

    /** The main client: the metadata database and every system without a host of its own. */
    public MongoClient main() {
        return main;
    }

    /** The main installation's hosts (never credentials). */
    public String mainHosts() {
        return mainHosts;
    }

    /** The client that reaches {@code system}'s database. */
    public MongoClient client(SystemKind system) {
        return clients.getOrDefault(system, main);
    }

    /** Whether {@code system} lives on a host of its own. */
    public boolean ownHost(SystemKind system) {
        return clients.containsKey(system);
    }

    /** The hosts of {@code system}'s database (never credentials). */
    public String hostsOnly(SystemKind system) {
        return hosts.getOrDefault(system, mainHosts);
    }

    /** Per system with a host of its own, its hosts (never credentials). */
    public Map<SystemKind, String> ownHosts() {
        return Collections.unmodifiableMap(hosts);
    }

    /** Whether any system lives on a host of its own. */
    public boolean anyOwnHost() {
        return !clients.isEmpty();
    }

    /** The client this holds for {@code hostsOnly} (the main host's or a system's own), if any. */
    public Optional<MongoClient> clientAt(String hostsOnly) {
        if (mainHosts.equals(hostsOnly)) {
            return Optional.of(main);
        }
        return hosts.entrySet().stream().filter(entry -> entry.getValue().equals(hostsOnly)).findFirst()
                .map(entry -> clients.get(entry.getKey()));
    }

    /** The main hosts, followed by each system on a host of its own: {@code h1:27017 (STAGING on h2:27017)}. */
    public String describe() {
        return describe(mainHosts, hosts);
    }

    /** {@link #describe()} for {@code mainHosts} and the hosts of the systems that have their own. */
    public static String describe(String mainHosts, Map<SystemKind, String> ownHosts) {
        if (ownHosts.isEmpty()) {
            return mainHosts;
        }
        List<String> own = new ArrayList<>();
        ownHosts.forEach((system, where) -> own.add(system + " on " + where));
        return mainHosts + " (" + String.join(", ", own) + ")";
    }

    /** Names of the databases on {@code system}'s host. */
    public List<String> databaseNames(SystemKind system) {
        return client(system).listDatabaseNames().into(new ArrayList<>());
    }

    /**
     * The database names that matter for {@code application}, as if every system's database were on one host: the
     * main host's names, except that each system with a host of its own takes its database (by either naming
     * convention) from that host only. Naming detection and "does this system's database exist" read this.
     */
    public List<String> databaseNames(String application) {
        Set<String> names = new LinkedHashSet<>(main.listDatabaseNames().into(new ArrayList<>()));
        Map<MongoClient, Set<String>> listed = new HashMap<>();
        for (SystemKind system : clients.keySet()) {
            Set<String> candidates = candidates(application, system);
            names.removeAll(candidates);
        }
        for (Map.Entry<SystemKind, MongoClient> entry : clients.entrySet()) {
            Set<String> there = listed.computeIfAbsent(entry.getValue(),
                    client -> client.listDatabaseNames().into(new LinkedHashSet<>()));
            for (String candidate : candidates(application, entry.getKey())) {
                if (there.contains(candidate)) {
                    names.add(candidate);
                }
            }
        }
        return List.copyOf(names);
    }

    private static Set<String> candidates(String application, SystemKind system) {
        Set<String> candidates = new LinkedHashSet<>();
        for (DatabaseNaming naming : DatabaseNaming.values()) {
            candidates.add(naming.databaseName(application, system));
        }
        return candidates;
    }

    /**
     * {@code app} as found on the main installation, with its naming detected again and each system's database
     * measured on the host it lives on; {@code app} itself when no system has a host of its own.
     */
    public AppRef withOwnHosts(AppRef app) {
        if (!anyOwnHost()) {
            return app;
        }
        NamingDetection naming = NamingDetection.detect(app.name(), databaseNames(app.name()));
        Map<SystemKind, SystemDatabase> systems = new EnumMap<>(SystemKind.class);
        naming.existingDatabases().forEach((system, database) -> {
            try {
                systems.put(system, Installation.systemDatabase(client(system), system, database));
            } catch (MongoException e) {
                throw new ConnectionFailedException("Cannot measure " + database + " on the " + system + " host "
                        + hostsOnly(system) + ": " + e.getMessage(), e);
            }
        });
        return new AppRef(app.name(), app.displayName(), app.owner(), app.modules(), naming, systems);
    }

    /** Closes the connections this opened; the main one stays open for its owner. */
    @Override
    public void close() {
        opened.forEach(Installation::close);
    }

    @Override
    public String toString() {
        return mainHosts + (hosts.isEmpty() ? "" : " " + hosts);
    }
}
