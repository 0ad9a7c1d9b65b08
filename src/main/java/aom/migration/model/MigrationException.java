package aom.migration.model;

/** A {@link MigrationFailure} of any category; the engine's failures that are not about invalid input extend it. */
public class MigrationException extends RuntimeException implements MigrationFailure {

    private final Category category;

    public MigrationException(Category category, String message) {
        super(message);
        this.category = category;
    }

    public MigrationException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    @Override
    public Category category() {
        return category;
    }
}
