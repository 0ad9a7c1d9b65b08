package aom.migration.restore;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the import knows about where its data came from (a bundle's manifest says it), for the plan's warnings and
 * for the report.
 *
 * @param hosts         the source's hosts, never credentials, or {@code null}
 * @param serverVersion the source server's version, or {@code null}
 * @param naming        the source's naming convention, or {@code null}
 * @param application   the application's name in the source, or {@code null} when it is the one imported
 * @param systems       the systems whose data comes from another system of the source (target -> source)
 * @param bundle        the fingerprint of the bundle (the SHA-256 of its manifest, which holds every entry's
 *                      SHA-256), so that a resume can tell it is the same bundle; {@code null} for a dump
 */
public record SourceDescription(String hosts, String serverVersion, DatabaseNaming naming, String application,
                                Map<SystemKind, SystemKind> systems, String bundle) {

    public SourceDescription {
        Map<SystemKind, SystemKind> copy = new EnumMap<>(SystemKind.class);
        if (systems != null) {
            systems.forEach((target, source) -> {
                if (target != source) {
                    copy.put(target, source);
                }
            });
        }
        systems = Collections.unmodifiableMap(copy);
    }

    /** A source whose application and systems are imported as they are. */
    public SourceDescription(String hosts, String serverVersion, DatabaseNaming naming) {
        this(hosts, serverVersion, naming, null, Map.of(), null);
    }

    /** Nothing known. */
    public static SourceDescription unknown() {
        return new SourceDescription(null, null, null);
    }

    /** The system of the source whose data goes into {@code target}. */
    public SystemKind sourceOf(SystemKind target) {
        return systems.getOrDefault(target, target);
    }
}
