package aom.migration.cli;

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
 *       resetting the passwords of inserted customers; confirmed on the console, or by {@code AOM_ASSUME_YES=1}.</li>
 * </ul>
 * A first argument that is neither a subcommand nor an option is taken as an application name.
 */
final class LegacyCommand {

    /** Where the legacy forms connect when {@code AOM_SOURCE_URI} or {@code AOM_TARGET_URI} is unset (old script). */
    static final String DEFAULT_URI = "mongodb://localhost:27017";
    /** Set to {@code 1} to let the legacy import replace target data without asking. */
    static final String ASSUME_YES = "AOM_ASSUME_YES";

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
     * The old script never asked; this one asks for the application's name on the console like {@code import}, and
     * without a console refuses (exit 3) unless {@code AOM_ASSUME_YES=1}, because it replaces the target's data.
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
        if ("1".equals(env.get(ASSUME_YES))) {
            args.add("--yes");
        }
        args.add(bundle.toString());
        CommandLine commandLine = MigrationCli.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code = commandLine.execute(args.toArray(String[]::new));
        if (code == ExitCode.REFUSED) {
            err.println("(The old form imports without asking only when " + ASSUME_YES + "=1 is set.)");
            err.flush();
        }
        return code;
    }

    private static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }
}
