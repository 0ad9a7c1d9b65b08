package aom.migration.ui;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Leaves the content of a tab out of the scene until the tab is first selected. A TabPane makes skins for, styles and
 * lays out the content of every tab, shown or not; a page with a table on each tab pays for all of them at once.
 */
public final class LazyTabs {

    private LazyTabs() {
    }

    /** Defers the content of every tab of {@code tabs} but the selected one. Any thread, before it is shown. */
    public static void install(TabPane tabs) {
        for (Tab tab : tabs.getTabs()) {
            if (tab.isSelected() || tab.getContent() == null) {
                continue;
            }
            Node content = tab.getContent();
            tab.setContent(null);
            tab.selectedProperty().addListener((observable, old, selected) -> {
                if (selected && tab.getContent() == null) {
                    tab.setContent(content);
                }
            });
        }
    }
}
