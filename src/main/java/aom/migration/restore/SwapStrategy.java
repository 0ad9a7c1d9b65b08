package aom.migration.restore;

/** How the loaded collections take the place of the live ones. */
public enum SwapStrategy {
    /** Rename unless the target is a sharded cluster. */
    AUTO,
    /** Rename the live collection aside and the staging collection in: instant, no copy. */
    RENAME,
    /**
     * Copy instead of rename, for targets where rename is not possible (sharded clusters): the live collection is
     * copied aside, dropped, and loaded from the staging collection. Slower, and a sharded collection comes back
     * unsharded.
     */
    COPY
}
