package aom.migration.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * What a rollback or a recovery checked of the target against what the import recorded before it changed anything
 * (DESIGN.md section 5, "A rollback proves itself"), and every difference it found. "Restored" is said only of a
 * proof that {@link #passed()}, and always with {@link #checked()}.
 *
 * @param parts one per thing checked: the collections of the application's databases, the metadata
 */
record RollbackProof(List<Part> parts) {

    /**
     * One checked part.
     *
     * @param checked     what was checked, in a support engineer's words ("31 collections by document count ...")
     * @param differences what did not match, one line each
     */
    record Part(String checked, List<String> differences) {

        Part {
            differences = List.copyOf(differences);
        }
    }

    RollbackProof {
        parts = List.copyOf(parts);
    }

    boolean passed() {
        return parts.stream().allMatch(part -> part.differences().isEmpty());
    }

    /** Everything that was checked, as one sentence part: "31 collections ...; 57 metadata documents ...". */
    String checked() {
        return String.join("; ", parts.stream().map(Part::checked).toList());
    }

    List<String> differences() {
        List<String> all = new ArrayList<>();
        parts.forEach(part -> all.addAll(part.differences()));
        return all;
    }
}
