package aom.migration.mongo;

import java.util.List;

/** The user named an application that the installation does not have. */
public class UnknownApplicationException extends RuntimeException {

    /** How many names the message lists before it only counts the rest. */
    static final int LISTED = 20;

    private final List<String> known;

    public UnknownApplicationException(String name, String where, List<String> known) {
        super(message(name, where, known));
        this.known = List.copyOf(known);
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
        String listed = known.size() <= LISTED
                ? String.join(", ", known)
                : String.join(", ", known.subList(0, LISTED)) + " and " + (known.size() - LISTED) + " more";
        return missing + ". Applications there: " + listed;
    }
}
