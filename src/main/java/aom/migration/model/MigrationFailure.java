package aom.migration.model;

/**
 * A failure the tool explains to its user: its message is the sentence a person reads (never a password, never a
 * class name), and its {@link Category} says what kind of failure it is, which the command line turns into its exit
 * code (DESIGN.md section 7) and the wizard into how it shows it. Every failure the engine describes for people is
 * one: a {@link MigrationException}, or a {@link BadInputException} where the input was invalid. A failure of any
 * other type is unexpected, and both front ends say so, naming its type, with the details in the log.
 */
public interface MigrationFailure {

    /** What kind of failure: the command line's exit codes 1, 2, 3 and 130. */
    enum Category {
        /** A connection, a server or the disk let the job down; the message says in what state things are. */
        FAILED,
        /** The input is wrong: a malformed connection string, a damaged bundle, an unknown application. */
        BAD_INPUT,
        /** Not done on purpose: not confirmed, or another import is at work on the target. */
        REFUSED,
        /** The user cancelled; the message says what was put back and checked. */
        CANCELLED
    }

    Category category();

    /** The sentence for the user. */
    String getMessage();
}
