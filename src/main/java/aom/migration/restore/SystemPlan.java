package aom.migration.restore;

import aom.migration.model.SystemKind;

import java.util.List;

/**
 * What the import does to one system's database.
 *
 * @param system         LIVE, STAGING or TEST
 * @param sourceDatabase the database name in the source (as the bundle recorded it), or {@code null}
 * @param targetDatabase the database it goes to in the target, by the target's naming
 * @param targetExists   whether the target has that database now
 * @param collections    every collection created, replaced or dropped, by name
 * @param targetHost     the hosts (never credentials) of the target database when the system has a host of its own,
 *                       or {@code null} when it is on the main target
 */
public record SystemPlan(SystemKind system, String sourceDatabase, String targetDatabase, boolean targetExists,
                         List<CollectionChange> collections, String targetHost) {

    public SystemPlan {
        collections = List.copyOf(collections);
    }

    /** A system on the main target. */
    public SystemPlan(SystemKind system, String sourceDatabase, String targetDatabase, boolean targetExists,
                      List<CollectionChange> collections) {
        this(system, sourceDatabase, targetDatabase, targetExists, collections, null);
    }

    /** {@code " on <hosts>"} for a database on a host of its own, otherwise empty: for messages. */
    public String onHost() {
        return targetHost == null ? "" : " on " + targetHost;
    }

    /** The documents the target database loses (replaced or dropped collections' current counts). */
    public long targetDocumentsReplaced() {
        return collections.stream().filter(CollectionChange::losesTargetDocuments)
                .mapToLong(CollectionChange::targetDocuments).sum();
    }
}
