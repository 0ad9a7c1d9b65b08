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

/**
 * One line of the Confirm page's drop warnings: a target collection whose documents the import replaces or drops,
 * with how many it holds now, or a metadata entity the import removes.
 *
 * @param database        the target database
 * @param name            the collection, or for an entity its collection and natural key
 * @param action          what happens, in words
 * @param targetDocuments documents the target holds there now; -1 for an entity
 * @param importDocuments documents it holds after the import; -1 when not known or for an entity
 */
public record DropWarning(String database, String name, String action, long targetDocuments, long importDocuments) {

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
                warnings.add(new DropWarning(system.targetDatabase(), change.collection(), action,
                        change.targetDocuments(), change.action() == CollectionAction.DROP ? 0
                        : change.importDocuments()));
            }
        }
        plan.metadata().ifPresent(merge -> {
            for (EntityChange change : merge.changes(EntityOutcome.REMOVED)) {
                warnings.add(new DropWarning(merge.database(), change.collection() + ": " + change.key(),
                        Messages.get("confirm.drop.removed"), -1, -1));
            }
        });
        return warnings;
    }

    /** Whether this line is a collection (not a metadata entity). */
    public boolean isCollection() {
        return targetDocuments >= 0;
    }
}
