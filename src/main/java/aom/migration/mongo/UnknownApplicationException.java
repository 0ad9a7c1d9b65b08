package aom.migration.mongo;

import aom.migration.model.MigrationException;
import java.util.List;

/** The user named an application that the installation does not have. */
public class UnknownApplicationException extends MigrationException {

    /** How many names the message lists before it only counts the rest. */
    static final int LISTED = 20;

    private final List<String> known;

    public UnknownApplicationException(String name, String where, List<String> known) {
        this(message(name, where, known), known);
    }

    private UnknownApplicationException(String message, List<String> known) {
        super(Category.BAD_INPUT, message);
        this.known = List.copyOf(known);
    }

    /**
     * The server at {@code where} has no {@code apiomat} database at all: most likely not the MongoDB of an ApiOmat
     * installation (another port, another cluster), which says more than "no applications".
     */
    public static UnknownApplicationException withoutMetadata(String name, String where, List<String> databases) {
        return new UnknownApplicationException("There is no application '" + name + "' on " + where + ": "
                + withoutMetadata(databases), List.of());
    }

    /** Why a server without an {@code apiomat} database has no applications, naming the databases it has. */
    public static String withoutMetadata(List<String> databases) {
        List<String> own = databases.stream()
                .filter(db -> !List.of("admin", "config", "local", Installation.METADATA_DATABASE).contains(db))
                .toList();
        return "it has no '" + Installation.METADATA_DATABASE + "' database, so it does not look like the MongoDB of an"
                + " ApiOmat installation (" + (own.isEmpty() ? "it has no databases of its own" : "its databases: "
                + listed(own)) + ")";
    }

    public List<String> known() {
        return known;
    }

    private static String message(String name, String where, List<String> known) {
        String missing = "There is no application '" + name + "' on " + where;
        if (known.isEmpty()) {
            return missing + " (it has no ApiOmat applications at all)";
        }
        // Application names are case-sensitive (they name databases); a name that differs only in case is the
        // likeliest mistake, so say which one was meant.
        String sameButCase = known.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
        if (sameButCase != null) {
            return missing + ". Did you mean '" + sameButCase + "'? Application names are case-sensitive.";
        }
        return missing + ". Applications there: " + listed(known);
    }

    private static String listed(List<String> names) {
        return names.size() <= LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
    }
}
