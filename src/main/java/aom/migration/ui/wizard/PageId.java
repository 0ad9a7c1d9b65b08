package aom.migration.ui.wizard;

/** The wizard's pages; each names its step title in the message bundle. */
public enum PageId {
    START("step.start"),
    CONNECTIONS("step.connections"),
    APPLICATION("step.application"),
    SELECTION("step.selection"),
    EXPORT_PROGRESS("step.export"),
    PREVIEW("step.preview"),
    CONFIRM("step.confirm"),
    IMPORT_PROGRESS("step.import"),
    SUMMARY("step.summary");

    private final String titleKey;

    PageId(String titleKey) {
        this.titleKey = titleKey;
    }

    /** The message key of the short title shown in the step header. */
    public String titleKey() {
        return titleKey;
    }
}
