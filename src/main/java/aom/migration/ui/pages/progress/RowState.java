package aom.migration.ui.pages.progress;

/** Where one collection is in a job. */
public enum RowState {
    /** Being read (export) or loaded into its staging collection (import). */
    RUNNING,
    /** Written to the bundle (export) or loaded (import). */
    DONE,
    /** Its indexes are built on the staging collection. */
    INDEXED,
    /** The target's collection was checked against the import. */
    VERIFIED,
    /** The job was cancelled before the collection was finished. */
    CANCELLED,
    /** The job failed before the collection was finished. */
    STOPPED
}
