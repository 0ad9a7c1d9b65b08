package aom.migration.restore;

/** What an import does with one collection of a target database. */
public enum CollectionAction {
    /** The target database lacks it: created from the import. */
    CREATE("create"),
    /** The target has it: its documents are replaced by the import's (the old ones are kept until verified). */
    REPLACE("replace"),
    /** Only the target has it: dropped, so that the database ends equal to the import (kept until verified). */
    DROP("drop");

    private final String label;

    CollectionAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
