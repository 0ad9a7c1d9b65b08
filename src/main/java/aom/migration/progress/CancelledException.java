package aom.migration.progress;

/** Thrown by a job that stopped because the user cancelled it. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("Cancelled by the user");
    }
}
