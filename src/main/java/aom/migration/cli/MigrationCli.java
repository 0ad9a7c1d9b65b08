package aom.migration.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/**
 * The command line: {@code apps}, {@code demo} and the other subcommands. The same engine as the wizard.
 */
@Command(name = "migration", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Move one ApiOmat application (metadata and LIVE/STAGING/TEST data) between installations.",
            "Without arguments, ${ROOT-COMMAND-NAME} opens the wizard."},
        subcommands = {AppsCommand.class, ExportCommand.class, InspectCommand.class, ImportCommand.class,
            VerifyCommand.class, DemoCommand.class, ServeCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Legacy forms: ${ROOT-COMMAND-NAME} <App>   (export)   and   ${ROOT-COMMAND-NAME} <App>"
                + " true|false <file>",
            "  (import into $AOM_TARGET_URI without asking, as the old script did; prefer 'import').",
            "Connections default to $AOM_SOURCE_URI and $AOM_TARGET_URI.",
            "Exit codes: 0 done, 1 failed, 2 bad input, 3 refused, 130 cancelled with Ctrl+C."})
public class MigrationCli implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a command, e.g. apps or demo");
    }

    /** Runs the command line with {@code args} and returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /**
     * Runs the command line writing to the given streams (for tests) and returns the exit code. A first argument that
     * is neither a command nor an option is the legacy syntax ({@link LegacyCommand}).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (LegacyCommand.applies(args)) {
            return LegacyCommand.run(args, out, err, System.getenv(), Path.of(""));
        }
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /** The configured picocli command line, named as the user typed it ({@link InvocationName}). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MigrationCli());
        commandLine.setCommandName(InvocationName.current());
        commandLine.setExecutionExceptionHandler(new CliErrors());
        commandLine.setParameterExceptionHandler(CliErrors::handleParseError);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** The subcommand names, so that the legacy syntax can tell an application name from a command. */
    public static Set<String> commandNames() {
        return commandLine().getSubcommands().keySet();
    }
}
