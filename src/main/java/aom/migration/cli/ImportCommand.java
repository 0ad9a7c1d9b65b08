package aom.migration.cli;

import aom.migration.bundle.BundleReader;
import aom.migration.data.CorruptDataException;
import aom.migration.bundle.Passphrase;
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
import aom.migration.progress.CancelledException;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.ImportPlan;
import aom.migration.restore.ImportResult;
import aom.migration.session.OpenedForImport;
import aom.migration.restore.Placement;
import aom.migration.session.DumpChoice;
import aom.migration.session.ImportChoice;
import aom.migration.session.PlannedImport;
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
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code import}: loads a bundle, a mongodump directory or a mongodump archive into a target installation. Prints
 * the plan with its drop warnings, asks the user to type the application's name (unless {@code --yes}), then runs
 * the import with a progress bar and prints the verification report. It plans and runs through the same
 * {@link PlannedImport} as the wizard: staging collections, swap, verification, and the target as it was when
 * anything fails.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a bundle, a mongodump directory or a mongodump archive (plain or gzip) into a target"
                + " installation.",
            "Prints the plan with its drop warnings and asks you to type the application's name before it changes"
                + " anything (--yes skips the question, --dry-run stops after the plan)."},
        footer = {"", "A dump holds no metadata: name the application with --app; its databases are matched to the"
                + " systems by name (<App>, <App>-staging or <App>STAGING, <App>-test or <App>TEST) unless --map says"
                + " otherwise; the target's metadata is left as it is.",
            "Exit codes: 0 imported (or dry run), 1 failed (the message says in what state the target is), 2 bad input,"
                + " 3 not confirmed, or another import of the application into the target is at work."})
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

    @Option(names = "--map", paramLabel = "FROM=SYSTEM", converter = {Converters.Word.class, Converters.Target.class},
            description = {"A bundle: put the bundle's system FROM (LIVE, STAGING, TEST) into SYSTEM of the target,"
                    + " or SKIP it. A dump: load its database FROM as SYSTEM (or SKIP it). Repeatable"})
    Map<String, Converters.MapTarget> map = new LinkedHashMap<>();

    @Option(names = "--as", paramLabel = "NAME",
            description = "Import the bundle's application under another name (its databases named after NAME)")
    String asName;

    @Option(names = "--replace",
            description = "With --as and --yes: confirms replacing an application called NAME that the target has")
    boolean replace;

    @Option(names = "--systems", split = ",", paramLabel = "SYSTEM", converter = Converters.SystemName.class,
            description = "Systems to import, comma-separated (default: every system the input holds)")
    List<SystemKind> systems;

    @Option(names = "--no-metadata", description = "Leave the target's metadata alone; import data only")
    boolean noMetadata;

    @Option(names = "--reset-passwords",
            description = "Customers the import inserts get the password 'secret'; existing customers keep theirs")
    boolean resetPasswords;

    @Option(names = "--dry-run", description = "Print the plan and stop; writes nothing")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts)")
    boolean yes;

    @Option(names = "--naming", paramLabel = "CONVENTION", converter = Converters.Naming.class,
            description = "DASHED or SUFFIXED: how the target names the application's databases (default: what"
                    + " the target uses for it, else the input's, else DASHED)")
    DatabaseNaming naming;

    @Option(names = "--no-progress", description = "Do not show a progress bar")
    boolean noProgress;

    @Option(names = "--resume", description = {"Go on with an interrupted import of the same bundle into this target:"
            + " collections it had loaded and verified are kept, a partly loaded one goes on after what the target"
            + " acknowledged (refused in one sentence where there is none, or it was of another bundle)"})
    boolean resume;

    @Option(names = "--profile", paramLabel = "FILE", description = "Extraction profile to use instead of the built-in"
            + " one; it decides what the import may overwrite or remove, never the profile a bundle carries")
    Path profile;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    /** How long the import's lease lasts; hidden: for tests that play a suspended import, and for slow sites. */
    @Option(names = "--lease", paramLabel = "SECONDS", hidden = true)
    Integer leaseSeconds;

    /** Documents per insert; hidden: for tests that stop an import in the middle of a collection. */
    @Option(names = "--batch-documents", paramLabel = "N", hidden = true)
    Integer batchDocuments;

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
        Placement placement = Placement.parse(asName, systems(map));
        ExtractionProfile inForce = profile == null ? null : ExtractionProfile.load(profile);
        try (Passphrase key = passphrase.toOpen(path);
             OpenedForImport opened = OpenedForImport.open(path, settings, key);
             SystemHosts targets = SystemHosts.connect(opened.target(), hosts)) {
            BundleReader bundle = opened.bundle();
            String name = bundle.manifest().application().name();
            if (app != null && !app.equals(name)) {
                throw new UserError(ExitCode.BAD_INPUT, "The bundle holds the application " + name + ", not " + app
                        + (asName == null ? "" : " (--as names it in the target)"));
            }
            String targetName = placement.nameFor(name);
            if (!targetName.equals(name)) {
                refuseReplacingUnconfirmed(opened.target(), name, targetName);
            }
            ImportChoice choice = new ImportChoice(systems == null ? bundle.manifest().selection().systemKinds()
                    : SystemList.of(systems), !noMetadata, resetPasswords, placement, resume, naming, inForce);
            CancellationToken token = new CancellationToken();
            PlannedImport planned = PlannedImport.plan(opened.target(), targets, bundle, choice, options(), token);
            List<String> notes = new ArrayList<>(planned.notes());
            if (resetPasswords && planned.plan().metadata().isEmpty()) {
                notes.add("--reset-passwords has no effect: no customers are imported.");
            }
            return proceed(planned, notes, token);
        }
    }

    /**
     * An import under another name must not replace an application of that name by accident (a typo in NAME):
     * without a console to ask on, {@code --replace} must say so.
     */
    private void refuseReplacingUnconfirmed(Installation installation, String name, String targetName) {
        if (yes && !replace && !dryRun && PlannedImport.hasApplication(installation, targetName)) {
            throw new UserError(ExitCode.REFUSED, "Not imported: the target already has an application called "
                    + targetName + ", which importing " + name + " as " + targetName + " would replace. Pass"
                    + " --replace to confirm that, or choose another name. Nothing was changed.");
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
        if (asName != null) {
            throw new UserError(ExitCode.BAD_INPUT, "--as is for bundles: a dump's application is named by --app");
        }
        DumpChoice choice = new DumpChoice(app, systems(map), systems == null ? null : SystemList.of(systems), naming);
        CancellationToken token = new CancellationToken();
        try (DumpContents dump = DumpContents.open(path);
             PlannedImport planned = PlannedImport.plan(settings, hosts, dump, choice, options(), token)) {
            List<String> notes = new ArrayList<>(planned.notes());
            if (resetPasswords) {
                notes.add("--reset-passwords has no effect: a dump holds no customers.");
            }
            return proceed(planned, notes, token);
        }
    }

    /** The job's options from the command line: a dry run, and the hidden lease and batch size. */
    private ImportOptions options() {
        ImportOptions options = ImportOptions.defaults().withResetPasswords(resetPasswords).withDryRun(dryRun)
                .withResume(resume);
        if (leaseSeconds != null) {
            if (leaseSeconds < 1) {
                throw new UserError(ExitCode.BAD_INPUT, "--lease must be at least 1 second (got " + leaseSeconds + ")");
            }
            options = options.withLease(Duration.ofSeconds(leaseSeconds));
        }
        if (batchDocuments != null) {
            options = options.withBatches(Math.max(1, batchDocuments), options.maxBatchBytes());
        }
        return options;
    }

    /** Shows the notes and the plan, confirms, runs and reports. */
    private int proceed(PlannedImport planned, List<String> notes, CancellationToken token) {
        ImportPlan plan = planned.plan();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        notes.forEach(note -> out.println("Note: " + note));
        out.println();
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
            confirm(plan.application(), out);
        }
        ImportResult result;
        try (TerminalProgress progress = new TerminalProgress("Import " + plan.application(), err,
                TerminalProgress.isTerminal(), !noProgress);
             CancelOnCtrlC ctrlC = new CancelOnCtrlC(token, ROLLBACK_GRACE, "import")) {
            // The job ends a cancel only once it has put back and checked what it changed (its message says what it
            // checked); a rollback that failed or did not check out is a failure, not a cancel.
            result = ctrlC.run(() -> planned.run(progress, token), err, (CancelledException cancelled) ->
                    "Import cancelled with Ctrl+C. " + cancelled.getMessage().replaceFirst("^The import was"
                            + " cancelled\\.\\s*", ""));
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


    /** {@code --map}'s pairs with SKIP as {@code null}, as the engine takes them. */
    private static Map<String, SystemKind> systems(Map<String, Converters.MapTarget> map) {
        Map<String, SystemKind> systems = new LinkedHashMap<>();
        map.forEach((from, to) -> systems.put(from, to.system()));
        return systems;
    }
}
