package aom.migration.session;

import aom.migration.bundle.BundleReader;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.restore.BundleImport;
import aom.migration.restore.ImportJob;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.ImportPlan;
import aom.migration.restore.ImportRequest;
import com.mongodb.client.model.Filters;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import of a bundle planned against a connected target, ready to run; the wizard's Confirm page and the command
 * line's {@code import} both plan here, so that they decide the same way: the target's naming convention, the
 * profile in force and where the bundle's differs, what of the bundle is imported, and the plan. The job that made
 * the plan is the one that runs it, so the rollback file the plan names is the one the import writes.
 */
public final class PlannedImport implements AutoCloseable {

    private final Runnable closeConnections;
    private final Installation target;
    private final BundleReader bundle;
    private final ImportChoice choice;
    private final DatabaseNaming naming;
    private final List<String> notes;
    private final ImportJob job;
    private final ImportPlan plan;

    private PlannedImport(Runnable closeConnections, Installation target, BundleReader bundle, ImportChoice choice,
                          DatabaseNaming naming, List<String> notes, ImportJob job, ImportPlan plan) {
        this.closeConnections = closeConnections;
        this.target = target;
        this.bundle = bundle;
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
        Installation installation = Installation.connect(target);
        SystemHosts hosts = null;
        try {
            hosts = SystemHosts.connect(installation, instanceHosts);
            SystemHosts opened = hosts;
            return plan(() -> {
                opened.close();
                installation.close();
            }, installation, hosts, bundle.reader(), choice, ImportOptions.defaults(), cancel);
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
        return new PlannedImport(closeConnections, target, bundle, choice, naming, notes, job, plan);
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

    public BundleReader bundle() {
        return bundle;
    }

    public ImportChoice choice() {
        return choice;
    }

    /** How the target names the application's databases. */
    public DatabaseNaming naming() {
        return naming;
    }

    /**
     * What the person should know before confirming that the plan does not say: the bundle holds no metadata, its
     * profile differs from the one in force (and where).
     */
    public List<String> notes() {
        return notes;
    }

    /** The job to run; it plans again as it starts, against the target as it is then. */
    public ImportJob job() {
        return job;
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
