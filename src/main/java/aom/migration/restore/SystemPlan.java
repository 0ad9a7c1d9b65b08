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
 */
public record SystemPlan(SystemKind system, String sourceDatabase, String targetDatabase, boolean targetExists,
                         List<CollectionChange> collections) {

    public SystemPlan {
        collections = List.copyOf(collections);
    }

    /** The documents the target database loses (replaced or dropped collections' current counts). */
    public long targetDocumentsReplaced() {
        return collections.stream().filter(CollectionChange::losesTargetDocuments)
                .mapToLong(CollectionChange::targetDocuments).sum();
    }
}
