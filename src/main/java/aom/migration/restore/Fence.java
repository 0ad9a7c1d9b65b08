package aom.migration.restore;

/**
 * Asked before every step that changes the target (create, insert, rename, drop, metadata write, rollback,
 * clean-up): does the import taking the step still own the target's journal (DESIGN.md section 5, "One owner at a
 * time")? An import that does not stops at once with an {@link OwnershipLostException} and touches nothing more.
 */
interface Fence {

    /** For work that owns no journal (tests of single parts, copies outside an import). */
    Fence NONE = new Fence() {
        @Override
        public void confirm() {
        }

        @Override
        public void confirmRecent() {
        }
    };

    /** Confirms ownership with a round trip to the journal, which also renews the lease. */
    void confirm();

    /**
     * Confirms ownership, by a round trip unless one in the last moment did (for the many inserts of a load, which
     * go to the import's own staging collections).
     */
    void confirmRecent();
}
