package aom.migration.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user sees wrong in a window, found in its scene graph: texts cut short ("St...", "Ex..."), scroll bars
 * where a page should fit, tables too narrow for their columns, and English words in a window that should speak
 * German. Call on the FX thread.
 */
public final class LayoutCheck {

    /**
     * Words that are English and not German: any of them in a German window is an English text (a phrase such as
     * "the application", "Exported ... to ...", "Dashed naming"). Names, paths and MongoDB's words are not in it.
     */
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "is", "to", "with", "which", "not",
            "does", "from", "into", "by", "for", "that", "this", "are", "be", "has", "have", "will", "been", "it",
            "its", "or", "on", "at", "as", "no", "there", "exported", "imported", "loading", "planning", "naming",
            "dashed", "suffixed", "kept", "points", "refers", "referenced", "belongs", "nothing", "left", "cancelled",
            "failed", "refused", "error", "warning", "connecting", "documents");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private LayoutCheck() {
    }

    /** Every labelled control shown with less than its text, as "Syst... of 'System'". */
    public static List<String> cutTexts(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node node : shownNodes(root)) {
            if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
                Text drawn = drawnText(labeled);
                if (drawn != null && !drawn.getText().equals(labeled.getText())) {
                    cut.add("'" + drawn.getText() + "' of '" + labeled.getText() + "' (" + describe(labeled) + ")");
                }
            }
        }
        return cut;
    }

    /** The scroll bars shown by the pages' own scroll panes (a page that does not fit the window). */
    public static List<String> pageScrollBars(Parent root) {
        List<String> found = new ArrayList<>();
        for (Node node : shownNodes(root)) {
            if (node instanceof ScrollPane pane && pane.getStyleClass().contains("page-scroll")) {
                for (Node child : pane.getChildrenUnmodifiable()) {
                    if (child instanceof ScrollBar bar && bar.isVisible()) {
                        found.add(bar.getOrientation() + " scroll bar on " + describe(pane));
                    }
                }
            }
        }
        return found;
    }

    /** Tables and lists whose columns do not fit their width: a horizontal scroll bar shows. */
    static List<String> tablesTooNarrow(Parent root) {
        List<String> found = new ArrayList<>();
        for (Node node : shownNodes(root)) {
            if (node instanceof VirtualFlow<?> flow) {
                for (Node child : flow.getChildrenUnmodifiable()) {
                    if (child instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                            && bar.isVisible()) {
                        found.add("horizontal scroll bar in " + describe(flow.getParent()));
                    }
                }
            }
        }
        return found;
    }

    /** The shown texts (labels, tabs, prompts) that hold English words, for a window that should speak German. */
    public static List<String> englishTexts(Parent root) {
        List<String> texts = new ArrayList<>();
        for (Node node : shownNodes(root)) {
            if (node instanceof Labeled labeled) {
                texts.add(labeled.getText());
            } else if (node instanceof TextInputControl input) {
                texts.add(input.getPromptText());
            } else if (node instanceof TabPane tabs) {
                tabs.getTabs().stream().map(Tab::getText).forEach(texts::add);
            } else if (node instanceof Text text && !(node.getParent() instanceof Labeled)
                    && !isInside(node, TextInputControl.class)) {
                texts.add(text.getText());
            }
        }
        List<String> english = new ArrayList<>();
        for (String text : texts) {
            if (text != null && WORD.matcher(text).results()
                    .anyMatch(word -> ENGLISH.contains(word.group().toLowerCase(Locale.ROOT)))) {
                english.add(text);
            }
        }
        return english.stream().distinct().toList();
    }

    /** Whether {@code node} and all its parents are visible and it is part of a scene. */
    static boolean isShown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static List<Node> shownNodes(Parent root) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        return nodes;
    }

    private static void collect(Node node, List<Node> nodes) {
        if (!node.isVisible()) {
            return;
        }
        nodes.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, nodes));
        }
    }

    /** The text the skin draws for {@code labeled}: its own text, or the same cut short with an ellipsis. */
    private static Text drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            // The skin's LabeledText, not the graphic (an icon is a Text too).
            if (child instanceof Text text && child != labeled.getGraphic() && child.getStyleClass().contains("text")
                    && child.isVisible()) {
                return text;
            }
        }
        return null;
    }

    private static boolean isInside(Node node, Class<?> type) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (type.isInstance(at)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName());
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getId() != null) {
                path.append(" in #").append(at.getId());
                break;
            }
        }
        return path.toString();
    }
}
