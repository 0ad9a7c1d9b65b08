package aom.migration.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which naming convention an application's databases follow on one installation, found by listing the
 * databases. When the list cannot tell (both conventions present, or only the LIVE database, or nothing),
 * {@link #naming()} is empty or an assumption, and {@link #report()} says why in words a support engineer can act
 * on; the user can then override it.
 */
public record NamingDetection(
        String application,
        Outcome outcome,
        DatabaseNaming naming,
        Map<SystemKind, String> existingDatabases,
        String report) {

    /** What the database list showed. */
    public enum Outcome {
        /** Only databases of one convention exist. */
        DETECTED,
        /** Only the LIVE database exists, so the convention cannot be told; dashed is assumed. */
        ONLY_LIVE,
        /** Databases of both conventions exist; the user has to choose. */
        AMBIGUOUS,
        /** No database of the application exists. */
        NONE
    }

    public NamingDetection {
        Map<SystemKind, String> copy = new EnumMap<>(SystemKind.class);
        copy.putAll(existingDatabases);
        existingDatabases = Collections.unmodifiableMap(copy);
    }

    /** Detects the convention of {@code app} from the installation's database names. */
    public static NamingDetection detect(String app, Collection<String> databaseNames) {
        Set<String> names = Set.copyOf(databaseNames);
        boolean live = names.contains(app);
        Map<SystemKind, String> dashed = existing(app, DatabaseNaming.DASHED, names);
        Map<SystemKind, String> suffixed = existing(app, DatabaseNaming.SUFFIXED, names);
        boolean dashedOnly = dashed.size() > (live ? 1 : 0);
        boolean suffixedOnly = suffixed.size() > (live ? 1 : 0);
        if (dashedOnly && suffixedOnly) {
            return new NamingDetection(app, Outcome.AMBIGUOUS, null, Map.of(),
                    "Both naming conventions exist for " + app + ": " + String.join(", ", dashed.values())
                            + " and " + String.join(", ", suffixed.values()) + ". Choose one.");
        }
        if (dashedOnly) {
            return new NamingDetection(app, Outcome.DETECTED, DatabaseNaming.DASHED, dashed,
                    "Dashed naming (" + String.join(", ", dashed.values()) + ")");
        }
        if (suffixedOnly) {
            return new NamingDetection(app, Outcome.DETECTED, DatabaseNaming.SUFFIXED, suffixed,
                    "Suffixed naming (" + String.join(", ", suffixed.values()) + ")");
        }
        if (live) {
            return new NamingDetection(app, Outcome.ONLY_LIVE, DatabaseNaming.DASHED, Map.of(SystemKind.LIVE, app),
                    "Only the LIVE database " + app + " exists; assuming dashed naming for the other systems");
        }
        return new NamingDetection(app, Outcome.NONE, null, Map.of(),
                "No database of " + app + " exists on this installation");
    }

    /** The same detection with the convention chosen by the user. */
    public NamingDetection overriddenWith(DatabaseNaming chosen, Collection<String> databaseNames) {
        Map<SystemKind, String> found = existing(application, chosen, Set.copyOf(databaseNames));
        return new NamingDetection(application, Outcome.DETECTED, chosen, found,
                chosen.name().charAt(0) + chosen.name().substring(1).toLowerCase() + " naming (chosen by the user)");
    }

    public Optional<DatabaseNaming> namingIfKnown() {
        return Optional.ofNullable(naming);
    }

    /** The database name of {@code system}, whether or not it exists yet, or empty when no convention applies. */
    public Optional<String> databaseName(SystemKind system) {
        return namingIfKnown().map(n -> n.databaseName(application, system));
    }

    private static Map<SystemKind, String> existing(String app, DatabaseNaming naming, Set<String> names) {
        Map<SystemKind, String> found = new EnumMap<>(SystemKind.class);
        for (SystemKind system : SystemKind.values()) {
            String name = naming.databaseName(app, system);
            if (names.contains(name)) {
                found.put(system, name);
            }
        }
        return found;
    }
}
