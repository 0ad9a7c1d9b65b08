package aom.migration.ui.pages.confirm;

/**
 * One line of the Confirm page's notes: what it is about, and the sentence the user reads. The kind travels with the
 * sentence so that the view styles a note without reading its (translated) words.
 *
 * @param kind what the note is about
 * @param text the sentence, in the user's language
 */
public record PlanNote(Kind kind, String text) {

    /** What a note is about; only a problem keeps the import from starting. */
    public enum Kind {
        /** A system whose data goes to a host of its own. */
        OWN_HOST,
        /** A reason the plan cannot be carried out. */
        PROBLEM,
        /** What an interrupted import left behind, put right first. */
        LEFTOVER,
        /** A database the import creates. */
        NEW_DATABASE,
        /** Something to know that does not stop the import. */
        WARNING,
        /** Where the target's metadata is saved before the merge. */
        ROLLBACK
    }

    /** Whether this note says why the import cannot start. */
    public boolean isProblem() {
        return kind == Kind.PROBLEM;
    }
}
