package aom.migration.restore;

import aom.migration.bundle.CorruptDataException;
import aom.migration.mongo.ConnectionErrors;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;
import aom.migration.mongo.ServerInfo;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.ProgressTracker;
import aom.migration.progress.Workers;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Imports one application into a target installation, safely (DESIGN.md section 5): puts right what an interrupted
 * earlier import left, plans, loads every collection into staging collections, builds their indexes, merges the
 * metadata (after saving the target's slice), swaps the collections in, verifies, and only then drops what it
 * set aside. A failure or cancel before the swap leaves the target exactly as it was; one during the swap or the
 * verification rolls everything back. Where not even that is possible (the server went away), the journal lets
 * the next run restore the state from before.
 *
 * <p>A system whose database lives on a host of its own ({@link SystemHosts}) is loaded, swapped, verified and, if
 * need be, rolled back on that host; the metadata and the journal stay on the main target, and the journal records
 * on which host each such database is.
 *
 * <p>Phases: PLAN, LOAD, INDEXES, MERGE, SWAP, VERIFY, CLEANUP, DONE. A cancel is honoured within about a second
 * in every phase up to the commit; the cleanup after it only drops collections and is not interrupted.
 */
public final class ImportJob {

    /** A named point of the job, for fault-injection tests. */
    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = point -> { };

        void reached(String point);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportJob.class);
    private static final Duration MIN_HEARTBEAT = Duration.ofSeconds(1);

    private final MongoClient client;
    private final SystemHosts targets;
    private final String hosts;
    private final ImportRequest request;
    private final ImportOptions options;
    private final ImportPlanner planner;
    private final Checkpoint checkpoint;
    /** Names the rollback file, so that the previewed plan and the run name the same one. */
    private final Instant createdAt = Instant.now();
    /** The target's connection, to say in its words why the plan could not be made; null in tests. */
    private ConnectionSettings settings;

    /**
     * @param target  the connected target installation
     * @param request what to import
     * @param options how
     */
    public ImportJob(Installation target, ImportRequest request, ImportOptions options) {
        this(SystemHosts.mainOnly(target), target.serverInfo(), request, options, Checkpoint.NONE);
        this.settings = target.settings();
    }

    /**
     * An import into a target whose systems may live on hosts of their own.
     *
     * @param target the connected target installation (the metadata database and the journal)
     * @param hosts  the hosts of {@code target}'s systems, opened on {@code target} ({@link SystemHosts#connect});
     *               the caller closes them
     */
    public ImportJob(Installation target, SystemHosts hosts, ImportRequest request, ImportOptions options) {
        this(hosts, target.serverInfo(), request, options, Checkpoint.NONE);
        if (hosts.main() != target.client()) {
            throw new IllegalArgumentException("The system hosts were not opened on this target");
        }
        this.settings = target.settings();
    }

    ImportJob(MongoClient client, ServerInfo server, String hosts, ImportRequest request, ImportOptions options,
              Checkpoint checkpoint) {
        this(SystemHosts.mainOnly(client, hosts), server, request, options, checkpoint);
    }

    ImportJob(SystemHosts targets, ServerInfo server, ImportRequest request, ImportOptions options,
              Checkpoint checkpoint) {
        this.targets = targets;
        this.client = targets.main();
        this.hosts = targets.mainHosts();
        this.request = request;
        this.options = options;
        this.planner = new ImportPlanner(targets, server);
        this.checkpoint = checkpoint;
    }

    /** The plan as the target is now (the preview); writes nothing. */
    public ImportPlan plan(CancellationToken cancel) {
        try {
            return planner.plan(request, options, cancel, createdAt);
        } catch (MongoException e) {
            // e.g. a user who may not list the metadata's collections: one sentence, not the driver's exception
            throw settings == null ? e : ConnectionErrors.wrap(e, settings);
        }
    }

    /**
     * Runs the import.
     *
     * @throws CancelledException     when cancelled; the target is as it was
     * @throws CorruptDataException   when the data does not match its checksums; the target is as it was
     * @throws ImportFailedException  for every other failure; the message says in what state the target is
     */
    public ImportResult run(ProgressListener listener, CancellationToken cancel) {
        ProgressTracker tracker = new ProgressTracker(listener, Phase.PLAN);
        tracker.phase(Phase.PLAN, "Planning the import of " + request.application());
        List<String> recovered = List.of();
        Optional<InterruptedImport> interrupted = InterruptedImport.find(targets, request.application(),
                request.targetNaming(), request.profile());
        if (interrupted.isPresent() && !options.dryRun()) {
            recovered = interrupted.get().describe();
            recovered.forEach(line -> listener.warn(Phase.PLAN, line));
            interrupted.get().restore(listener);
        }
        cancel.throwIfCancelled();
        ImportPlan plan = planner.plan(request, options, cancel, createdAt);
        plan.warnings().forEach(warning -> listener.warn(Phase.PLAN, warning));
        if (options.dryRun()) {
            tracker.phase(Phase.DONE, "Dry run: nothing was written");
            return new ImportResult(plan, true, recovered, null, null, null);
        }
        if (!plan.canProceed()) {
            throw new ImportFailedException("The import of " + request.application() + " cannot start: "
                    + String.join("; ", plan.problems()) + ". Nothing was changed.");
        }
        cancel.throwIfCancelled();
        return execute(plan, recovered, tracker, listener, cancel);
    }

    private ImportResult execute(ImportPlan plan, List<String> recovered, ProgressTracker tracker,
                                 ProgressListener listener, CancellationToken cancel) {
        MongoDatabase metadata = client.getDatabase(request.profile().database());
        Path rollbackFile = plan.rollbackFile().orElse(null);
        ImportJournal journal;
        try {
            journal = ImportJournal.begin(metadata, request.application(), UUID.randomUUID().toString(),
                    plan.entries(), newDatabases(plan), plan.swapStrategy(),
                    rollbackFile == null ? null : rollbackFile.toString(), options.lease(), plan.systemHosts());
        } catch (MongoException e) {
            // The journal is the first write: a target that refuses it (no write permission) is still untouched.
            throw new ImportFailedException("The import of " + request.application() + " cannot start: "
                    + DriverFailures.readable(e, hosts) + ". Nothing was changed.", e);
        }
        ScheduledExecutorService lease = startLease(journal);
        try {
            VerificationReport report;
            VerificationReport.Saved saved;
            try {
                report = loadMergeSwapVerify(plan, journal, tracker, cancel);
                saved = report.save();
                if (!report.passed()) {
                    throw new ImportFailedException("The verification of " + request.application() + " failed: "
                            + String.join("; ", report.problems()) + " (report: " + saved.text() + ")");
                }
                checkpoint.reached("verified");
                cancel.throwIfCancelled();
                journal.advance(ImportJournal.State.COMMITTED, journal.metadataSaved());
                checkpoint.reached("committed");
            } catch (RuntimeException e) {
                throw rolledBack(journal, e, tracker);
            }
            return cleanUp(plan, journal, recovered, report, saved, tracker, listener);
        } finally {
            lease.shutdownNow();
            journal.release();
        }
    }

    /** The databases the import will create, the metadata database included (the journal lives there). */
    private List<String> newDatabases(ImportPlan plan) {
        Set<String> existing = client.listDatabaseNames().into(new HashSet<>());
        List<String> created = new ArrayList<>();
        for (SystemPlan system : plan.systems()) {
            // Each system's database is looked for on the host it is written to.
            Set<String> there = targets.ownHost(system.system())
                    ? targets.client(system.system()).listDatabaseNames().into(new HashSet<>()) : existing;
            if (!there.contains(system.targetDatabase())) {
                created.add(system.targetDatabase());
            }
        }
        if (!existing.contains(request.profile().database())) {
            created.add(request.profile().database());
        }
        return created;
    }

    private VerificationReport loadMergeSwapVerify(ImportPlan plan, ImportJournal journal, ProgressTracker tracker,
                                                   CancellationToken cancel) {
        DatabaseImporter importer = new DatabaseImporter(targets, options);
        tracker.phase(Phase.LOAD, "Loading " + plan.loads().size() + " collection(s) into staging collections");
        // Each staging collection is read back while the others load; renamed into place it needs only a count.
        boolean readBack = plan.swapStrategy() != SwapStrategy.COPY;
        Map<String, DatabaseImporter.Loaded> loaded = importer.load(plan.loads(), readBack, tracker, cancel);
        checkpoint.reached("loaded");
        Verifier verifier = new Verifier(targets);
        if (readBack) {
            VerificationReport staged = verifier.checkStaged(plan, loaded);
            if (!staged.passed()) {
                // Nothing is swapped yet: the caller saves the report and drops the staging collections.
                return staged;
            }
        }
        tracker.phase(Phase.INDEXES, "Building indexes on the staging collections");
        importer.buildIndexes(plan.loads(), tracker, cancel);
        checkpoint.reached("indexed");
        Optional<MetadataMergePlan> merge = plan.metadata().filter(MetadataMergePlan::changesTarget);
        if (merge.isPresent()) {
            tracker.phase(Phase.MERGE, "Saving the target's metadata of " + request.application()
                    + " and merging the import's");
            MetadataMerger merger = new MetadataMerger(client.getDatabase(request.profile().database()),
                    request.profile());
            merger.saveRollback(merge.get(), journal.importId(), plan.rollbackFile().orElseThrow(), cancel);
            journal.advance(ImportJournal.State.MERGING, true);
            checkpoint.reached("metadata-saved");
            merger.write(merge.get(), cancel);
            checkpoint.reached("merged");
        }
        cancel.throwIfCancelled();
        tracker.phase(Phase.SWAP, "Swapping the loaded collections in");
        journal.advance(ImportJournal.State.SWAPPING, journal.metadataSaved());
        importer.swap(journal, plan.swapStrategy(), entry -> {
            tracker.advance("swap", 1, 0);
            checkpoint.reached("swapped " + entry.namespace());
        }, cancel);
        checkpoint.reached("swapped");
        // The job's tracker moves to VERIFY too, so that a failure from here on is described as one while verifying.
        tracker.phase(Phase.VERIFY, "Verifying the target against the import");
        // A tracker of its own: verifying re-reads the namespaces the load counted, which must not count twice.
        ProgressTracker verifying = new ProgressTracker(tracker.listener(), Phase.VERIFY);
        VerificationReport report = verifier.verify(plan, loaded, request.profile(), verifying, cancel);
        verifying.flush();
        return report;
    }

    private ImportResult cleanUp(ImportPlan plan, ImportJournal journal, List<String> recovered,
                                 VerificationReport report, VerificationReport.Saved saved, ProgressTracker tracker,
                                 ProgressListener listener) {
        tracker.phase(Phase.CLEANUP, "Dropping the collections set aside and the saved metadata");
        String cleanupWarning = null;
        try {
            rollback().rollForward(journal);
        } catch (RuntimeException e) {
            cleanupWarning = "The import is complete and verified, but the clean-up failed (" + e.getMessage()
                    + "); the next import or plan of " + request.application() + " finishes it.";
            LOG.info(cleanupWarning, e);
            listener.warn(Phase.CLEANUP, cleanupWarning);
        }
        tracker.phase(Phase.DONE, "Imported " + request.application() + "; verification passed (report: "
                + saved.text() + ")");
        return new ImportResult(plan, false, recovered, report, saved, cleanupWarning);
    }

    /** Rolls back after {@code failure} and returns what the caller should throw. */
    private RuntimeException rolledBack(ImportJournal journal, RuntimeException failure, ProgressTracker tracker) {
        // Logged at INFO: the caller reports the failure, and at WARN the command line's console would repeat it.
        LOG.info("Import of {} stopped: {}", request.application(), failure.toString());
        Phase phase = tracker.phase();
        tracker.phase(Phase.CLEANUP, "Restoring the target to its state before the import");
        try {
            rollback().rollBack(journal);
        } catch (RuntimeException rollbackFailure) {
            LOG.info("Rollback of the import of {} failed", request.application(), rollbackFailure);
            failure.addSuppressed(rollbackFailure);
            return new ImportFailedException(describe(failure, phase) + " The target could not be restored right now ("
                    + DriverFailures.readable(rollbackFailure, hosts) + "); the next import or plan of "
                    + request.application() + " finds what this one left and restores the state from before it"
                    + " first.", failure);
        }
        if (failure instanceof CancelledException || failure instanceof CorruptDataException) {
            return failure;
        }
        return new ImportFailedException(describe(failure, phase) + " The target was restored to its state before"
                + " the import.", failure);
    }

    private ImportRollback rollback() {
        return new ImportRollback(client, targets::client, request.profile(), options);
    }

    /** The failure as the user should read it; driver failures say in which phase they happened. */
    private String describe(RuntimeException failure, Phase phase) {
        if (failure instanceof CancelledException) {
            return "The import was cancelled.";
        }
        String message = DriverFailures.readable(failure, hosts);
        if (failure instanceof MongoException) {
            message = "While " + phase.label().toLowerCase(Locale.ROOT) + ", " + message;
        }
        return message.endsWith(".") ? message : message + ".";
    }

    private ScheduledExecutorService startLease(ImportJournal journal) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Workers.daemons("aom-import-lease"));
        long every = Math.max(MIN_HEARTBEAT.toMillis(), options.lease().toMillis() / 4);
        scheduler.scheduleAtFixedRate(() -> {
            try {
                journal.heartbeat();
            } catch (RuntimeException e) {
                LOG.debug("Could not renew the import's lease: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return scheduler;
    }
}
