package aom.migration.restore;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What merging one application's metadata into the target's {@code apiomat} database will do, entity by entity,
 * computed without writing anything. {@link MetadataMerger#apply} carries it out.
 */
public final class MetadataMergePlan {

    /** One document the merge writes: an insert of a new entity or the replacement of an existing one. */
    record PlannedWrite(String collection, String key, BsonValue id, BsonDocument document, boolean insert,
                        boolean resetPassword) {
    }

    private final String application;
    private final String database;
    private final List<EntityChange> changes;
    private final List<String> warnings;
    private final List<PlannedWrite> writes;
    private final Map<String, List<BsonValue>> deletions;
    private final Map<String, Set<BsonValue>> rollbackIds;
    private final Map<String, Set<BsonValue>> expectedPresent;

    MetadataMergePlan(String application, String database, List<EntityChange> changes, List<String> warnings,
                      List<PlannedWrite> writes, Map<String, List<BsonValue>> deletions,
                      Map<String, Set<BsonValue>> rollbackIds, Map<String, Set<BsonValue>> expectedPresent) {
        this.application = application;
        this.database = database;
        this.changes = List.copyOf(changes);
        this.warnings = List.copyOf(warnings);
        this.writes = List.copyOf(writes);
        this.deletions = copy(deletions);
        this.rollbackIds = copySets(rollbackIds);
        this.expectedPresent = copySets(expectedPresent);
    }

    public String application() {
        return application;
    }

    /** The metadata database, {@code apiomat}. */
    public String database() {
        return database;
    }

    /** Every entity of the import and every entity of the application that only the target has. */
    public List<EntityChange> changes() {
        return changes;
    }

    /** The changes with one outcome. */
    public List<EntityChange> changes(EntityOutcome outcome) {
        return changes.stream().filter(change -> change.outcome() == outcome).toList();
    }

    /** How many entities get each outcome (every outcome is present, possibly with 0). */
    public Map<EntityOutcome, Integer> counts() {
        Map<EntityOutcome, Integer> counts = new EnumMap<>(EntityOutcome.class);
        for (EntityOutcome outcome : EntityOutcome.values()) {
            counts.put(outcome, 0);
        }
        changes.forEach(change -> counts.merge(change.outcome(), 1, Integer::sum));
        return counts;
    }

    /** Dangling references, conflicts and other things a support engineer should read before confirming. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether applying the plan changes the target at all. */
    public boolean changesTarget() {
        return !writes.isEmpty() || deletions.values().stream().anyMatch(list -> !list.isEmpty());
    }

    List<PlannedWrite> writes() {
        return writes;
    }

    Map<String, List<BsonValue>> deletions() {
        return deletions;
    }

    /** Ids of every target document to save before the merge: the application's slice and all it touches. */
    Map<String, Set<BsonValue>> rollbackIds() {
        return rollbackIds;
    }

    /** Ids of the documents that must exist after the merge, per collection (kept, identical, written). */
    Map<String, Set<BsonValue>> expectedPresent() {
        return expectedPresent;
    }

    /** Ids the merge inserts, per collection. */
    Map<String, List<BsonValue>> insertedIds() {
        Map<String, List<BsonValue>> inserted = new LinkedHashMap<>();
        for (PlannedWrite write : writes) {
            if (write.insert()) {
                inserted.computeIfAbsent(write.collection(), c -> new ArrayList<>()).add(write.id());
            }
        }
        return inserted;
    }

    private static Map<String, List<BsonValue>> copy(Map<String, List<BsonValue>> map) {
        Map<String, List<BsonValue>> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, List.copyOf(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Set<BsonValue>> copySets(Map<String, Set<BsonValue>> map) {
        Map<String, Set<BsonValue>> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, Collections.unmodifiableSet(new LinkedHashSet<>(value))));
        return Collections.unmodifiableMap(copy);
    }
}
