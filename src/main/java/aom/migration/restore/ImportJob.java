package aom.migration.restore;

import aom.migration.data.CorruptDataException;
import aom.migration.model.SystemKind;
import aom.migration.model.ToolClock;
import aom.migration.model.WorkingNames;
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
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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

    /** A point of the job that fault-injection tests act at: a crash, a cancel, a write from elsewhere. */
    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = point -> { };

        void reached(Point point);

        /** The stages of the job a checkpoint is reached at, in their order. */
        enum Stage {
            LOADED, INDEXED, METADATA_SAVED, MERGED, SWAPPED_ONE, SWAPPED, VERIFIED, COMMITTED
        }

        /**
         * Where the job is.
         *
         * @param stage     the stage just completed
         * @param namespace for {@link Stage#SWAPPED_ONE}, the collection just swapped in; else {@code null}
         */
        record Point(Stage stage, String namespace) {

            static Point of(Stage stage) {
                return new Point(stage, null);
            }

            public boolean is(Stage wanted) {
                return stage == wanted;
            }

            /** The point as a word ("loaded", "swapped ConferenceApp.Basics_User"), for tests that list them. */
            @Override
            public String toString() {
                String word = stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
                return stage == Stage.SWAPPED_ONE ? "swapped " + namespace : word;
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportJob.class);

    private final MongoClient client;
    private final SystemHosts targets;
    private final String hosts;
    private final ImportRequest request;
    private final ImportOptions options;
    private final ImportPlanner planner;
    private final Checkpoint checkpoint;
    /** Names the rollback file, so that the previewed plan and the run name the same one. */
    private final Instant createdAt = ToolClock.now();
    /** This import's id, and the tag its working collections carry (the plan names them). */
    private String importId = UUID.randomUUID().toString();
    private String tag = WorkingNames.tagOf(importId);
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
            return planner.plan(request, options, cancel, createdAt, tag, false, null);
        } catch (MongoException e) {
            // e.g. a user who may not list the metadata's collections: one sentence, not the driver's exception
            throw settings == null ? e : ConnectionErrors.wrap(e, settings);
        }
    }

    /**
     * Runs the import.
     *
     * @throws CancelledException     when cancelled; the target was restored, and the message says what was checked
     * @throws CorruptDataException   when the data does not match its checksums; the target was restored
     * @throws TargetBusyException    when another import of the application into the target may be running;
     *                                nothing was changed
     * @throws OwnershipLostException when another import took this one's journal over (this one had been taken
     *                                for dead); this one stopped and changed nothing more
     * @throws ImportFailedException  for every other failure; the message says in what state the target is
     */
    public ImportResult run(ProgressListener listener, CancellationToken cancel) {
        ProgressTracker tracker = new ProgressTracker(listener, Phase.PLAN);
        tracker.phase(Phase.PLAN, "Planning the import of " + request.application());
        if (options.dryRun()) {
            ImportPlan plan = planner.plan(request, options, cancel, createdAt, tag, false, null);
            plan.warnings().forEach(warning -> listener.warn(Phase.PLAN, warning));
            tracker.phase(Phase.DONE, "Dry run: nothing was written");
            return new ImportResult(plan, true, List.of(), null, null, null);
        }
        // Cancelled by the user, or by the lease when another import took the journal over.
        CancellationToken stop = new CancellationToken();
        cancel.onCancel(stop::cancel);
        HeldJournal held = new HeldJournal(acquire(), request.application(), options.lease(), stop);
        try {
            ResumedImport resumed = null;
            List<String> recovered;
            if (options.resume()) {
                try {
                    resumed = ResumedImport.takeUp(held.journal(), request.application(), request.source().bundle(),
                            targets, request.profile(), listener);
                } catch (ResumeRefusedException e) {
                    if (!held.journal().takenOver()) {
                        // The journal was taken only to look: there was nothing to resume.
                        held.journal().delete();
                    }
                    throw e;
                }
                // The resumed import goes on under its own id: its working collections carry its tag.
                importId = held.journal().importId();
                tag = held.journal().tag().orElseThrow();
                recovered = new ArrayList<>(resumed.describe());
                recovered.forEach(line -> listener.info(Phase.PLAN, line));
                recovered.addAll(InterruptedImport.cleanLeftovers(targets, held.journal(), request.application(),
                        request.targetNaming(), tag, listener));
            } else {
                recovered = putRightFirst(held, listener);
            }
            ImportPlan plan;
            Map<MongoClient, Set<String>> databasesBefore;
            try {
                stop.throwIfCancelled();
                databasesBefore = databasesByHost();
                String renameProblem = checkRenames(held.journal());
                plan = planner.plan(request, options, stop, createdAt, tag, true, renameProblem);
                if (!plan.canProceed()) {
                    throw new ImportFailedException("The import of " + request.application() + " cannot start: "
                            + String.join("; ", plan.problems()) + ".");
                }
                stop.throwIfCancelled();
            } catch (RuntimeException e) {
                throw notStarted(held.journal(), e);
            }
            plan.warnings().forEach(warning -> listener.warn(Phase.PLAN, warning));
            return execute(plan, held.journal(), databasesBefore, recovered, resumed, tracker, listener, stop);
        } finally {
            held.close();
        }
    }

    /**
     * What to throw when the import stops before it wrote anything of its own (the journal aside, and the rename
     * check's scratch collections, which it dropped): the journal is removed again, and the message says whether
     * that worked.
     */
    private RuntimeException notStarted(ImportJournal journal, RuntimeException failure) {
        if (failure instanceof OwnershipLostException || journal.isLost()) {
            return failure instanceof OwnershipLostException ? failure : ownershipLost(journal, failure);
        }
        String removed;
        try {
            if (journal.entries().isEmpty()) {
                journal.delete();
                removed = " Nothing was changed.";
            } else {
                // A resume that stopped before it began to load: the interrupted import it took up is rolled back.
                RollbackProof proof = rollback().rollBack(journal);
                removed = proof.passed() ? " The interrupted import it was resuming was rolled back; checked: "
                        + proof.checked() + "." : " The interrupted import it was resuming could not be rolled back"
                        + " with proof (" + String.join("; ", proof.differences()) + "); nothing was deleted.";
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            removed = " Its journal could not be removed (" + DriverFailures.readable(e, hosts) + "); the next import"
                    + " of " + request.application() + " removes it.";
        }
        if (failure instanceof CancelledException) {
            return new ImportCancelledException("The import was cancelled before it started." + removed, null);
        }
        String message = failure instanceof ImportFailedException ? failure.getMessage()
                : "The import of " + request.application() + " cannot start: " + DriverFailures.readable(failure,
                hosts) + ".";
        return new ImportFailedException(message.replaceFirst("\\.$", "") + "." + removed, failure);
    }

    /** Takes the application's journal in the target: the first write, so a refusal here changed nothing. */
    private ImportJournal acquire() {
        try {
            return ImportJournal.acquire(client.getDatabase(request.profile().database()), request.application(),
                    importId, options.lease(), createdAt);
        } catch (TargetBusyException e) {
            throw e;
        } catch (MongoException e) {
            throw new ImportFailedException("The import of " + request.application() + " cannot start: "
                    + DriverFailures.readable(e, hosts) + ". Nothing was changed.", e);
        }
    }

    /**
     * Puts right what an interrupted earlier import left, holding the journal: rolls back the import whose journal
     * was taken over (then holds a fresh journal of its own) and deals with working collections no journal names.
     *
     * @return what was found, one line each
     */
    private List<String> putRightFirst(HeldJournal held, ProgressListener listener) {
        List<String> recovered = new ArrayList<>();
        if (held.journal().takenOver()) {
            recovered.add("Found the journal of " + held.journal().describe() + ".");
            recovered.forEach(line -> listener.warn(Phase.PLAN, line));
            InterruptedImport.rollBackTakenOver(targets, held.journal(), request.application(), request.profile(),
                    listener).ifPresent(checked -> recovered.add("The target was restored to its state before that"
                    + " import; checked: " + checked + "."));
            held.close();
            held.hold(acquire());
        }
        for (String line : InterruptedImport.cleanLeftovers(targets, held.journal(), request.application(),
                request.targetNaming(), tag, listener)) {
            recovered.add(line);
        }
        return recovered;
    }

    /**
     * Checks that the target's {@code renameCollection} keeps what it renames, on every host the import renames on,
     * in the import's own scratch collections.
     *
     * @return why renaming is not safe there, or {@code null}
     */
    private String checkRenames(ImportJournal journal) {
        if (request.data().isEmpty() || options.swapStrategy() == SwapStrategy.COPY) {
            return null;
        }
        Map<MongoClient, SystemKind> hostsToCheck = new LinkedHashMap<>();
        request.data().keySet().forEach(system -> hostsToCheck.putIfAbsent(targets.client(system), system));
        for (Map.Entry<MongoClient, SystemKind> host : hostsToCheck.entrySet()) {
            String database = request.targetDatabase(host.getValue());
            if (!RenameCheck.keepsData(host.getKey(), database, tag, journal)) {
                return "In a check just now, " + database + " on the target kept the documents of a renamed"
                        + " collection under its old name (mongo-java-server's H2 backend does this), so renaming is"
                        + " not safe there";
            }
        }
        return null;
    }

    private Map<MongoClient, Set<String>> databasesByHost() {
        Map<MongoClient, Set<String>> databases = new HashMap<>();
        databases.put(client, client.listDatabaseNames().into(new HashSet<>()));
        for (SystemKind system : request.data().keySet()) {
            databases.computeIfAbsent(targets.client(system), host -> host.listDatabaseNames().into(new HashSet<>()));
        }
        return databases;
    }

    private ImportResult execute(ImportPlan plan, ImportJournal journal, Map<MongoClient, Set<String>> before,
                                 List<String> recovered, ResumedImport resumed, ProgressTracker tracker,
                                 ProgressListener listener, CancellationToken cancel) {
        Path rollbackFile = plan.rollbackFile().orElse(null);
        try {
            List<JournalEntry> entries = resumed == null ? plan.entries() : resumed.merge(plan.entries(), targets);
            List<String> created = newDatabases(plan, before);
            journal.start(entries, resumed == null ? created : resumed.newDatabases(created), plan.swapStrategy(),
                    rollbackFile == null ? null : rollbackFile.toString(), plan.systemHosts(),
                    request.source().bundle());
        } catch (MongoException e) {
            journal.delete();
            throw new ImportFailedException("The import of " + request.application() + " cannot start: "
                    + DriverFailures.readable(e, hosts) + ". Nothing was changed.", e);
        }
        VerificationReport report;
        VerificationReport.Saved saved;
        try {
            report = loadMergeSwapVerify(plan, journal, resumed, tracker, cancel);
            saved = report.save();
            if (!report.passed()) {
                throw new ImportFailedException("The verification of " + request.application() + " failed: "
                        + String.join("; ", report.problems()) + " (report: " + saved.text() + ")");
            }
            checkpoint.reached(Checkpoint.Point.of(Checkpoint.Stage.VERIFIED));
            cancel.throwIfCancelled();
            journal.advance(ImportJournal.State.COMMITTED, journal.metadataSaved());
            checkpoint.reached(Checkpoint.Point.of(Checkpoint.Stage.COMMITTED));
        } catch (RuntimeException e) {
            throw rolledBack(journal, e, tracker);
        }
        return cleanUp(plan, journal, recovered, report, saved, tracker, listener);
    }

    /** The databases the import will create, the metadata database included (the journal lives there). */
    private List<String> newDatabases(ImportPlan plan, Map<MongoClient, Set<String>> before) {
        List<String> created = new ArrayList<>();
        for (SystemPlan system : plan.systems()) {
            // Each system's database is looked for on the host it is written to.
            if (!before.get(targets.client(system.system())).contains(system.targetDatabase())) {
                created.add(system.targetDatabase());
            }
        }
        if (!before.get(client).contains(request.profile().database())) {
            created.add(request.profile().database());
        }
        return created;
    }

    private VerificationReport loadMergeSwapVerify(ImportPlan plan, ImportJournal journal, ResumedImport resumed,
                                                   ProgressTracker tracker, CancellationToken cancel) {
        DatabaseImporter importer = new DatabaseImporter(targets, options, journal);
        tracker.phase(Phase.LOAD, "Loading " + plan.loads().size() + " collection(s) into staging collections");
        // Each staging collection is read back while the others load; renamed into place it needs only a count.
        boolean readBack = plan.swapStrategy() != SwapStrategy.COPY;
        Map<String, DatabaseImporter.Loaded> loaded = importer.load(plan.loads(), readBack, tracker, cancel);
        checkpoint.reached(Checkpoint.Point.of(Checkpoint.Stage.LOADED));
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
        checkpoint.reached(Checkpoint.Point.of(Checkpoint.Stage.INDEXED));
        Optional<MetadataMergePlan> merge = plan.metadata().filter(MetadataMergePlan::changesTarget);
        if (merge.isPresent()) {
            tracker.phase(Phase.MERGE, "Saving the target's metadata of " + request.application()
                    + " and merging the import's");
            MetadataMerger merger = new MetadataMerger(client.getDatabase(request.profile().database()),
                    request.profile());
            merger.rollback(request.application(), journal.importId(), journal)
                    .save(merge.get(), plan.rollbackFile().orElseThrow(), cancel);
            journal.advance(ImportJournal.State.MERGING, true);
            checkpoint.reached(Checkpoint.Point.of(Checkpoint.Stage.METADATA_SAVED));
            merger.write(merge.get(), journal, cancel);
            checkpoint.reached(Checkpoint.Point.of(Checkpoint.Stage.MERGED));
        }
        cancel.throwIfCancelled();
        tracker.phase(Phase.SWAP, "Swapping the loaded collections in");
        journal.advance(ImportJournal.State.SWAPPING, journal.metadataSaved());
        new CollectionSwap(targets, options, journal).run(plan.swapStrategy(), entry -> {
            tracker.advance("swap", 1, 0);
            checkpoint.reached(new Checkpoint.Point(Checkpoint.Stage.SWAPPED_ONE, entry.namespace()));
        }, cancel);
        checkpoint.reached(Checkpoint.Point.of(Checkpoint.Stage.SWAPPED));
        // The job's tracker moves to VERIFY too, so that a failure from here on is described as one while verifying.
        tracker.phase(Phase.VERIFY, "Verifying the target against the import");
        // A tracker of its own: verifying re-reads the namespaces the load counted, which must not count twice.
        ProgressTracker verifying = new ProgressTracker(tracker.listener(), Phase.VERIFY);
        VerificationReport report = verifier.verify(plan, loaded, request.profile(), verifying, cancel);
        verifying.flush();
        List<String> notes = new ArrayList<>(plan.placement());
        if (resumed != null) {
            notes.add(resumed.note(loaded));
        }
        return report.withNotes(notes);
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

    /** Joins the sentence of a lost ownership and what the import had met before it found out. */
    static final String MET_BEFORE = " Before it stopped, it had met this, most likely the other import's doing: ";

    /** Rolls back after {@code failure} and returns what the caller should throw. */
    private RuntimeException rolledBack(ImportJournal journal, RuntimeException failure, ProgressTracker tracker) {
        // Logged at INFO: the caller reports the failure, and at WARN the command line's console would repeat it.
        LOG.info("Import of {} stopped: {}", request.application(), failure.toString());
        if (failure instanceof OwnershipLostException || journal.isLost()) {
            // Another import holds the target now: this one touches nothing more, not even to roll back.
            return failure instanceof OwnershipLostException ? failure : ownershipLost(journal, failure);
        }
        Phase phase = tracker.phase();
        tracker.phase(Phase.CLEANUP, "Restoring the target to its state before the import");
        RollbackProof proof;
        try {
            proof = rollback().rollBack(journal);
        } catch (OwnershipLostException lost) {
            // Lost first: what this import met on its way (a rename that found its collection gone, a duplicate
            // key) is most likely the other import's work, not a fault of the server to be reported as such.
            failure.addSuppressed(lost);
            return new OwnershipLostException(lost.getMessage() + MET_BEFORE + describe(failure, phase));
        } catch (RuntimeException rollbackFailure) {
            LOG.info("Rollback of the import of {} failed", request.application(), rollbackFailure);
            failure.addSuppressed(rollbackFailure);
            return new ImportFailedException(describe(failure, phase) + " The target could not be restored right now ("
                    + DriverFailures.readable(rollbackFailure, hosts) + "); the next import or plan of "
                    + request.application() + " finds what this one left and restores the state from before it"
                    + " first.", failure);
        }
        if (!proof.passed()) {
            return new ImportFailedException(describe(failure, phase) + " The import was rolled back, but the target"
                    + " does not match what was recorded before it changed anything: "
                    + String.join("; ", proof.differences()) + " (checked: " + proof.checked() + "). Nothing was"
                    + " deleted: the imported data stays in its working collections"
                    + (journal.metadataSaved() ? ", the saved metadata in " + request.profile().database() + "."
                    + journal.sliceCollection() + (journal.rollbackFile() == null ? ""
                    : " and in " + journal.rollbackFile()) : "") + ". Look at the differences before you run the"
                    + " import again.", failure);
        }
        String restored = " The target was restored to its state before the import; checked: " + proof.checked()
                + ".";
        if (failure instanceof CancelledException) {
            return new ImportCancelledException("The import was cancelled." + restored, proof);
        }
        if (failure instanceof CorruptDataException) {
            return new CorruptDataException(failure.getMessage() + restored, failure);
        }
        return new ImportFailedException(describe(failure, phase) + restored, failure);
    }

    private OwnershipLostException ownershipLost(ImportJournal journal, RuntimeException failure) {
        try {
            journal.confirm();
        } catch (OwnershipLostException lost) {
            lost.addSuppressed(failure);
            return lost;
        }
        return new OwnershipLostException(failure.getMessage());
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
}
