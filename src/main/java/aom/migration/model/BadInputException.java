package aom.migration.model;

/**
 * Input the user gave that is not valid (a name, a word on the command line, a profile, a selection): a
 * {@link MigrationFailure} of {@link Category#BAD_INPUT}, and an {@link IllegalArgumentException}, as the methods
 * that check their arguments throw. An {@code IllegalArgumentException} of any other type is a bug, not a sentence
 * for users.
 */
public class BadInputException extends IllegalArgumentException implements MigrationFailure {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Category category() {
        return Category.BAD_INPUT;
    }
}
