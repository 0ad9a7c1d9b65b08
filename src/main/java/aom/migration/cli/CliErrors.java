package aom.migration.cli;

import aom.migration.model.MigrationFailure;
import aom.migration.mongo.UriRedaction;
import aom.migration.progress.CancelledException;
import com.mongodb.MongoCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns a failed command into one readable line on stderr and the right exit code; the stack trace goes to the
 * log file only. The engine's {@link MigrationFailure}s carry their sentence and category; commands throw
 * {@link UserError}, one of them, for problems they diagnose themselves. Anything else is unexpected: its type is
 * named, and the exit code is 1.
 */
final class CliErrors implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        if (failure instanceof CancelOnCtrlC.CancelledByUser cancelled) {
            // Said already, before the JVM was let go.
            return cancelled.exitCode();
        }
        int code = exitCode(failure);
        String message = UriRedaction.redact(message(failure));
        // The user reads the one line below; the log file keeps the details. Logged at INFO because the console
        // shows WARN and above, which would print the failure a second time, with a stack trace.
        LOG.info("{} {}: {}", command.getCommandName(), failure instanceof UserError ? "stopped" : "failed", message,
                failure);
        command.getErr().println(command.getColorScheme().errorText("Error: " + message));
        command.getErr().flush();
        return code;
    }

    /**
     * Picocli's own handling of a command line it cannot parse (the message, then suggestions or the usage), with
     * the message redacted: picocli quotes arguments it cannot match, and a connection string typed in the wrong
     * place would show its password.
     */
    static int handleParseError(CommandLine.ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText(UriRedaction.redact(failure.getMessage())));
        // A value of the wrong kind (--systems PROD) is said in full by its converter; the usage would bury it.
        boolean wrongValue = failure.getCause() instanceof CommandLine.TypeConversionException;
        if (!wrongValue && !CommandLine.UnmatchedArgumentException.printSuggestions(failure, err)) {
            command.usage(err, command.getColorScheme());
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The exit code of {@code failure}: its category's for a failure the engine explains, 1 for anything else. */
    static int exitCode(Throwable failure) {
        return failure instanceof MigrationFailure explained ? ExitCode.of(explained.category()) : ExitCode.FAILED;
    }

    static String message(Throwable failure) {
        if (failure instanceof CancelledException) {
            // A job that put something right after the cancel says what it checked; a bare cancel has nothing to add.
            String said = failure.getMessage();
            return said == null || said.equals(new CancelledException().getMessage()) ? "Cancelled" : said;
        }
        if (failure instanceof MigrationFailure) {
            return failure.getMessage();
        }
        if (failure instanceof UncheckedIOException io && io.getCause() != null) {
            return io.getMessage();
        }
        if (failure instanceof MongoCommandException command) {
            // A command the server refused where no step put it in its own words: the server's words, without the
            // driver's wrapping and the full reply.
            return command.getServerAddress() + " answered with error " + command.getErrorCode()
                    + (command.getErrorCodeName().isEmpty() ? "" : " (" + command.getErrorCodeName() + ")") + ": "
                    + command.getErrorMessage();
        }
        String text = failure.getMessage();
        return failure.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
