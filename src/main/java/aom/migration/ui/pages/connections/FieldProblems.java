package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.EnumMap;
import java.util.Map;

/** The problem of each input of a connection form, {@code null} where the input is fine. */
public final class FieldProblems {

    /** The inputs that can carry a problem. */
    public enum Field { URI, HOSTS, PORT, USER, PASSWORD, CA_FILE, CLIENT_CERTIFICATE }

    private final Map<Field, ReadOnlyStringWrapper> fields = new EnumMap<>(Field.class);
    private final Map<SystemKind, ReadOnlyStringWrapper> instances = new EnumMap<>(SystemKind.class);
    private final Map<Field, String> pendingFields = new EnumMap<>(Field.class);
    private final Map<SystemKind, String> pendingInstances = new EnumMap<>(SystemKind.class);

    FieldProblems() {
        for (Field field : Field.values()) {
            fields.put(field, new ReadOnlyStringWrapper());
        }
        for (SystemKind system : SystemKind.values()) {
            instances.put(system, new ReadOnlyStringWrapper());
        }
    }

    ReadOnlyStringProperty property(Field field) {
        return fields.get(field).getReadOnlyProperty();
    }

    ReadOnlyStringProperty instance(SystemKind system) {
        return instances.get(system).getReadOnlyProperty();
    }

    // Problems are collected first and published together by apply(), so that a field whose problem stays the
    // same does not flicker through null on every keystroke.

    void set(Field field, String problem) {
        pendingFields.put(field, problem);
    }

    void setInstance(SystemKind system, String problem) {
        pendingInstances.put(system, problem);
    }

    void clear() {
        pendingFields.clear();
        pendingInstances.clear();
    }

    void apply() {
        fields.forEach((field, problem) -> problem.set(pendingFields.get(field)));
        instances.forEach((system, problem) -> problem.set(pendingInstances.get(system)));
    }
}
