package aom.migration.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The old script's syntax, kept for support engineers' muscle memory and scripts:
 * <ul>
 *   <li>{@code java -jar migration.jar <App>}: export the metadata and every system from {@code AOM_SOURCE_URI}
 *       (default {@code mongodb://localhost:27017}) into {@code <App>-<timestamp>.aombundle} in the working
 *       directory, printing the bundle's file name last;</li>
 *   <li>{@code java -jar migration.jar <App> true|false <file>}: import, {@code true} resetting the passwords of
 *       imported customers.</li>
 * </ul>
 * A first argument that is neither a subcommand nor an option is taken as an application name.
 */
final class LegacyCommand {

    /** Where the legacy form exports from when {@code AOM_SOURCE_URI} is not set, as the old script did. */
    static final String DEFAULT_SOURCE = "mongodb://localhost:27017";

    private LegacyCommand() {
    }

    /** Whether {@code args} use the legacy syntax rather than a subcommand. */
    static boolean applies(String[] args) {
        return args.length > 0 && !args[0].startsWith("-") && !MigrationCli.commandNames().contains(args[0]);
    }

    /** Runs the legacy form and returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDirectory) {
        if (args.length == 1) {
            return export(args[0], out, err, env, workingDirectory);
        }
        if (args.length == 3 && isBoolean(args[1])) {
            return importBundle(args[0], Boolean.parseBoolean(args[1].toLowerCase(Locale.ROOT)), Path.of(args[2]),
                    out, err, env);
        }
        err.println("Error: '" + args[0] + "' is not a command. Use a command (apps, export, inspect, ...) or the old"
                + " form: migration.jar <App>  |  migration.jar <App> true|false <bundle file>");
        err.println("Run 'java -jar migration.jar --help' for the commands.");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static int export(String app, PrintWriter out, PrintWriter err, Map<String, String> env,
                              Path workingDirectory) {
        String source = env.getOrDefault("AOM_SOURCE_URI", "");
        if (source.isBlank()) {
            source = DEFAULT_SOURCE;
        }
        CommandLine commandLine = MigrationCli.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        ExportCommand export = commandLine.getSubcommands().get("export").getCommand();
        export.workingDirectory = workingDirectory;
        export.printFileNameOnly = true;
        return commandLine.execute("export", "--app", app, "--source", source);
    }

    /**
     * The legacy import, {@code <App> true|false <file>}. The import engine is not part of this build yet, so this
     * refuses with exit 2; the import side replaces the body with a call to its command.
     */
    static int importBundle(String app, boolean resetPasswords, Path bundle, PrintWriter out, PrintWriter err,
                            Map<String, String> env) {
        err.println("Error: import is not available in this build (legacy form: " + app + " " + resetPasswords + " "
                + bundle + ")");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }
}
