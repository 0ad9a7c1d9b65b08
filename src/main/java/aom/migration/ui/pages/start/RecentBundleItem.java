package aom.migration.ui.pages.start;

import aom.migration.ui.settings.RecentBundle;

/**
 * One line of the Start page's recent-bundles list.
 *
 * @param bundle the remembered bundle
 * @param exists whether its file was still there when the list was loaded
 */
public record RecentBundleItem(RecentBundle bundle, boolean exists) {
}
