package aom.migration.cli;

import aom.migration.bundle.BundleReader;
import aom.migration.bundle.CorruptDataException;
import aom.migration.dump.DetectedFormat;
import aom.migration.dump.DumpContents;
import aom.migration.dump.DumpFormat;
import aom.migration.model.ApplicationNames;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.restore.BundleImport;
import aom.migration.restore.DumpImport;
import aom.migration.restore.ImportJob;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.ImportPlan;
import aom.migration.restore.ImportRequest;
import aom.migration.restore.ImportResult;
import aom.migration.restore.OpenedForImport;
import aom.migration.restore.TargetNaming;
import com.mongodb.client.model.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code import}: loads a bundle, a mongodump directory or a mongodump archive into a target installation. Prints
 * the plan with its drop warnings, asks the user to type the application's name (unless {@code --yes}), then runs
 * the import with a progress bar and prints the verification report. The same {@link ImportJob} as the wizard:
 * staging collections, swap, verification, and the target as it was when anything fails.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a bundle, a mongodump directory or a mongodump archive (plain or gzip) into a target"
                + " installation.",
            "Prints the plan with its drop warnings and asks you to type the application's name before it changes"
                + " anything (--yes skips the question, --dry-run stops after the plan)."},
        footer = {"", "A dump holds no metadata: name the application with --app; its databases are matched to the"
                + " systems by name (<App>, <App>-staging or <App>STAGING, <App>-test or <App>TEST) unless --map says"
                + " otherwise; the target's metadata is left as it is.",
            "Exit codes: 0 imported (or dry run), 1 failed (the target is restored), 2 bad input, 3 not confirmed."})
public class ImportCommand implements Callable<Integer> {

    private static final Duration ROLLBACK_GRACE = Duration.ofSeconds(60);

    @Mixin
    TargetOptions target;

    @Mixin
    SystemUriOptions systemUris;

    @Parameters(index = "0", paramLabel = "PATH",
            description = "A bundle file, a mongodump directory or a mongodump archive (told apart by content)")
    Path path;

    @Option(names = "--app", paramLabel = "NAME",
            description = "The application (required for a dump; for a bundle it must match the bundle's)")
    String app;

