package aom.migration.session;

import aom.migration.bundle.BundleReader;
import aom.migration.dump.DumpContents;
import aom.migration.model.BadInputException;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.BundleImport;
import aom.migration.restore.DumpImport;
import aom.migration.restore.ImportJob;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.ImportPlan;
import aom.migration.restore.ImportRequest;
import aom.migration.restore.ImportResult;
import aom.migration.restore.TargetNaming;
import com.mongodb.client.model.Filters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An import of a bundle or a mongodump output planned against a connected target, ready to run; the wizard's
 * Confirm and Import pages and the command line's {@code import} plan and run here, so that they decide the same
 * way: the target's naming convention, the profile in force and where the bundle's differs, what of the input is
 * imported (for a dump: which of its databases is which system), and the plan. The job that made the plan is the one
 * that runs it, so the rollback file the plan names is the one the import writes.
 */
public final class PlannedImport implements AutoCloseable {

    private final Runnable closeConnections;
    private final Installation target;
    private final Path input;
    private final ImportChoice choice;
    private final DatabaseNaming naming;
    private final List<String> notes;
    private final ImportJob job;
    private final ImportPlan plan;

    private PlannedImport(Runnable closeConnections, Installation target, Path input, ImportChoice choice,
                          DatabaseNaming naming, List<String> notes, ImportJob job, ImportPlan plan) {
        this.closeConnections = closeConnections;
        this.target = target;
        this.input = input;
        this.choice = choice;
        this.naming = naming;
        this.notes = List.copyOf(notes);
        this.job = job;
        this.plan = plan;
    }

    /**
     * Connects to {@code target} and plans the import of {@code choice} from {@code bundle}; writes nothing. Does
     * database work: call it from a background task.
     */
    public static PlannedImport plan(ConnectionSettings target, OpenedBundle bundle, ImportChoice choice,
                                     CancellationToken cancel) {
        return plan(target, InstanceHosts.none(), bundle, choice, cancel);
    }

    /**
     * Like {@link #plan(ConnectionSettings, OpenedBundle, ImportChoice, CancellationToken)} for a target whose
     * systems in {@code instanceHosts} live on hosts of their own; those are opened too and stay open with the
     * target until {@link #close}.
     */
    public static PlannedImport plan(ConnectionSettings target, InstanceHosts instanceHosts, OpenedBundle bundle,
                                     ImportChoice choice, CancellationToken cancel) {
        return connected(target, instanceHosts, (installation, hosts, close) ->
                plan(close, installation, hosts, bundle.reader(), choice, ImportOptions.defaults(), cancel));
    }

    /**
     * Matches the databases of {@code dump} to the systems of {@code choice}'s application, connects to
     * {@code target} (and the hosts of its systems in {@code instanceHosts}, kept open until {@link #close}) and
     * plans their import with {@code options}; writes nothing. A dump holds no metadata: the target's stays as it is.
     *
     * @throws BadInputException when a system the choice names has no database in the dump, or two databases map to
     *                           one system (before connecting)
     */
    public static PlannedImport plan(ConnectionSettings target, InstanceHosts instanceHosts, DumpContents dump,
                                     DumpChoice choice, ImportOptions options, CancellationToken cancel) {
        String app = choice.application();
        DumpImport.Mapping proposed = DumpImport.propose(app, dump.databases(), choice.map());
        if (choice.systems() != null) {
            for (SystemKind system : choice.systems()) {
                if (!proposed.systems().containsKey(system)) {
                    throw new BadInputException("No database of the dump maps to " + system + " of " + app
                            + " (the dump has: " + String.join(", ", dump.databases()) + "); name it with --map <db>="
                            + system);
                }
            }
        }
        DumpImport.Mapping mapping = choice.systems() == null ? proposed : proposed.only(choice.systems());
        List<String> notes = new ArrayList<>();
        mapping.systems().forEach((system, database) -> notes.add("The dump's database " + database + " is loaded"
                + " as " + system + "."));
        for (String database : mapping.unmapped()) {
            Optional<SystemKind> leftOut = proposed.systems().entrySet().stream()
                    .filter(system -> system.getValue().equals(database)).map(Map.Entry::getKey).findFirst();
            notes.add(leftOut.map(system -> "The dump's database " + database + " is skipped: it holds " + system
                    + ", which is not among the systems chosen.")
                    .orElse("The dump's database " + database + " is skipped: it maps to no system of " + app
                            + " (use --map " + database + "=SYSTEM to load it)."));
        }
        notes.add("A dump holds no metadata: the target's metadata stays as it is.");
        notes.addAll(dump.notes());
        return connected(target, instanceHosts, (installation, hosts, close) -> {
            if (!hasApplication(installation, app)) {
                notes.add("The target's metadata has no application " + app + "; the data is loaded anyway, but"
                        + " ApiOmat will not use it until the application exists there.");
            }
            DatabaseNaming naming = choice.naming() != null ? choice.naming()
                    : TargetNaming.choose(hosts, app, mapping.sourceNaming());
            ImportJob job = new ImportJob(installation, hosts, DumpImport.request(dump, app, mapping, naming),
                    options);
            ImportChoice imported = new ImportChoice(mapping.systems().keySet(), false, options.resetPasswords(),
                    null, options.resume(), choice.naming(), null);
            return new PlannedImport(close, installation, dump.location(), imported, naming, notes, job,
                    job.plan(cancel));
        });
    }

