package aom.migration.restore;

/**
 * One collection of a target database in the plan.
 *
 * @param collection      the collection name
 * @param action          create, replace or drop
 * @param targetDocuments the documents the target has now (0 when it lacks the collection)
 * @param importDocuments the documents the import brings (-1 when unknown; 0 for a drop)
 * @param view            whether the imported (or, for a drop, the target's) collection is a view
 * @param note            something to know about it, or {@code null}
 */
public record CollectionChange(String collection, CollectionAction action, long targetDocuments,
                               long importDocuments, boolean view, String note) {

    /** Whether the import takes documents away from the target here (a drop warning). */
    public boolean losesTargetDocuments() {
        return action != CollectionAction.CREATE && targetDocuments > 0;
    }
}
