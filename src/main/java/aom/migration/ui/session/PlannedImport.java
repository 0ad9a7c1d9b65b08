package aom.migration.ui.session;

import aom.migration.model.DatabaseNaming;
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

/**
 * An import planned against a connected target, ready to run: the connection stays open, and the job that made the
 * plan is the one that runs it, so the rollback file the Confirm page names is the one the import writes.
 */
public final class PlannedImport implements AutoCloseable {

    private final Installation target;
    private final SystemHosts hosts;
    private final OpenedBundle bundle;
    private final ImportChoice choice;
    private final DatabaseNaming naming;
    private final ImportJob job;
    private final ImportPlan plan;

    private PlannedImport(Installation target, SystemHosts hosts, OpenedBundle bundle, ImportChoice choice,
                          DatabaseNaming naming, ImportJob job, ImportPlan plan) {
        this.target = target;
        this.hosts = hosts;
        this.bundle = bundle;
        this.choice = choice;
        this.naming = naming;
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
            DatabaseNaming naming = BundleImport.targetNaming(hosts, bundle.reader(),
                    choice.placement().nameFor(bundle.application()));
            ImportRequest request = BundleImport.request(bundle.reader(), naming, choice.systems(),
                    choice.metadata(), choice.placement());
            ImportJob job = new ImportJob(installation, hosts, request, ImportOptions.defaults()
                    .withResetPasswords(choice.resetPasswords()).withResume(choice.resume()));
            ImportPlan plan = job.plan(cancel);
            return new PlannedImport(installation, hosts, bundle, choice, naming, job, plan);
        } catch (RuntimeException e) {
            if (hosts != null) {
                hosts.close();
            }
            installation.close();
            throw e;
        }
    }

    public Installation target() {
        return target;
    }

    public OpenedBundle bundle() {
        return bundle;
    }

    public ImportChoice choice() {
        return choice;
    }

    /** How the target names the application's databases. */
    public DatabaseNaming naming() {
        return naming;
    }

    /** The job to run; it plans again as it starts, against the target as it is then. */
    public ImportJob job() {
        return job;
    }

    /** The plan as the target was when it was made. */
    public ImportPlan plan() {
        return plan;
    }

    @Override
    public void close() {
        hosts.close();
        target.close();
    }
}
