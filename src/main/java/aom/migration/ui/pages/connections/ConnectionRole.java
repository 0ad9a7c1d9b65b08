package aom.migration.ui.pages.connections;

/** Which installation a connection form describes. */
public enum ConnectionRole {
    SOURCE("connection.source.title", "connection.source.description"),
    TARGET("connection.target.title", "connection.target.description");

    private final String titleKey;
    private final String descriptionKey;

    ConnectionRole(String titleKey, String descriptionKey) {
        this.titleKey = titleKey;
        this.descriptionKey = descriptionKey;
    }

    public String titleKey() {
        return titleKey;
    }

    public String descriptionKey() {
        return descriptionKey;
    }
}
