package aom.migration.ui.pages.preview;

import java.util.Locale;

/** What a node of the metadata tree stands for; decides its icon and how its group is named. */
public enum NodeKind {
    APPLICATION, CUSTOMER, PLAN, MODULE, CLASS, ATTRIBUTE, JAR, CHUNK, OTHER,
    /** A group of documents of one kind under their parent ("Modules (4)"). */
    GROUP;

    /**
     * The kind of the documents a profile labels {@code label} ({@code module}, {@code class}, ...); labels, not
     * collection names, because the label is what the profile promises to keep in the support engineer's words.
     */
    public static NodeKind ofLabel(String label) {
        return switch (label == null ? "" : label.toLowerCase(Locale.ROOT)) {
            case "application" -> APPLICATION;
            case "customer" -> CUSTOMER;
            case "plan" -> PLAN;
            case "module" -> MODULE;
            case "class" -> CLASS;
            case "attribute" -> ATTRIBUTE;
            case "module jar" -> JAR;
            case "module jar chunk" -> CHUNK;
            default -> OTHER;
        };
    }
}