    @Option(names = "--map", paramLabel = "DB=SYSTEM",
            description = "Load the dump's database DB as SYSTEM (LIVE, STAGING, TEST, or SKIP to leave it out);"
                    + " repeatable")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--systems", split = ",", paramLabel = "SYSTEM",
            description = "Systems to import, comma-separated (default: every system the input holds)")
    List<String> systems;

    @Option(names = "--no-metadata", description = "Leave the target's metadata alone; import data only")
    boolean noMetadata;

    @Option(names = "--reset-passwords",
            description = "Customers the import inserts get the password 'secret'; existing customers keep theirs")
    boolean resetPasswords;

    @Option(names = "--dry-run", description = "Print the plan and stop; writes nothing")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts)")
    boolean yes;

    @Option(names = "--naming", paramLabel = "CONVENTION",
            description = "DASHED or SUFFIXED: how the target names the application's databases (default: what"
                    + " the target uses for it, else the input's, else DASHED)")
    String naming;

    @Option(names = "--no-progress", description = "Do not show a progress bar")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    /** The systems of the target with hosts of their own, from {@code --system-uri}. */
    private InstanceHosts hosts = InstanceHosts.none();

    /** How the user confirms; tests replace it. */
    Confirmation confirmation = Confirmation.terminal();

    /** A damaged bundle or dump throws {@link CorruptDataException}, which {@link CliErrors} turns into exit 2. */
    @Override
    public Integer call() throws IOException {
        ConnectionSettings settings = target.settings();
        hosts = systemUris.hosts();
        DetectedFormat detected = DumpFormat.detect(path);
        if (!detected.isKnown()) {
            throw new UserError(ExitCode.BAD_INPUT, detected.description());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Input: " + detected.description() + " (" + path.toAbsolutePath() + ")");
        return detected.format() == DumpFormat.BUNDLE ? importBundle(settings) : importDump(settings, detected);
    }

    private int importBundle(ConnectionSettings settings) throws IOException {
        if (!map.isEmpty()) {
            throw new UserError(ExitCode.BAD_INPUT, "--map is for mongodump input; a bundle names the system of each"
                    + " database itself (choose systems with --systems)");
        }
        try (OpenedForImport opened = OpenedForImport.open(path, settings)) {
            BundleReader bundle = opened.bundle();
            Installation installation = opened.target();
            String name = bundle.manifest().application().name();
            if (app != null && !app.equals(name)) {
                throw new UserError(ExitCode.BAD_INPUT, "The bundle holds the application " + name + ", not " + app);
            }
            List<String> notes = new ArrayList<>();
            boolean metadata = !noMetadata && bundle.manifest().selection().metadata();
            if (!noMetadata && !metadata) {
                notes.add("The bundle holds no metadata: the target's metadata stays as it is.");
            }
            if (resetPasswords && !metadata) {
                notes.add("--reset-passwords has no effect: no customers are imported.");
            }
            Set<SystemKind> chosen = systems == null ? BundleImport.systemsIn(bundle) : SystemList.parse(systems);
            try (SystemHosts targets = SystemHosts.connect(installation, hosts)) {
                DatabaseNaming targetNaming = naming != null ? DatabaseNaming.parse(naming)
                        : BundleImport.targetNaming(targets, bundle);
                ImportRequest request = BundleImport.request(bundle, targetNaming, chosen, metadata);
                return execute(installation, targets, request, notes);
            }
        }
    }

    private int importDump(ConnectionSettings settings, DetectedFormat detected) throws IOException {
        if (app == null || app.isBlank()) {
            throw new UserError(ExitCode.BAD_INPUT, path + " is a " + detected.description() + ", which does not say"
                    + " which application it holds: name it with --app NAME");
        }
        ApplicationNames.problem(app).ifPresent(problem -> {
            throw new UserError(ExitCode.BAD_INPUT, problem);
        });
        Map<String, SystemKind> overrides = parseMap();
        try (DumpContents dump = DumpContents.open(path)) {
            DumpImport.Mapping mapping = DumpImport.propose(app, dump.databases(), overrides);
            if (systems != null) {
                Set<SystemKind> wanted = SystemList.parse(systems);
                for (SystemKind system : wanted) {
                    if (!mapping.systems().containsKey(system)) {
                        throw new UserError(ExitCode.BAD_INPUT, "No database of the dump maps to " + system + " of "
                                + app + " (the dump has: " + String.join(", ", dump.databases())
                                + "); name it with --map <db>=" + system);
                    }
                }
                mapping = mapping.only(wanted);
            }
            List<String> notes = dumpNotes(dump, mapping);
            try (Installation installation = Installation.connect(settings);
                 SystemHosts targets = SystemHosts.connect(installation, hosts)) {
                if (!hasApplication(installation)) {
                    notes.add("The target's metadata has no application " + app + "; the data is loaded anyway, but"
                            + " ApiOmat will not use it until the application exists there.");
                }
                DatabaseNaming targetNaming = naming != null ? DatabaseNaming.parse(naming)
                        : TargetNaming.choose(targets, app, mapping.sourceNaming());
                return execute(installation, targets, DumpImport.request(dump, app, mapping, targetNaming), notes);
            }
        }
    }

    private List<String> dumpNotes(DumpContents dump, DumpImport.Mapping mapping) {
        List<String> notes = new ArrayList<>();
        mapping.systems().forEach((system, database) -> notes.add("The dump's database " + database + " is loaded"
                + " as " + system + "."));
        for (String database : mapping.unmapped()) {
            notes.add("The dump's database " + database + " is skipped: it maps to no system of " + app
                    + " (use --map " + database + "=SYSTEM to load it).");
        }
        notes.add("A dump holds no metadata: the target's metadata stays as it is.");
        if (resetPasswords) {
            notes.add("--reset-passwords has no effect: a dump holds no customers.");
        }
        notes.addAll(dump.notes());
        return notes;
    }

    /** Plans, shows the plan, confirms, runs and reports. */
    private int execute(Installation installation, SystemHosts targets, ImportRequest request, List<String> notes) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        notes.forEach(note -> out.println("Note: " + note));
        out.println();
        CancellationToken token = new CancellationToken();
        ImportJob job = new ImportJob(installation, targets, request,
                ImportOptions.defaults().withResetPasswords(resetPasswords).withDryRun(dryRun));
        ImportPlan plan = job.plan(token);
        out.print(plan.toText());
        out.println();
        out.flush();
        if (!plan.canProceed()) {
            throw new UserError(ExitCode.FAILED, "The import cannot start: " + String.join("; ", plan.problems())
                    + ". Nothing was changed.");
        }
        if (dryRun) {
            out.println("Dry run: nothing was written.");
            return ExitCode.OK;
        }
        if (!yes) {
            confirm(request.application(), out);
        }
        ImportResult result;
        try (TerminalProgress progress = new TerminalProgress("Import " + request.application(), err,
                TerminalProgress.isTerminal(), !noProgress);
             CancelOnCtrlC ctrlC = new CancelOnCtrlC(token, ROLLBACK_GRACE, "import")) {
            // The job ends a cancel only once it has rolled back what it changed; a failed rollback is a failure.
            result = ctrlC.run(() -> job.run(progress, token), err, () -> "Import cancelled with Ctrl+C. What it had"
                    + " changed in the target was rolled back.");
        } catch (CorruptDataException e) {
            // The job restored the target before it let this through (otherwise it reports an ImportFailedException).
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage().replaceFirst("\\.$", "") + ". Nothing was"
                    + " imported; the target is as it was.");
        }
        result.recovered().forEach(line -> out.println("Recovered: " + line));
        out.print(result.report().toText());
        out.println("Report saved to " + result.savedReport().text() + " (JSON: " + result.savedReport().json()
                + ")");
        if (result.cleanupWarning() != null) {
            out.println("Warning: " + result.cleanupWarning());
        }
        out.flush();
        return result.report().passed() ? ExitCode.OK : ExitCode.FAILED;
    }

    private void confirm(String application, PrintWriter out) {
        out.flush();
        String answer = confirmation.ask("Type the application name (" + application + ") to import it, or anything"
                + " else to stop: ").orElseThrow(() -> new UserError(ExitCode.REFUSED, "Not imported: there is no"
                + " terminal to confirm on, and the import replaces data of the target. Pass --yes to confirm."));
        if (!answer.equals(application)) {
            throw new UserError(ExitCode.REFUSED, "Not imported: '" + answer + "' is not " + application
                    + ". Nothing was changed.");
        }
    }

    private boolean hasApplication(Installation installation) {
        ExtractionProfile.ApplicationSpec spec = ExtractionProfile.defaults().application();
        return installation.metadataDatabase().getCollection(spec.collection())
                .countDocuments(Filters.eq(spec.nameField(), app)) > 0;
    }

    private Map<String, SystemKind> parseMap() {
        Map<String, SystemKind> overrides = new LinkedHashMap<>();
        map.forEach((database, system) -> {
            String wanted = system.trim().toUpperCase(Locale.ROOT);
            overrides.put(database, wanted.equals("SKIP") ? null : SystemKind.parse(wanted));
        });
        return overrides;
    }
}
