package aom.migration.progress;

import aom.migration.model.MigrationException;

/** Thrown by a job that stopped because the user cancelled it. */
public class CancelledException extends MigrationException {

    public CancelledException() {
        super(Category.CANCELLED, "Cancelled by the user");
    }

    /** A cancel, with what the job did about it (e.g. what it checked after putting the target back). */
    public CancelledException(String message) {
        super(Category.CANCELLED, message);
    }
}
