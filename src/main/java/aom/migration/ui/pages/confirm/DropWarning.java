package aom.migration.ui.pages.confirm;

import aom.migration.restore.CollectionAction;
import aom.migration.restore.CollectionChange;
import aom.migration.restore.EntityChange;
import aom.migration.restore.EntityOutcome;
import aom.migration.restore.ImportPlan;
import aom.migration.restore.SystemPlan;
import aom.migration.ui.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One line of the Confirm page's drop warnings: a target collection whose documents the import replaces or drops,
 * with how many it holds now, or a metadata entity the import removes.
 *
 * @param database        the target database
 * @param name            the collection, or for an entity its collection and natural key
 * @param action          what happens, in words
 * @param isCollection    whether this line is a collection; otherwise a metadata entity, which holds no documents
 * @param targetDocuments documents the target holds there now; 0 for an entity
 * @param importDocuments documents it holds after the import; empty when not known or for an entity
 */
public record DropWarning(String database, String name, String action, boolean isCollection, long targetDocuments,
                          OptionalLong importDocuments) {

    /** Every replaced or dropped collection of every system, then every removed metadata entity. */
    public static List<DropWarning> of(ImportPlan plan) {
        List<DropWarning> warnings = new ArrayList<>();
        for (SystemPlan system : plan.systems()) {
            for (CollectionChange change : system.collections()) {
                if (change.action() == CollectionAction.CREATE) {
                    continue;
                }
                String action = change.action() == CollectionAction.DROP
                        ? Messages.get(change.view() ? "confirm.drop.view" : "confirm.drop.dropped")
                        : Messages.get("confirm.drop.replaced");
                warnings.add(new DropWarning(system.targetDatabase(), change.collection(), action, true,
                        change.targetDocuments(), documentsAfter(change)));
            }
        }
        plan.metadata().ifPresent(merge -> {
            for (EntityChange change : merge.changes(EntityOutcome.REMOVED)) {
                warnings.add(new DropWarning(merge.database(), change.collection() + ": " + change.key(),
                        Messages.get("confirm.drop.removed"), false, 0, OptionalLong.empty()));
            }
        });
        return warnings;
    }

    /** What the target holds there now, for the table: nothing to count for an entity. */
    public OptionalLong documentsNow() {
        return isCollection ? OptionalLong.of(targetDocuments) : OptionalLong.empty();
    }

    private static OptionalLong documentsAfter(CollectionChange change) {
        if (change.action() == CollectionAction.DROP) {
            return OptionalLong.of(0);
        }
        // The engine says -1 when the bundle does not know how many documents the collection brings.
        return change.importDocuments() < 0 ? OptionalLong.empty() : OptionalLong.of(change.importDocuments());
    }
}
