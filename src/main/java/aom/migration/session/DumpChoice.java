package aom.migration.session;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What of a mongodump directory or archive to import, and how. A dump holds no metadata and does not say which
 * application its databases belong to, so the choice names it; its databases are matched to the systems by name
 * unless {@code map} says otherwise.
 *
 * @param application the application the dump's databases belong to
 * @param map         the dump's databases to load as a system (a {@code null} system: skip the database),
 *                    before the match by name
 * @param systems     the systems to import, or {@code null} for every system a database of the dump maps to
 * @param naming      how the target names the application's databases, or {@code null} to find out (what the target
 *                    uses for it, else the dump's, else dashed)
 */
public record DumpChoice(String application, Map<String, SystemKind> map, Set<SystemKind> systems,
                         DatabaseNaming naming) {

    public DumpChoice {
        map = map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
        if (systems != null) {
            EnumSet<SystemKind> copy = EnumSet.noneOf(SystemKind.class);
            copy.addAll(systems);
            systems = Collections.unmodifiableSet(copy);
        }
    }
}
