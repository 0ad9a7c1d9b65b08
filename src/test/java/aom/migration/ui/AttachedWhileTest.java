package aom.migration.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttachedWhileTest {

    private static void collectGarbage() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
    }

    @Test
    void theNodeFollowsItsConditionAtItsPlaceEvenAfterGarbageCollections() {
        Pane parent = new Pane();
        Region uri = new Region();
        Region fields = new Region();
        Region test = new Region();
        parent.getChildren().addAll(uri, fields, test);
        ObjectProperty<String> mode = new SimpleObjectProperty<>("URI");

        // As the connection form does it: a binding made on the spot, held by nobody else.
        AttachedWhile.bind(fields, mode.isEqualTo("FIELDS"));
        assertThat(parent.getChildren()).containsExactly(uri, test);

        collectGarbage();
        mode.set("FIELDS");
        assertThat(parent.getChildren()).containsExactly(uri, fields, test);

        collectGarbage();
        mode.set("URI");
        assertThat(parent.getChildren()).containsExactly(uri, test);
    }
}
