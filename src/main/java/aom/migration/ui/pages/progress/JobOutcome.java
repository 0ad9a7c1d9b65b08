package aom.migration.ui.pages.progress;

/** How the last job on a progress page ended, for the banner under the progress. */
public enum JobOutcome {
    /** Nothing has ended yet. */
    NONE,
    SUCCEEDED,
    CANCELLED,
    FAILED,
    /** Not run: the user chose not to replace the file it would have written. */
    DECLINED
}
