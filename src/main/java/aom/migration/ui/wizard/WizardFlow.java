package aom.migration.ui.wizard;

import java.util.List;

/**
 * What the support engineer chose on the Start page, and the pages that follow from it. Importing previews the
 * bundle before asking for the target, so that a bundle opened from the file manager shows at once.
 */
public enum WizardFlow {
    /** Export one application from a source installation into a bundle file, and look into the bundle. */
    EXPORT("flow.export", List.of(PageId.START, PageId.CONNECTIONS, PageId.APPLICATION, PageId.SELECTION,
            PageId.EXPORT_PROGRESS, PageId.PREVIEW, PageId.SUMMARY)),
    /** Import a bundle file into a target installation. */
    IMPORT("flow.import", List.of(PageId.START, PageId.PREVIEW, PageId.CONNECTIONS, PageId.CONFIRM,
            PageId.IMPORT_PROGRESS, PageId.SUMMARY)),
    /** Export into a bundle file, then import that file into the target, in one go. */
    MIGRATE("flow.migrate", List.of(PageId.START, PageId.CONNECTIONS, PageId.APPLICATION, PageId.SELECTION,
            PageId.EXPORT_PROGRESS, PageId.PREVIEW, PageId.CONFIRM, PageId.IMPORT_PROGRESS, PageId.SUMMARY));

    private final String titleKey;
    private final List<PageId> pages;

    WizardFlow(String titleKey, List<PageId> pages) {
        this.titleKey = titleKey;
        this.pages = pages;
    }

    public String titleKey() {
        return titleKey;
    }

    /** The pages in order, starting with {@link PageId#START}. */
    public List<PageId> pages() {
        return pages;
    }

    /** Whether this flow reads from a source installation. */
    public boolean needsSource() {
        return this != IMPORT;
    }

    /** Whether this flow writes into a target installation. */
    public boolean needsTarget() {
        return this != EXPORT;
    }
}
