package aom.migration.ui.wizard;

/**
 * The long jobs the wizard runs and may be asked to stop: each has its own words for what stopping it does (an
 * export deletes its unfinished file, an import puts the target back), in the message bundle under
 * {@code job.<name>.*}.
 */
public enum WizardJob {
    EXPORT("job.export"),
    IMPORT("job.import"),
    CHECKSUMS("job.checksums");

    private final String keyPrefix;

    WizardJob(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** The message key of {@code text} for this job, e.g. {@code job.import.cancel.title}. */
    public String key(String text) {
        return keyPrefix + "." + text;
    }
}
