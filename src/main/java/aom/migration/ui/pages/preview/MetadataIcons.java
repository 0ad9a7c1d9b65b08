package aom.migration.ui.pages.preview;

/** The Ikonli icon of each kind of metadata node. */
final class MetadataIcons {

    private MetadataIcons() {
    }

    static String of(NodeKind kind) {
        return switch (kind) {
            case APPLICATION -> "mdi2a-application-outline";
            case CUSTOMER -> "mdi2a-account-outline";
            case PLAN -> "mdi2c-card-account-details-outline";
            case MODULE -> "mdi2p-puzzle-outline";
            case CLASS -> "mdi2c-code-braces";
            case ATTRIBUTE -> "mdi2f-form-textbox";
            case JAR -> "mdi2p-package-variant-closed";
            case CHUNK -> "mdi2f-file-outline";
            case OTHER -> "mdi2f-file-document-outline";
            case GROUP -> "mdi2f-folder-outline";
        };
    }
}
