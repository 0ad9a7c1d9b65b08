package aom.migration.ui.pages.start;

import aom.migration.ui.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** A recent bundle: its name, its folder and when it was used; greyed out when its file is gone. */
final class RecentBundleCell extends ListCell<RecentBundleItem> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    @Override
    protected void updateItem(RecentBundleItem item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Label name = new Label(item.bundle().fileName());
        name.getStyleClass().add("text-bold");
        Label folder = new Label(String.valueOf(item.bundle().path().getParent()));
        folder.getStyleClass().addAll("text-muted", "text-small");
        Label when = new Label(item.exists() ? WHEN.format(item.bundle().lastUsed())
                : Messages.get("start.recent.missing"));
        when.getStyleClass().addAll("text-muted", "text-small");
        HBox.setHgrow(when, Priority.NEVER);
        VBox text = new VBox(2, name, folder);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, new FontIcon("mdi2p-package-variant-closed"), text, when);
        row.setAlignment(Pos.CENTER_LEFT);
        setGraphic(row);
        setDisable(!item.exists());
        setTooltip(null);
    }
}
