package aom.migration.cli;

/** A problem a command diagnosed and explains itself, with the exit code it warrants. */
public class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
