package aom.migration.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What to move of one application: its metadata slice and/or the data of some systems. */
public record Selection(boolean metadata, Set<SystemKind> systems) {

    public Selection {
        EnumSet<SystemKind> copy = EnumSet.noneOf(SystemKind.class);
        copy.addAll(systems);
        systems = Collections.unmodifiableSet(copy);
    }

    /** Metadata and every system. */
    public static Selection everything() {
        return new Selection(true, EnumSet.allOf(SystemKind.class));
    }

    public boolean isEmpty() {
        return !metadata && systems.isEmpty();
    }

    public boolean includes(SystemKind system) {
        return systems.contains(system);
    }
}
