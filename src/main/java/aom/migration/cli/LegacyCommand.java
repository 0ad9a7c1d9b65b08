package aom.migration.cli;

import aom.migration.mongo.UriRedaction;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The old script's syntax, kept for support engineers' muscle memory and scripts:
 * <ul>
 *   <li>{@code java -jar migration.jar <App>}: export the metadata and every system from {@code AOM_SOURCE_URI}
 *       (default {@code mongodb://localhost:27017}) into {@code <App>-<timestamp>.aombundle} in the working
 *       directory, printing the bundle's file name last;</li>
 *   <li>{@code java -jar migration.jar <App> true|false <file>}: import into {@code AOM_TARGET_URI}, {@code true}
 *       resetting the passwords of inserted customers; without prompting, as scripts expect.</li>
 * </ul>
 * A first argument that is neither a subcommand nor an option is taken as an application name.
 */
final class LegacyCommand {

    /** Where the legacy forms connect when {@code AOM_SOURCE_URI} or {@code AOM_TARGET_URI} is unset (old script). */
    static final String DEFAULT_URI = "mongodb://localhost:27017";

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
        err.println("Error: '" + UriRedaction.redact(args[0]) + "' is not a command."
                + " Use a command (apps, export, inspect, ...) or the old"
                + " form: migration.jar <App>  |  migration.jar <App> true|false <bundle file>");
        err.println("Run 'java -jar migration.jar --help' for the commands.");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static int export(String app, PrintWriter out, PrintWriter err, Map<String, String> env,
                              Path workingDirectory) {
        String source = env.getOrDefault("AOM_SOURCE_URI", "");
        if (source.isBlank()) {
            source = DEFAULT_URI;
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
     * The legacy import, {@code <App> true|false <file>}: the {@code import} command into {@code AOM_TARGET_URI}
     * (default {@code mongodb://localhost:27017}), {@code true} resetting the passwords of the customers it inserts.
     * Like the old script it does not ask (scripts call it unattended); it still prints the plan with its drop
     * warnings first, and the import itself is as safe as {@code import}: staged, swapped, verified, with the
     * target's previous slice saved for a rollback.
     */
    static int importBundle(String app, boolean resetPasswords, Path bundle, PrintWriter out, PrintWriter err,
                            Map<String, String> env) {
        String target = env.getOrDefault("AOM_TARGET_URI", "");
        if (target.isBlank()) {
            target = DEFAULT_URI;
        }
        List<String> args = new ArrayList<>(List.of("import", "--target", target, "--app", app));
        if (resetPasswords) {
            args.add("--reset-passwords");
        }
        args.add("--yes");
        args.add(bundle.toString());
        CommandLine commandLine = MigrationCli.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args.toArray(String[]::new));
    }

    private static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }
}
