package aom.migration.restore;

import com.mongodb.client.MongoDatabase;

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

        @Override
        public void abandon(MongoDatabase database, String working) {
        }
    };

    /** Confirms ownership with a round trip to the journal, which also renews the lease. */
    void confirm();

    /**
     * Confirms ownership, by a round trip unless one in the last moment did (for the many inserts of a load, which
     * go to the import's own staging collections).
     */
    void confirmRecent();

    /**
     * After a write into the import's own working collection {@code working} that was on its way when the import
     * lost its journal (it was suspended between asking and writing): the write may have recreated a collection the
     * new owner had removed, so it is dropped again, unless the new owner is a resume of this very import, whose
     * collections those are now.
     */
    void abandon(MongoDatabase database, String working);

    /**
     * Confirms, after a write into the working collection {@code working}, that the import still owns its journal;
     * if not, {@linkplain #abandon abandons} what the write may have recreated and throws.
     */
    default void confirmAfterWriting(MongoDatabase database, String working) {
        try {
            confirmRecent();
        } catch (OwnershipLostException lost) {
            abandon(database, working);
            throw lost;
        }
    }
}
