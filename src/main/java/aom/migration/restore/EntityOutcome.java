package aom.migration.restore;

/** What a metadata import does with one entity (a customer, module, class, attribute, jar, ...). */
public enum EntityOutcome {
    /** The target lacks it: inserted (under a new id where its own is taken). */
    NEW("new", true),
    /** The target has it with the same content: nothing to write. */
    IDENTICAL("identical", false),
    /** The application's own entity: the target's is replaced by the imported one (keeping the target's id). */
    OVERWRITE("overwrite", true),
    /** A shared entity the target already has: the target's is kept and references point to it. */
    KEPT_FROM_TARGET("kept from target", false),
    /** The application's entity on the target that the import lacks, but another application still uses it. */
    KEPT_IN_USE("kept, still in use", false),
    /** The application's entity on the target that the import lacks and nothing else uses: deleted. */
    REMOVED("removed", true),
    /** The import cannot apply it without changing something outside the application; the target's is kept. */
    CONFLICT("conflict", false);

    private final String label;
    private final boolean changesTarget;

    EntityOutcome(String label, boolean changesTarget) {
        this.label = label;
        this.changesTarget = changesTarget;
    }

    /** A short label for plans and reports. */
    public String label() {
        return label;
    }

    /** Whether the import writes or deletes something for this outcome. */
    public boolean changesTarget() {
        return changesTarget;
    }
}
