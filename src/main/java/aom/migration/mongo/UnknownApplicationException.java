package aom.migration.mongo;

import java.util.List;

/** The user named an application that the installation does not have. */
public class UnknownApplicationException extends RuntimeException {

    private final List<String> known;

    public UnknownApplicationException(String name, String where, List<String> known) {
        super("There is no application '" + name + "' on " + where + (known.isEmpty()
                ? " (it has no ApiOmat applications at all)"
                : ". Applications there: " + String.join(", ", known)));
        this.known = List.copyOf(known);
    }

    public List<String> known() {
        return known;
    }
}
