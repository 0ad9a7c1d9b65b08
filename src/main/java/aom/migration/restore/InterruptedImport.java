package aom.migration.restore;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.model.ToolClock;
import aom.migration.model.WorkingNames;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an import that did not finish left in a target: its journal, working collections, a saved metadata slice.
 * Found by {@link #find} (the plan reports it, writing nothing), put right by {@link #restore} or, inside an import
 * that holds the application's journal, by {@link #putRight}: a journal that is not committed is rolled back to
 * the state before that import and the rollback proves itself; a committed one is finished. Working collections
 * without a journal are recognised by their names: staging and scratch collections are dropped, a set-aside
 * collection whose original is missing is renamed back, and anything ambiguous is left in place and reported, never
 * guessed at.
 *
 * <p>Nothing is touched without holding the application's journal: a recovery takes over the journal of a dead
 * import (or takes a fresh one), so that two recoveries, or a recovery and an import, never act at once.
 *
 * <p>Systems whose database lives on a host of their own: the journal (in the main target) records on which host
 * each such database was written, and recovery puts it right there, through the hosts the caller gives
 * ({@link SystemHosts}). When the journal names a host the caller did not give, recovery refuses and says which
 * system and host it needs, rather than guess.
 */
public final class InterruptedImport {

    /** A working collection without a journal, on the host where it was found. */
    private record Leftover(MongoClient client, String where, String database, String name) {
        String label() {
            return where == null ? database + "." + name : database + "." + name + " (on " + where + ")";
        }
    }

    private final SystemHosts targets;
    private final ExtractionProfile profile;
    private final String application;
    private final DatabaseNaming naming;
    private final JournalHolder journal;
    private final Map<SystemKind, String> missingHosts;
    private final List<Leftover> unjournaled;
    private final boolean orphanSlice;

    private InterruptedImport(SystemHosts targets, ExtractionProfile profile, String application,
                              DatabaseNaming naming, JournalHolder journal,
                              Map<SystemKind, String> missingHosts, List<Leftover> unjournaled, boolean orphanSlice) {
        this.targets = targets;
        this.profile = profile;
        this.application = application;
        this.naming = naming;
        this.journal = journal;
        this.missingHosts = missingHosts;
        this.unjournaled = unjournaled;
        this.orphanSlice = orphanSlice;
    }

    /** Looks for the leftovers of an import of {@code application} into {@code target}; writes nothing. */
    public static Optional<InterruptedImport> find(Installation target, String application, DatabaseNaming naming,
                                                   ExtractionProfile profile) {
        return find(SystemHosts.mainOnly(target), application, naming, profile);
    }

    /**
     * Looks for the leftovers of an import of {@code application} into a target whose systems may live on hosts of
     * their own; writes nothing.
     */
    public static Optional<InterruptedImport> find(SystemHosts target, String application, DatabaseNaming naming,
                                                   ExtractionProfile profile) {
        MongoClient client = target.main();
        Set<String> databases = client.listDatabaseNames().into(new LinkedHashSet<>());
        JournalHolder journal = null;
        boolean orphanSlice = false;
        if (databases.contains(profile.database())) {
            MongoDatabase metadata = client.getDatabase(profile.database());
            journal = ImportJournal.find(metadata, application).orElse(null);
            if (journal == null) {
                orphanSlice = Namespaces.names(metadata).contains(MetadataRollback.collectionName(application))
                        && metadata.getCollection(MetadataRollback.collectionName(application)).countDocuments() > 0;
            }
        }
        Map<SystemKind, String> missingHosts = new EnumMap<>(SystemKind.class);
        if (journal != null) {
            journal.systemHosts().forEach((system, where) -> {
                if (target.clientAt(where).isEmpty()) {
                    missingHosts.put(system, where);
                }
            });
        }
        List<Leftover> unjournaled = leftovers(target, application, naming, journal, null);
        if (journal == null && unjournaled.isEmpty() && !orphanSlice) {
            return Optional.empty();
        }
        return Optional.of(new InterruptedImport(target, profile, application, naming, journal, missingHosts,
                unjournaled, orphanSlice));
    }

    /**
     * The working collections in the application's databases that the journal does not name (and that do not carry
     * {@code ownTag}, the tag of the import looking).
     */
    private static List<Leftover> leftovers(SystemHosts target, String application, DatabaseNaming naming,
                                            JournalHolder journal, String ownTag) {
        Set<String> journaled = new LinkedHashSet<>();
        if (journal != null) {
            for (JournalEntry entry : journal.entries()) {
                journaled.add(entry.database() + "." + entry.staging());
                journaled.add(entry.database() + "." + entry.aside());
            }
        }
        MongoClient client = target.main();
        List<Leftover> found = new ArrayList<>();
        // The main target is searched for every system's databases (where they were before hosts of their own were
        // given, too), and each system's own host for that system's.
        scan(client, null, client.listDatabaseNames().into(new LinkedHashSet<>()),
                applicationDatabases(application, naming, List.of(SystemKind.values())), journaled, ownTag, found);
        Map<MongoClient, List<SystemKind>> others = new LinkedHashMap<>();
        for (SystemKind system : SystemKind.values()) {
            if (target.ownHost(system)) {
                others.computeIfAbsent(target.client(system), c -> new ArrayList<>()).add(system);
            }
        }
        others.forEach((other, systems) -> scan(other, target.hostsOnly(systems.get(0)),
                other.listDatabaseNames().into(new LinkedHashSet<>()),
                applicationDatabases(application, naming, systems), journaled, ownTag, found));
        return found;
    }

    private static void scan(MongoClient client, String where, Set<String> databases, List<String> candidates,
                             Set<String> journaled, String ownTag, List<Leftover> found) {
        for (String database : candidates) {
            if (!databases.contains(database)) {
                continue;
            }
            for (String name : Namespaces.names(client.getDatabase(database))) {
                // A journaled name is the journal's to deal with, on whichever host it is.
                if (WorkingNames.isWorking(name) && !journaled.contains(database + "." + name)
                        && (ownTag == null || !WorkingNames.tag(name).filter(ownTag::equals).isPresent())) {
                    found.add(new Leftover(client, where, database, name));
                }
            }
        }
    }

    /** Whether the import that left this may still be running (then nothing may be touched). */
    public boolean possiblyRunning() {
        return journal != null && journal.judge(serverTime()).running();
    }

    /** Whether the interrupted import had been verified and committed (recovery finishes it rather than undo). */
    public boolean committed() {
        return journal != null && journal.state() == ImportJournal.State.COMMITTED;
    }

    /**
     * How far the interrupted import got, when it can be resumed with the bundle whose fingerprint is
     * {@code bundle}: it was of that bundle, it is not running, and it had not been committed.
     */
    public Optional<Resumable> resumable(String bundle) {
        if (journal == null || bundle == null || !bundle.equals(journal.bundle()) || committed()
                || possiblyRunning()) {
            return Optional.empty();
        }
        List<JournalEntry> entries = journal.entries();
        int loads = (int) entries.stream().filter(entry -> entry.staging() != null).count();
        int complete = (int) entries.stream().filter(entry -> entry.load().complete()).count();
        return Optional.of(new Resumable(complete, loads));
    }

    /**
     * An interrupted import that can be resumed.
     *
     * @param complete collections it had loaded and verified whole (kept by a resume)
     * @param loads    collections it loads in all
     */
    public record Resumable(int complete, int loads) {
    }

    /** The rollback file the interrupted import saved its metadata slice to, if any. */
    public Optional<String> rollbackFile() {
        return journal == null ? Optional.empty() : Optional.ofNullable(journal.rollbackFile());
    }

    /** What was found and what {@link #restore} will do, one line each. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (journal != null) {
            lines.add("Found the journal of " + journal.describe() + ".");
            journal.systemHosts().forEach((system, where) -> lines.add("Its " + system + " data was written to "
                    + where + (missingHosts.containsKey(system) ? ", a host this run was not given." : ".")));
            JournalHolder.Verdict verdict = journal.judge(serverTime());
            if (verdict.running()) {
                lines.add("That import may still be running (" + journal.where() + "); nothing will be touched"
                        + " until it stops.");
            } else if (committed()) {
                lines.add("It had been verified: the import first drops the collections it had set aside.");
            } else {
                if (!journal.unproven().isEmpty()) {
                    lines.add("An earlier rollback of it could not show that the target was as before: "
                            + String.join("; ", journal.unproven()) + ".");
                }
                lines.add("The import first restores the state from before it: "
                        + journal.entries().size() + " collection(s)"
                        + (journal.metadataSaved() ? " and the metadata saved in the target" : "")
                        + ", and checks the result against what it recorded before it changed anything.");
            }
        }
        for (Leftover leftover : unjournaled) {
            lines.add("Found " + leftover.label() + ": " + plan(leftover) + ".");
        }
        if (orphanSlice) {
            lines.add("Found saved metadata in " + profile.database() + "."
                    + MetadataRollback.collectionName(application) + " without a journal; it is left in place for"
                    + " a look by hand.");
        }
        return lines;
    }

    /**
     * Puts the target right on its own (not as part of an import): takes the application's journal (a dead
     * import's, or a fresh one), rolls the interrupted import back (or finishes a committed one), deals with
     * working collections that have no journal, and releases the journal.
     *
     * @return what was checked after the rollback (empty when there was nothing to roll back)
     * @throws TargetBusyException   when the interrupted import may still be running (nothing is touched)
     * @throws ImportFailedException when it wrote a system's database on a host this run was not given (nothing is
     *                               touched), or when the rollback could not prove itself (nothing is deleted)
     */
    public Optional<String> restore(ProgressListener listener) {
        refuseMissingHosts();
        MongoDatabase metadata = targets.main().getDatabase(profile.database());
        String importId = UUID.randomUUID().toString();
        ImportJournal held = ImportJournal.acquire(metadata, application, importId, ImportOptions.defaults().lease(),
                ToolClock.now());
        try {
            Optional<String> checked = Optional.empty();
            if (held.takenOver()) {
                checked = rollBackTakenOver(targets, held, application, profile, listener);
                // The rollback removed the journal it took over; the leftovers are dealt with under a fresh one.
                held.release();
                held = ImportJournal.acquire(metadata, application, importId, ImportOptions.defaults().lease(),
                        ToolClock.now());
            }
            cleanLeftovers(targets, held, application, naming, WorkingNames.tagOf(importId), listener);
            held.delete();
            return checked;
        } finally {
            held.release();
        }
    }

    /**
     * Rolls back (or finishes) the import whose journal {@code journal} was taken over from; the journal is gone
     * afterwards.
     *
     * @return what was checked after the rollback, for the caller's messages (empty for a committed import)
     * @throws ImportFailedException when the rollback could not prove itself (nothing was deleted; the journal
     *                               keeps the differences) or a host the journal names is missing
     */
    static Optional<String> rollBackTakenOver(SystemHosts targets, ImportJournal journal, String application,
                                              ExtractionProfile profile, ProgressListener listener) {
        Map<SystemKind, MongoClient> hosts = new EnumMap<>(SystemKind.class);
        Map<SystemKind, String> missing = new EnumMap<>(SystemKind.class);
        journal.systemHosts().forEach((system, where) -> targets.clientAt(where).ifPresentOrElse(
                found -> hosts.put(system, found), () -> missing.put(system, where)));
        if (!missing.isEmpty()) {
            throw missingHostsFailure(application, missing);
        }
        boolean committed = journal.state() == ImportJournal.State.COMMITTED;
        listener.info(Phase.PLAN, committed
                ? "Finishing the interrupted, already verified import of " + application
                : "Restoring the target to its state before the interrupted import of " + application);
        String rollbackFile = journal.rollbackFile();
        Optional<RollbackProof> proof = new ImportRollback(targets.main(),
                system -> hosts.getOrDefault(system, targets.main()), profile, ImportOptions.defaults())
                .finish(journal);
        if (proof.isPresent() && !proof.get().passed()) {
            throw new ImportFailedException("The interrupted import of " + application + " was rolled back, but"
                    + " the target does not match what was recorded before it: "
                    + String.join("; ", proof.get().differences()) + " (checked: " + proof.get().checked()
                    + "). Nothing was deleted: the imported data stays in its working collections, the saved"
                    + " metadata in " + profile.database() + "." + journal.sliceCollection()
                    + (rollbackFile == null ? "" : " and in " + rollbackFile) + ". Look at the differences before"
                    + " you run the import again.");
        }
        Optional<String> checked = proof.map(RollbackProof::checked);
        checked.ifPresent(text -> listener.info(Phase.PLAN, "The target was restored to its state before the"
                + " interrupted import; checked: " + text + "."));
        return checked;
    }

    /**
     * Holding {@code journal}, deals with the working collections of the application that no journal names and
     * that do not carry {@code ownTag} (the tag of the import holding the journal).
     *
     * @return one line per collection: what it was and what was done
     */
    static List<String> cleanLeftovers(SystemHosts targets, ImportJournal journal, String application,
                                       DatabaseNaming naming, String ownTag, ProgressListener listener) {
        List<String> lines = new ArrayList<>();
        for (Leftover leftover : leftovers(targets, application, naming, null, ownTag)) {
            String line = leftover.label() + ": " + restoreLeftover(leftover, journal) + ".";
            listener.info(Phase.PLAN, line);
            lines.add(line);
        }
        return lines;
    }

    private void refuseMissingHosts() {
        if (!missingHosts.isEmpty()) {
            throw missingHostsFailure(application, missingHosts);
        }
    }

    private static ImportFailedException missingHostsFailure(String application, Map<SystemKind, String> missing) {
        return new ImportFailedException("The interrupted import of " + application + " wrote "
                + String.join(" and ", missing.entrySet().stream()
                .map(entry -> "its " + entry.getKey() + " data to " + entry.getValue()).toList())
                + ", which this run was not given. Give " + String.join(", ", missing.entrySet().stream()
                .map(entry -> entry.getKey() + " its host " + entry.getValue()).toList())
                + " and run again, so that the target can be restored there too. Nothing was changed.");
    }

    /** Systems whose database the interrupted import wrote on a host this run was not given, with that host. */
    public Map<SystemKind, String> missingHosts() {
        return Collections.unmodifiableMap(missingHosts);
    }

    private Instant serverTime() {
        return ImportJournal.serverTime(targets.main().getDatabase(profile.database()));
    }

    private static String plan(Leftover leftover) {
        String name = leftover.name();
        WorkingNames.Kind kind = WorkingNames.kind(name).orElseThrow();
        if (kind != WorkingNames.Kind.ASIDE) {
            return "a " + (kind == WorkingNames.Kind.STAGING ? "staging" : "scratch") + " collection of an import"
                    + " that is over; it will be dropped";
        }
        Optional<String> original = WorkingNames.original(name);
        if (original.isEmpty()) {
            return "a set-aside collection whose original name only its journal knew; it is left in place";
        }
        if (!Namespaces.names(leftover.client().getDatabase(leftover.database())).contains(original.get())) {
            return "the set-aside copy of " + original.get() + ", which is missing; it will be renamed back";
        }
        return "an older copy of " + original.get() + ", which exists too; both are left in place, compare and drop"
                + " one by hand";
    }

    private static String restoreLeftover(Leftover leftover, Fence fence) {
        String database = leftover.database();
        String name = leftover.name();
        MongoDatabase db = leftover.client().getDatabase(database);
        WorkingNames.Kind kind = WorkingNames.kind(name).orElseThrow();
        if (kind != WorkingNames.Kind.ASIDE) {
            fence.confirm();
            db.getCollection(name).drop();
            return "a " + (kind == WorkingNames.Kind.STAGING ? "staging" : "scratch") + " collection of an import"
                    + " that is over, dropped";
        }
        Optional<String> original = WorkingNames.original(name);
        if (original.isPresent() && !Namespaces.names(db).contains(original.get())) {
            fence.confirm();
            Namespaces.rename(leftover.client(), database, name, original.get());
            return "the set-aside copy of " + original.get() + ", which was missing, renamed back";
        }
        return original.isEmpty() ? "a set-aside collection whose original name only its journal knew, left in"
                + " place" : "an older copy of " + original.get() + ", which exists too, left in place (compare"
                + " and drop one by hand)";
    }

    private static List<String> applicationDatabases(String application, DatabaseNaming naming,
                                                     List<SystemKind> systems) {
        Set<String> names = new LinkedHashSet<>();
        for (SystemKind system : systems) {
            names.add(naming.databaseName(application, system));
        }
        for (DatabaseNaming other : DatabaseNaming.values()) {
            for (SystemKind system : systems) {
                names.add(other.databaseName(application, system));
            }
        }
        return new ArrayList<>(names);
    }
}
