package aom.migration.ui.pages.summary;

/**
 * One line of the export summary.
 *
 * @param label what it is ("Bundle file")
 * @param value its value
 */
public record Fact(String label, String value) {
}
