package aom.migration.ui.pages.progress;

/** Where a job is with one of its phases. */
public enum StepState {
    /** Not reached yet. */
    PENDING,
    /** Running now. */
    ACTIVE,
    /** Passed. */
    DONE,
    /** Passed over: the job did not need it, or went on to clean up after a failure. */
    SKIPPED,
    /** The job stopped here: cancelled or failed. */
    STOPPED
}
