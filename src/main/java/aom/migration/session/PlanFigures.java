package aom.migration.session;

import aom.migration.restore.CollectionAction;
import aom.migration.restore.CollectionChange;
import aom.migration.restore.EntityOutcome;
import aom.migration.restore.ImportPlan;
import aom.migration.restore.MetadataMergePlan;
import aom.migration.restore.SystemPlan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An import plan in numbers, for the preview and the Confirm page: per system what happens to the target's
 * collections, and how many metadata entities are new, overwritten, kept, removed or in conflict.
 *
 * @param systems  one line per system the import touches
 * @param metadata entities per outcome; empty when the import leaves the metadata alone
 */
public record PlanFigures(List<SystemFigures> systems, Map<EntityOutcome, Integer> metadata) {

    /**
     * What the import does to one system's database.
     *
     * @param plan      the system's part of the plan
     * @param created   collections the target lacks
     * @param replaced  collections whose documents are replaced
     * @param dropped   collections only the target has
     * @param documentsLost documents of the target replaced or dropped
     */
    public record SystemFigures(SystemPlan plan, int created, int replaced, int dropped, long documentsLost) {
    }

    public PlanFigures {
        systems = List.copyOf(systems);
        metadata = Map.copyOf(metadata);
    }

    public static PlanFigures of(ImportPlan plan) {
        List<SystemFigures> systems = plan.systems().stream().map(PlanFigures::figures).toList();
        Map<EntityOutcome, Integer> metadata = plan.metadata().map(MetadataMergePlan::counts)
                .map(counts -> (Map<EntityOutcome, Integer>) new EnumMap<>(counts)).orElse(Map.of());
        return new PlanFigures(systems, metadata);
    }

    private static SystemFigures figures(SystemPlan system) {
        int created = 0;
        int replaced = 0;
        int dropped = 0;
        for (CollectionChange change : system.collections()) {
            if (change.action() == CollectionAction.CREATE) {
                created++;
            } else if (change.action() == CollectionAction.REPLACE) {
                replaced++;
            } else {
                dropped++;
            }
        }
        return new SystemFigures(system, created, replaced, dropped, system.targetDocumentsReplaced());
    }

    public boolean includesMetadata() {
        return !metadata.isEmpty();
    }

    public int newEntities() {
        return count(EntityOutcome.NEW);
    }

    public int overwritten() {
        return count(EntityOutcome.OVERWRITE);
    }

    /** Kept as the target has them: shared entities, entities still in use elsewhere, identical ones. */
    public int kept() {
        return count(EntityOutcome.KEPT_FROM_TARGET) + count(EntityOutcome.KEPT_IN_USE)
                + count(EntityOutcome.IDENTICAL);
    }

    public int removed() {
        return count(EntityOutcome.REMOVED);
    }

    public int conflicts() {
        return count(EntityOutcome.CONFLICT);
    }

    private int count(EntityOutcome outcome) {
        return metadata.getOrDefault(outcome, 0);
    }
}
