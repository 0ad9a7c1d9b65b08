package aom.migration.restore;

import aom.migration.data.CollectionSource;
import aom.migration.dump.DumpArchive;
import aom.migration.dump.DumpContents;
import aom.migration.model.BadInputException;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an opened mongodump directory or archive into an {@link ImportRequest}: which of the dump's databases holds
 * which system of the application. A dump has no metadata, so the request leaves the target's metadata alone; its
 * data goes through the same staging, swap and verification as a bundle's.
 */
public final class DumpImport {

    private DumpImport() {
    }

    /**
     * Which database of a dump goes to which system.
     *
     * @param systems      system -> the dump's database holding it
     * @param unmapped     the dump's databases that go nowhere (skipped)
     * @param sourceNaming the naming convention the mapped database names follow, or {@code null} when they do not
     *                     tell (only LIVE, or names chosen by hand)
     */
    public record Mapping(Map<SystemKind, String> systems, List<String> unmapped, DatabaseNaming sourceNaming) {

        public Mapping {
            Map<SystemKind, String> copy = new EnumMap<>(SystemKind.class);
            copy.putAll(systems);
            systems = Collections.unmodifiableMap(copy);
            unmapped = List.copyOf(unmapped);
        }

        /** The same mapping with only {@code wanted} systems; the others' databases become unmapped. */
        public Mapping only(Set<SystemKind> wanted) {
            Map<SystemKind, String> kept = new EnumMap<>(SystemKind.class);
            List<String> skipped = new ArrayList<>(unmapped);
            systems.forEach((system, database) -> {
                if (wanted.contains(system)) {
                    kept.put(system, database);
                } else {
                    skipped.add(database);
                }
            });
            return new Mapping(kept, skipped.stream().sorted().toList(), sourceNaming);
        }
    }

    /**
     * Proposes a mapping from the naming conventions ({@code <App>}, {@code <App>-staging} or {@code <App>STAGING},
     * {@code <App>-test} or {@code <App>TEST}), then applies the user's {@code overrides} (database -> system, or
     * {@code null} to skip a database).
     *
     * @throws IllegalArgumentException when an override names a database the dump lacks, or two databases end up
     *                                  on one system
     */
    public static Mapping propose(String application, List<String> databases, Map<String, SystemKind> overrides) {
        for (String database : overrides.keySet()) {
            if (!databases.contains(database)) {
                throw new BadInputException("The dump has no database '" + database + "' (it has: "
                        + (databases.isEmpty() ? "none" : String.join(", ", databases)) + ")");
            }
        }
        Map<String, SystemKind> chosen = new LinkedHashMap<>();
        DatabaseNaming naming = null;
        for (String database : databases) {
            if (overrides.containsKey(database)) {
                SystemKind system = overrides.get(database);
                if (system != null) {
                    chosen.put(database, system);
                }
                continue;
            }
            for (DatabaseNaming candidate : DatabaseNaming.values()) {
                for (SystemKind system : SystemKind.values()) {
                    if (candidate.databaseName(application, system).equals(database)) {
                        chosen.putIfAbsent(database, system);
                        if (system != SystemKind.LIVE) {
                            naming = candidate;
                        }
                    }
                }
            }
        }
        Map<SystemKind, String> systems = new EnumMap<>(SystemKind.class);
        List<String> unmapped = new ArrayList<>();
        for (String database : databases) {
            SystemKind system = chosen.get(database);
            if (system == null) {
                unmapped.add(database);
                continue;
            }
            String other = systems.put(system, database);
            if (other != null) {
                throw new BadInputException("Both " + other + " and " + database + " would be loaded as "
                        + system + "; choose one with --map " + other + "=" + system + " and skip the other with"
                        + " --map " + database + "=SKIP");
            }
        }
        return new Mapping(systems, unmapped, naming);
    }

    /**
     * The request to load {@code dump}'s databases as {@code mapping} says into the application's databases of a
     * target that follows {@code targetNaming}.
     *
     * @throws IllegalArgumentException when the mapping maps nothing
     */
    public static ImportRequest request(DumpContents dump, String application, Mapping mapping,
                                        DatabaseNaming targetNaming) {
        if (mapping.systems().isEmpty()) {
            throw new BadInputException("No database of the dump maps to a system of " + application
                    + " (the dump has: " + String.join(", ", dump.databases()) + "); name them with --map <db>=LIVE");
        }
        Map<SystemKind, List<CollectionSource>> data = new EnumMap<>(SystemKind.class);
        mapping.systems().forEach((system, database) -> data.put(system, dump.collections(database)));
        String serverVersion = dump instanceof DumpArchive archive ? archive.header().serverVersion() : null;
        if (serverVersion != null && (serverVersion.isBlank() || serverVersion.equals("unknown"))) {
            serverVersion = null;
        }
        return new ImportRequest(application, targetNaming, data, null, ExtractionProfile.defaults(),
                new SourceDescription(null, serverVersion, mapping.sourceNaming()));
    }
}