    /** What plans once the target and its systems' hosts are connected, with what closes them for the plan. */
    private interface Planner {
        PlannedImport plan(Installation target, SystemHosts hosts, Runnable closeConnections);
    }

    /**
     * Connects to {@code target} and its systems' hosts and plans with them; the plan closes them, or they are
     * closed here when planning fails.
     */
    private static PlannedImport connected(ConnectionSettings target, InstanceHosts instanceHosts,
                                           Planner planner) {
        Installation installation = Installation.connect(target);
        SystemHosts hosts = null;
        try {
            hosts = SystemHosts.connect(installation, instanceHosts);
            SystemHosts opened = hosts;
            return planner.plan(installation, hosts, () -> {
                opened.close();
                installation.close();
            });
        } catch (RuntimeException e) {
            if (hosts != null) {
                hosts.close();
            }
            installation.close();
            throw e;
        }
    }

    /**
     * Plans the import of {@code choice} from {@code bundle} into {@code target}, whose connections the caller keeps
     * and closes; {@code options} are the job's (its lease, batches, a dry run), with the choice's password reset
     * and resume. Writes nothing.
     */
    public static PlannedImport plan(Installation target, SystemHosts hosts, BundleReader bundle, ImportChoice choice,
                                     ImportOptions options, CancellationToken cancel) {
        return plan(() -> { }, target, hosts, bundle, choice, options, cancel);
    }

    private static PlannedImport plan(Runnable closeConnections, Installation target, SystemHosts hosts,
                                      BundleReader bundle, ImportChoice choice, ImportOptions options,
                                      CancellationToken cancel) {
        List<String> notes = new ArrayList<>();
        boolean metadata = choice.metadata() && bundle.manifest().selection().metadata();
        if (choice.metadata() && !metadata) {
            notes.add("The bundle holds no metadata: the target's metadata stays as it is.");
        }
        String targetName = choice.placement().nameFor(bundle.manifest().application().name());
        DatabaseNaming naming = choice.naming() != null ? choice.naming()
                : BundleImport.targetNaming(hosts, bundle, targetName);
        ExtractionProfile inForce = choice.profileInForce();
        List<String> differences = metadata ? BundleImport.profileDifferences(bundle, inForce) : List.of();
        if (!differences.isEmpty()) {
            notes.add("The bundle's extraction profile differs from the one in force (" + (choice.profile() == null
                    ? "built in" : "the one given") + "); the import follows the one in force:"
                    + differences.stream().map(line -> System.lineSeparator() + "  - " + line)
                    .collect(Collectors.joining()));
        }
        ImportRequest request = BundleImport.request(bundle, naming, choice.systems(), metadata, choice.placement(),
                inForce);
        ImportJob job = new ImportJob(target, hosts, request, options.withResetPasswords(choice.resetPasswords())
                .withResume(choice.resume()));
        ImportPlan plan = job.plan(cancel);
        return new PlannedImport(closeConnections, target, bundle.file(), choice, naming, notes, job, plan);
    }

    /**
     * Whether {@code target} has an application called {@code name} (by the built-in profile's application
     * collection): an import under another name must not replace one by accident.
     */
    public static boolean hasApplication(Installation target, String name) {
        ExtractionProfile.ApplicationSpec spec = ExtractionProfile.defaults().application();
        return target.metadataDatabase().getCollection(spec.collection())
                .countDocuments(Filters.eq(spec.nameField(), name)) > 0;
    }

    public Installation target() {
        return target;
    }

    /** The bundle file, or the mongodump directory or archive, as the user named it. */
    public Path input() {
        return input;
    }

    /**
     * What of the input is imported, and how, as chosen ({@link #naming} says the convention decided); for a dump,
     * the systems its databases are loaded as, without metadata.
     */
    public ImportChoice choice() {
        return choice;
    }

    /** How the target names the application's databases. */
    public DatabaseNaming naming() {
        return naming;
    }

    /**
     * What the person should know before confirming that the plan does not say: the bundle holds no metadata, its
     * profile differs from the one in force (and where); which database of a dump is loaded as which system, which
     * are skipped, what the dump left out, and whether the target's metadata knows the application.
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * Runs the import with the job that made the plan: plans again against the target as it is now, loads, swaps,
     * verifies and reports; when anything fails or {@code cancel} is asked for, puts the target back as it was and
     * checks that. Call it from a background task.
     */
    public ImportResult run(ProgressListener listener, CancellationToken cancel) {
        return job.run(listener, cancel);
    }

    /** The plan as the target was when it was made. */
    public ImportPlan plan() {
        return plan;
    }

    /** Closes the target's connections when the plan opened them; those of a caller stay open. */
    @Override
    public void close() {
        closeConnections.run();
    }
}
