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
        return run(args, out, err, env, workingDirectory, DEFAULT_URI);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, Map, Path)}, with another default address (tests). */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDirectory,
                   String defaultUri) {
        if (args.length == 1) {
            return export(args[0], out, err, connection(env, "AOM_SOURCE_URI", defaultUri, err), workingDirectory);
        }
        if (args.length == 3 && isBoolean(args[1])) {
            return importBundle(args[0], Boolean.parseBoolean(args[1].toLowerCase(Locale.ROOT)), Path.of(args[2]),
                    out, err, connection(env, "AOM_TARGET_URI", defaultUri, err));
        }
        String name = InvocationName.current();
        err.println("Error: '" + UriRedaction.redact(args[0]) + "' is not a command."
                + " Use a command (apps, export, inspect, ...) or the old"
                + " form: " + name + " <App>  |  " + name + " <App> true|false <bundle file>");
        err.println("Run '" + name + " --help' for the commands.");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    /**
     * The connection string in {@code variable}, or the default one, which the user did not type: said at once, as
     * reaching a server that is not there takes seconds, with how to name the right one.
     */
    private static Connection connection(Map<String, String> env, String variable, String defaultUri,
                                         PrintWriter err) {
        String uri = env.getOrDefault(variable, "");
        if (!uri.isBlank()) {
            return new Connection(uri, null);
        }
        String hint = variable + " is not set, so this uses the default address " + UriRedaction.redact(defaultUri)
                + ". To use another installation, set it first, e.g. " + variable + "=mongodb://host:27017/ (the"
                + " export reads AOM_SOURCE_URI, the import writes to AOM_TARGET_URI).";
        err.println("Note: " + hint);
        err.flush();
        return new Connection(defaultUri, hint);
    }

    /** A connection string and, when it is the default one, why and how to change it. */
    private record Connection(String uri, String defaultHint) {

        /** {@code code}, after repeating the hint when the command failed: the error may be far below the note. */
        int reportDefault(int code, PrintWriter err) {
            if (code != ExitCode.OK && defaultHint != null) {
                err.println("Note: " + defaultHint);
                err.flush();
            }
            return code;
        }
    }

    private static int export(String app, PrintWriter out, PrintWriter err, Connection source,
                              Path workingDirectory) {
        CommandLine commandLine = MigrationCli.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        ExportCommand export = commandLine.getSubcommands().get("export").getCommand();
        export.workingDirectory = workingDirectory;
        export.printFileNameOnly = true;
        return source.reportDefault(commandLine.execute("export", "--app", app, "--source", source.uri()), err);
    }

    /**
     * The legacy import, {@code <App> true|false <file>}: the {@code import} command into {@code AOM_TARGET_URI}
     * (default {@code mongodb://localhost:27017}), {@code true} resetting the passwords of the customers it inserts.
     * Like the old script it does not ask (scripts call it unattended); it still prints the plan with its drop
     * warnings first, and the import itself is as safe as {@code import}: staged, swapped, verified, with the
     * target's previous slice saved for a rollback.
     */
    private static int importBundle(String app, boolean resetPasswords, Path bundle, PrintWriter out,
                                    PrintWriter err, Connection target) {
        List<String> args = new ArrayList<>(List.of("import", "--target", target.uri(), "--app", app));
        if (resetPasswords) {
            args.add("--reset-passwords");
        }
        args.add("--yes");
        args.add(bundle.toString());
        CommandLine commandLine = MigrationCli.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return target.reportDefault(commandLine.execute(args.toArray(String[]::new)), err);
    }

    private static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }
}
