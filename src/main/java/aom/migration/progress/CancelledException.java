package aom.migration.progress;

/** Thrown by a job that stopped because the user cancelled it. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("Cancelled by the user");
    }

    /** A cancel, with what the job did about it (e.g. what it checked after putting the target back). */
    public CancelledException(String message) {
        super(message);
    }
}
