package aom.migration.progress;

/** The phases a job passes through, in the order a support engineer sees them. */
public enum Phase {
    CONNECT("Connecting"),
    PLAN("Planning"),
    METADATA("Metadata"),
    DATA("Data"),
    LOAD("Loading"),
    INDEXES("Building indexes"),
    MERGE("Merging metadata"),
    SWAP("Swapping collections"),
    VERIFY("Verifying"),
    CLEANUP("Cleaning up"),
    DONE("Done");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** A short human label, for progress bars and logs. */
    public String label() {
        return label;
    }
}
