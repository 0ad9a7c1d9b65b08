package aom.migration.ui;

import aom.migration.model.SystemKind;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.Region;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Controls made once per {@link SystemKind}, in its order, so that a new system kind shows up on the pages without
 * touching a view or its FXML. Each control's id is made from the system's name, as tests look controls up by it.
 */
public final class SystemControls {

    private SystemControls() {
    }

    /** {@code prefix} and the system's name as a word: {@code importStaging} for {@code import} and STAGING. */
    public static String id(String prefix, SystemKind system) {
        String name = system.name().toLowerCase(Locale.ROOT);
        return prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * The system's name in lower case and {@code suffix}: {@code stagingCheck} for STAGING and {@code Check}, the
     * ids the pages' own controls had when they were written out in FXML.
     */
    public static String id(SystemKind system, String suffix) {
        return system.name().toLowerCase(Locale.ROOT) + suffix;
    }

    /**
     * A check box per system, in the systems' order, labelled with the system's name, with the id
     * {@code id(idPrefix, system)}, and never narrower than its label.
     */
    public static Map<SystemKind, CheckBox> checkBoxes(String idPrefix) {
        Map<SystemKind, CheckBox> boxes = new EnumMap<>(SystemKind.class);
        for (SystemKind system : SystemKind.values()) {
            boxes.put(system, checkBox(system, id(idPrefix, system)));
        }
        return boxes;
    }

    /** A check box labelled with the system's name, with the id {@code id}, and never narrower than its label. */
    public static CheckBox checkBox(SystemKind system, String id) {
        CheckBox box = new CheckBox(system.name());
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
