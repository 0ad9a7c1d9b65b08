package aom.migration.restore;

import aom.migration.model.DatabaseNaming;

/**
 * What the import knows about where its data came from (a bundle's manifest says it), for the plan's warnings.
 *
 * @param hosts         the source's hosts, never credentials, or {@code null}
 * @param serverVersion the source server's version, or {@code null}
 * @param naming        the source's naming convention, or {@code null}
 */
public record SourceDescription(String hosts, String serverVersion, DatabaseNaming naming) {

    /** Nothing known. */
    public static SourceDescription unknown() {
        return new SourceDescription(null, null, null);
    }
}
