package aom.migration.cli;

import aom.migration.model.MigrationException;

/** A problem a command diagnosed and explains itself, with the exit code it warrants. */
public class UserError extends MigrationException {

    public UserError(int exitCode, String message) {
        super(ExitCode.category(exitCode), message);
    }

    public int exitCode() {
        return ExitCode.of(category());
    }
}
