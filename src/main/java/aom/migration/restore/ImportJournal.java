package aom.migration.restore;

import aom.migration.model.SystemKind;
import aom.migration.model.WorkingNames;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write-ahead record of one import and the lease by which that import owns its application in the target
 * (DESIGN.md section 5). It lives in the target's metadata database, so every machine sees it: one collection per
 * application ({@code __aom_import_journal.<application>}) holding one document. It is written before the first
 * working collection exists, names every collection involved, and records each step of the swap before it is taken;
 * each change is one atomic single-document update.
 *
 * <p><b>One owner at a time.</b> The document names its owner: a random token of the process that holds it, and an
 * epoch counted up at each take-over. Every update matches the owner token, so an update that matches nothing means
 * that another import took the journal over (or removed it): {@link #confirm()} then throws
 * {@link OwnershipLostException}, and the import stops without touching anything more. The owner renews its lease
 * ({@code heartbeatAt}, stamped with the server's clock by {@code $currentDate}); another import takes the journal
 * over only when the owner is dead: its process is gone from this very machine, or, for another machine, its lease
 * ran out by the target server's clock (never the client's, which may be minutes off). A process that exists on this
 * machine is never taken for dead, even when it is suspended and its lease has run out: it may wake up.
 *
 * <p>Why a document in the metadata database rather than one per application database: the import spans up to
 * three databases and the metadata, and recovery must decide for all of them together; one document gives that
 * decision one atomic source of truth without multi-document transactions (which standalone servers lack). Why one
 * collection per application: the collection is dropped when the import is over, and dropping a collection that
 * another application's import shares would take that import's journal with it.
 *
 * <p>A system whose database lives on a host of its own is recorded in {@code systemHosts} (system -> hosts, never
 * credentials): recovery must find each database on the host the import wrote it to, or refuse.
 *
 * <p>Journals of versions before the owner token ({@code __aom_import_journal}, one document per application) are
 * still found, judged by their process and lease, taken over and rolled back.
 */
final class ImportJournal implements Fence {

    private static final String LEGACY_COLLECTION = WorkingNames.LEGACY_JOURNAL;
    private static final BsonString JOURNAL_ID = new BsonString("journal");
    /** How long a confirmation stands for {@link #confirmRecent()}: a second, or less for very short leases. */
    private static final Duration RECENT = Duration.ofSeconds(1);
    private static final int TAKE_OVER_ATTEMPTS = 3;

    /** Where an import stands. */
    enum State {
        /** The journal is held, and any earlier import is being put right; nothing of this import exists yet. */
        PREPARING,
        /** Staging collections are being created and loaded; nothing live has changed. */
        LOADING,
        /** The metadata slice is saved and the merge may have begun. */
        MERGING,
        /** Collections are being renamed. */
        SWAPPING,
        /** Everything is in place and verified; only the set-aside collections remain to be dropped. */
        COMMITTED
    }

    /** Owner tokens of the imports running in this very process. */
    private static final Set<String> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    /** Whether the import owning {@code owner} runs in this JVM and has not ended. */
    static boolean runsHere(String owner) {
        return RUNNING_HERE.contains(owner);
    }

    private final MongoDatabase metadata;
    private final MongoCollection<BsonDocument> collection;
    private final BsonValue id;
    private final boolean legacy;
    private final String application;
    private final String owner;
    private final Duration lease;
    private final boolean takenOver;
    private String importId;
    private String tag;
    private State state;
    private final List<JournalEntry> entries = new ArrayList<>();
    private String rollbackFile;
    private boolean metadataSaved;
    private SwapStrategy strategy;
    private Instant startedAt;
    private List<String> newDatabases = new ArrayList<>();
    private final Map<SystemKind, String> systemHosts = new EnumMap<>(SystemKind.class);
    private List<String> unproven = new ArrayList<>();
    private String bundle;
    private volatile String lost;
    /** Keeps the lease's renewals and the removal of the journal apart: none may recreate a dropped collection. */
    private final Object heartbeatLock = new Object();
    private boolean deleted;
    private volatile long confirmedNanos;
    private volatile long confirmedMillis;

    private ImportJournal(MongoDatabase metadata, MongoCollection<BsonDocument> collection, BsonDocument document,
                          String application, String owner, Duration lease, boolean takenOver) {
        this.metadata = metadata;
        this.collection = collection;
        this.id = document.get("_id");
        this.legacy = collection.getNamespace().getCollectionName().equals(LEGACY_COLLECTION);
        this.application = application;
        this.owner = owner;
        this.lease = lease;
        this.takenOver = takenOver;
        read(document);
        this.confirmedNanos = System.nanoTime();
        this.confirmedMillis = System.currentTimeMillis();
    }

    private void read(BsonDocument document) {
        importId = document.getString("importId").getValue();
        tag = document.isString("tag") ? document.getString("tag").getValue() : null;
        state = State.valueOf(document.getString("state").getValue());
        entries.clear();
        for (BsonValue entry : document.getArray("entries", new BsonArray())) {
            entries.add(JournalEntry.fromBson(entry.asDocument(), state == State.SWAPPING));
        }
        BsonValue file = document.get("rollbackFile");
        rollbackFile = file == null || file.isNull() ? null : file.asString().getValue();
        metadataSaved = document.getBoolean("metadataSaved", BsonBoolean.FALSE).getValue();
        strategy = SwapStrategy.valueOf(document.getString("strategy", new BsonString("RENAME")).getValue());
        startedAt = Instant.ofEpochMilli(document.getDateTime("startedAt").getValue());
        newDatabases = strings(document.getArray("newDatabases", new BsonArray()));
        systemHosts.clear();
        for (Map.Entry<String, BsonValue> entry : document.getDocument("systemHosts", new BsonDocument()).entrySet()) {
            systemHosts.put(SystemKind.valueOf(entry.getKey()), entry.getValue().asString().getValue());
        }
        unproven = strings(document.getArray("unproven", new BsonArray()));
        bundle = document.isString("bundle") ? document.getString("bundle").getValue() : null;
    }

    /** The collection that holds {@code application}'s journal. */
    static String collectionName(String application) {
        return WorkingNames.journal(application);
    }

    static MongoCollection<BsonDocument> collection(MongoDatabase metadata, String name) {
        return metadata.getCollection(name, BsonDocument.class)
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    /** The journal of {@code application}, as a {@link JournalHolder} that can be judged but not acted on; writes nothing. */
    static Optional<JournalHolder> find(MongoDatabase metadata, String application) {
        BsonDocument document = collection(metadata, collectionName(application))
                .find(Filters.eq("_id", JOURNAL_ID)).first();
        boolean legacy = false;
        if (document == null) {
            document = collection(metadata, LEGACY_COLLECTION).find(Filters.eq("_id", application)).first();
            legacy = document != null;
        }
        return Optional.ofNullable(document).map(found -> new JournalHolder(found, application));
    }

    /**
     * Takes the journal of {@code application} for a new import, stamped with the server's clock: a fresh journal
     * (state {@link State#PREPARING}) when there is none, or the journal of a dead earlier import, taken over with
     * its content ({@link #takenOver()}) so that the caller puts that import right first.
     *
     * @throws TargetBusyException when another import holds the journal and may still be running
     */
    static ImportJournal acquire(MongoDatabase metadata, String application, String importId, Duration lease,
                                 Instant startedAt) {
        String owner = UUID.randomUUID().toString();
        MongoCollection<BsonDocument> legacy = collection(metadata, LEGACY_COLLECTION);
        MongoCollection<BsonDocument> journals = collection(metadata, collectionName(application));
        for (int attempt = 0; attempt < TAKE_OVER_ATTEMPTS; attempt++) {
            BsonDocument old = legacy.find(Filters.eq("_id", application)).first();
            if (old != null) {
                Optional<ImportJournal> taken = takeOver(legacy, old, application, owner, lease, metadata);
                if (taken.isPresent()) {
                    return taken.get();
                }
                continue;
            }
            RUNNING_HERE.add(owner);
            try {
                UpdateResult created = journals.updateOne(Filters.and(Filters.eq("_id", JOURNAL_ID),
                                Filters.eq("owner", owner)),
                        Updates.combine(Updates.setOnInsert(fresh(application, importId, owner, lease, startedAt)),
                                Updates.currentDate("heartbeatAt")),
                        new UpdateOptions().upsert(true));
                if (created.getUpsertedId() != null) {
                    BsonDocument document = journals.find(Filters.eq("_id", JOURNAL_ID)).first();
                    return new ImportJournal(metadata, journals, document, application, owner, lease, false);
                }
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    RUNNING_HERE.remove(owner);
                    throw e;
                }
            }
            RUNNING_HERE.remove(owner);
            BsonDocument existing = journals.find(Filters.eq("_id", JOURNAL_ID)).first();
            if (existing != null) {
                Optional<ImportJournal> taken = takeOver(journals, existing, application, owner, lease, metadata);
                if (taken.isPresent()) {
                    return taken.get();
                }
            }
        }
        throw new TargetBusyException("Another import of " + application + " into this target keeps changing its"
                + " journal; this import did not start and changed nothing. Try again in a moment.");
    }

    /**
     * Takes over {@code existing} if its holder is dead; empty when the journal changed meanwhile (the caller looks
     * again).
     *
     * @throws TargetBusyException when its holder may still be running
     */
    private static Optional<ImportJournal> takeOver(MongoCollection<BsonDocument> collection, BsonDocument existing,
                                                    String application, String owner, Duration lease,
                                                    MongoDatabase metadata) {
        JournalHolder holder = new JournalHolder(existing, application);
        JournalHolder.Verdict verdict = holder.judge(serverTime(metadata));
        if (verdict.running()) {
            throw new TargetBusyException(verdict.busyMessage());
        }
        ToolProcess me = ToolProcess.current();
        BsonValue oldOwner = existing.get("owner");
        // The owner counts every update it makes ("beat"): a take-over only matches while the journal is exactly
        // as judged, so an owner that renewed its lease meanwhile keeps it. (Not the time itself: a server may
        // keep a finer time than the millisecond it answers with.)
        BsonValue beat = existing.get("beat");
        Bson filter = Filters.and(Filters.eq("_id", existing.get("_id")),
                oldOwner == null ? Filters.exists("owner", false) : Filters.eq("owner", oldOwner),
                beat == null ? Filters.exists("beat", false) : Filters.eq("beat", beat),
                beat == null ? Filters.eq("heartbeatAt", existing.get("heartbeatAt")) : new BsonDocument());
        RUNNING_HERE.add(owner);
        UpdateResult taken = collection.updateOne(filter, Updates.combine(Updates.set("owner", owner),
                Updates.set("beat", new BsonInt64(0)),
                Updates.set("epoch", existing.getInt64("epoch", new BsonInt64(0)).getValue() + 1),
                Updates.set("leaseMillis", lease.toMillis()), runner(me), Updates.currentDate("heartbeatAt")));
        if (taken.getMatchedCount() == 0) {
            RUNNING_HERE.remove(owner);
            return Optional.empty();
        }
        BsonDocument document = collection.find(Filters.eq("_id", existing.get("_id"))).first();
        if (document == null || !owner.equals(document.getString("owner", new BsonString("")).getValue())) {
            RUNNING_HERE.remove(owner);
            return Optional.empty();
        }
        return Optional.of(new ImportJournal(metadata, collection, document, application, owner, lease, true));
    }

    private static BsonDocument fresh(String application, String importId, String owner, Duration lease,
                                      Instant startedAt) {
        BsonDocument document = new BsonDocument("application", new BsonString(application))
                .append("epoch", new BsonInt64(1))
                .append("beat", new BsonInt64(0))
                .append("leaseMillis", new BsonInt64(lease.toMillis()));
        ToolProcess me = ToolProcess.current();
        document.putAll(runnerFields(me));
        document.putAll(content(importId, State.PREPARING, List.of(), null, SwapStrategy.RENAME, startedAt, List.of(),
                Map.of()));
        return document;
    }

    /** The fields that describe one import (rather than its owner), as a new import writes them. */
    private static BsonDocument content(String importId, State state, List<JournalEntry> entries,
                                        String rollbackFile, SwapStrategy strategy, Instant startedAt,
                                        List<String> newDatabases, Map<SystemKind, String> systemHosts) {
        BsonDocument hosts = new BsonDocument();
        systemHosts.forEach((system, where) -> hosts.append(system.name(), new BsonString(where)));
        BsonArray list = new BsonArray();
        entries.forEach(entry -> list.add(entry.toBson()));
        return new BsonDocument("importId", new BsonString(importId))
                .append("tag", new BsonString(WorkingNames.tagOf(importId)))
                .append("state", new BsonString(state.name()))
                .append("entries", list)
                .append("rollbackFile", rollbackFile == null ? BsonNull.VALUE : new BsonString(rollbackFile))
                .append("metadataSaved", BsonBoolean.FALSE)
                .append("strategy", new BsonString(strategy.name()))
                .append("startedAt", new BsonDateTime(startedAt.toEpochMilli()))
                .append("newDatabases", new BsonArray(newDatabases.stream().map(BsonString::new).toList()))
                .append("systemHosts", hosts)
                .append("unproven", new BsonArray());
    }

    private static BsonDocument runnerFields(ToolProcess process) {
        return new BsonDocument("host", new BsonString(process.host()))
                .append("machine", new BsonString(process.machine()))
                .append("pid", new BsonInt64(process.pid()))
                .append("pidStartedAt", process.startedAt() == null ? BsonNull.VALUE
                        : new BsonDateTime(process.startedAt().toEpochMilli()));
    }

    private static Bson runner(ToolProcess process) {
        List<Bson> sets = new ArrayList<>();
        runnerFields(process).forEach((field, value) -> sets.add(Updates.set(field, value)));
        return Updates.combine(sets);
    }

    /** The target server's clock ({@code localTime} of {@code isMaster}), or {@code null} where it does not say. */
    static Instant serverTime(MongoDatabase database) {
        BsonDocument reply = database.runCommand(new BsonDocument("isMaster", new BsonInt32(1)), BsonDocument.class);
        BsonValue time = reply.get("localTime");
        return time != null && time.isDateTime() ? Instant.ofEpochMilli(time.asDateTime().getValue()) : null;
    }

    String application() {
        return application;
    }

    /** The import the journal describes: this one's, or, right after a take-over, the dead import's. */
    String importId() {
        return importId;
    }

    /** The tag in the names of the working collections of the import the journal describes. */
    Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** Whether this journal was taken over from a dead import, whose content it still holds until {@link #reset}. */
    boolean takenOver() {
        return takenOver;
    }

    boolean legacy() {
        return legacy;
    }

    State state() {
        return state;
    }

    synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** Databases that did not exist before the import; a rollback drops them again when they are empty. */
    List<String> newDatabases() {
        return List.copyOf(newDatabases);
    }

    /** The systems whose database is on a host of its own, with those hosts; the others are on the main target. */
    Map<SystemKind, String> systemHosts() {
        return Collections.unmodifiableMap(systemHosts);
    }

    String rollbackFile() {
        return rollbackFile;
    }

    boolean metadataSaved() {
        return metadataSaved;
    }

    SwapStrategy strategy() {
        return strategy;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** What an earlier rollback of this import found different from before it, when it could not prove itself. */
    List<String> unproven() {
        return List.copyOf(unproven);
    }

    /** Where this import's metadata slice is saved on the server. */
    String sliceCollection() {
        return legacy ? WorkingNames.LEGACY_SLICE : WorkingNames.slice(application);
    }

    /**
     * After the import the journal was taken over from has been put right: the journal now describes a new import,
     * {@code newImportId}, that has created nothing yet.
     */
    void reset(String newImportId, Instant newStartedAt) {
        if (legacy) {
            throw new IllegalStateException("A journal of an earlier version is only rolled back, then deleted");
        }
        BsonDocument content = content(newImportId, State.PREPARING, List.of(), null, SwapStrategy.RENAME,
                newStartedAt, List.of(), Map.of());
        List<Bson> sets = new ArrayList<>();
        content.forEach((field, value) -> sets.add(Updates.set(field, value)));
        update(Updates.combine(sets));
        read(collection.find(Filters.eq("_id", id)).first());
    }

    /** Records the import's plan before its first working collection is created; the state becomes LOADING. */
    /**
     * Records the import's plan before its first working collection is created; the state becomes LOADING.
     *
     * @param source what the import brings (a bundle's fingerprint), so that a resume can tell it is the same; or
     *               {@code null} where it cannot be told (a dump)
     */
    synchronized void start(List<JournalEntry> planned, List<String> created, SwapStrategy swap, String file,
                            Map<SystemKind, String> hosts, String source) {
        BsonDocument content = content(importId, State.LOADING, planned, file, swap, startedAt, created, hosts);
        update(Updates.combine(Updates.set("state", content.get("state")), Updates.set("entries",
                        content.get("entries")), Updates.set("rollbackFile", content.get("rollbackFile")),
                Updates.set("strategy", content.get("strategy")), Updates.set("newDatabases",
                        content.get("newDatabases")), Updates.set("systemHosts", content.get("systemHosts")),
                Updates.set("bundle", source == null ? BsonNull.VALUE : new BsonString(source)),
                Updates.set("metadataSaved", false), Updates.set("unproven", new BsonArray())));
        bundle = source;
        metadataSaved = false;
        unproven = new ArrayList<>();
        state = State.LOADING;
        entries.clear();
        entries.addAll(planned);
        newDatabases = new ArrayList<>(created);
        strategy = swap;
        rollbackFile = file;
        systemHosts.clear();
        systemHosts.putAll(hosts);
    }

    /** Moves to {@code next}; {@code metadataSaved} is recorded in the same atomic update. */
    void advance(State next, boolean saved) {
        update(Updates.combine(Updates.set("state", next.name()), Updates.set("metadataSaved", saved)));
        this.state = next;
        this.metadataSaved = saved;
    }

    /** The fingerprint of what the import brings (a bundle's), or {@code null}. */
    String bundle() {
        return bundle;
    }

    /**
     * What was recorded of the load of the staging collection {@code working} ({@code database.collection}: a
     * staging name is unique within its database only); {@link JournalEntry.Load#NONE} when nothing.
     */
    synchronized JournalEntry.Load load(String working) {
        return entries.stream().filter(entry -> entry.staging() != null
                        && working.equals(entry.database() + "." + entry.staging())).findFirst()
                .map(JournalEntry::load).orElse(JournalEntry.Load.NONE);
    }

    /** Records what the load found of the staging collection {@code working} ({@code database.collection}). */
    synchronized void recordLoad(String working, JournalEntry.Load load) {
        int index = indexOfStaging(working);
        update(Updates.set("entries." + index + ".load", load.toBson()));
        entries.set(index, entries.get(index).with(load));
    }

    /**
     * Records, per staging collection ({@code database.collection}), how many documents from the first on the
     * target has acknowledged.
     */
    synchronized void recordAcknowledged(Map<String, Long> documents) {
        List<Bson> sets = new ArrayList<>();
        Map<Integer, JournalEntry> changed = new HashMap<>();
        documents.forEach((staging, count) -> {
            int index = indexOfStaging(staging);
            JournalEntry entry = entries.get(index);
            if (count > entry.load().acknowledged() && !entry.load().complete()) {
                sets.add(Updates.set("entries." + index + ".load.acknowledged", count));
                changed.put(index, entry.with(new JournalEntry.Load(count, entry.load().digest(),
                        entry.load().verified())));
            }
        });
        if (!sets.isEmpty()) {
            update(Updates.combine(sets));
            changed.forEach(entries::set);
        }
    }

    private int indexOfStaging(String working) {
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            if (entry.staging() != null && working.equals(entry.database() + "." + entry.staging())) {
                return i;
            }
        }
        throw new IllegalArgumentException("The journal names no staging collection " + working);
    }

    /**
     * For a resume, after the live collections and the metadata were put back: the import stands as while it
     * loaded, with its staging collections and what was recorded of them.
     */
    synchronized void rewind() {
        List<JournalEntry> rewound = new ArrayList<>();
        BsonArray list = new BsonArray();
        for (JournalEntry entry : entries) {
            JournalEntry fresh = entry.with(JournalEntry.Swap.NOT_STARTED);
            rewound.add(fresh);
            list.add(fresh.toBson());
        }
        update(Updates.combine(Updates.set("state", State.LOADING.name()), Updates.set("metadataSaved", false),
                Updates.set("entries", list), Updates.set("unproven", new BsonArray())));
        entries.clear();
        entries.addAll(rewound);
        state = State.LOADING;
        metadataSaved = false;
        unproven = new ArrayList<>();
    }

    /** Records what the swap is about to do to entry {@code index} (before it does it). */
    synchronized void recordSwap(int index, JournalEntry.Swap swap) {
        update(Updates.set("entries." + index + ".swap", swap.toBson()));
        entries.set(index, entries.get(index).with(swap));
    }

    /** Records that a rollback could not prove itself, and what it found different; the journal stays. */
    void recordUnproven(List<String> differences) {
        update(Updates.set("unproven", new BsonArray(differences.stream().map(BsonString::new).toList())));
        unproven = List.copyOf(differences);
    }

    @Override
    public void confirm() {
        update(null);
    }

    @Override
    public void confirmRecent() {
        throwIfLost();
        long recent = Math.min(RECENT.toMillis(), lease.toMillis() / 4);
        long sinceNanos = (System.nanoTime() - confirmedNanos) / 1_000_000;
        long sinceMillis = System.currentTimeMillis() - confirmedMillis;
        // Both clocks: the monotonic one goes on while the process is stopped, the wall clock while the computer
        // sleeps; a confirmation is recent only when neither says that much time went by.
        if (sinceNanos >= recent || sinceMillis >= recent || sinceMillis < 0) {
            confirm();
        }
    }

    /** Renews the lease; the caller runs it regularly while the import holds the journal. */
    void heartbeat() {
        synchronized (heartbeatLock) {
            if (!deleted) {
                confirm();
            }
        }
    }

    /** Whether ownership was lost (a renewal or a step found the journal taken over or gone). */
    boolean isLost() {
        return lost != null;
    }

    /**
     * Removes the journal: the import is over (done, or rolled back and proven). The journal is confirmed first,
     * which renews the lease, so that nobody can take it over between that and the drop.
     */
    void delete() {
        synchronized (heartbeatLock) {
            confirm();
            if (legacy) {
                collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("owner", owner)));
            } else {
                collection.drop();
            }
            deleted = true;
        }
        RUNNING_HERE.remove(owner);
    }

    /** Tells this process that the job holding the journal has ended (whether or not it could clean up). */
    void release() {
        RUNNING_HERE.remove(owner);
    }

    /** One line for plans and messages. */
    String describe() {
        return new JournalHolder(collection.find(Filters.eq("_id", id)).first(), application).describe();
    }

    /** Applies {@code change} (or only renews the lease, for {@code null}) if this import still owns the journal. */
    private void update(Bson change) {
        throwIfLost();
        long sentNanos = System.nanoTime();
        long sentMillis = System.currentTimeMillis();
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("owner", owner));
        Bson update = change == null ? Updates.combine(Updates.currentDate("heartbeatAt"), Updates.inc("beat", 1L))
                : Updates.combine(change, Updates.currentDate("heartbeatAt"), Updates.inc("beat", 1L));
        UpdateResult result;
        try {
            result = collection.updateOne(filter, update);
        } catch (MongoSocketException broken) {
            // A broken connection costs one more try, as for the inserts; applying the update twice does no harm.
            result = collection.updateOne(filter, update);
        }
        if (result.getMatchedCount() == 0) {
            lost = whoHasIt();
            RUNNING_HERE.remove(owner);
            removeIfRecreated();
            throwIfLost();
        }
        confirmedNanos = sentNanos;
        confirmedMillis = sentMillis;
    }

    @Override
    public void abandon(MongoDatabase database, String working) {
        try {
            BsonDocument now = collection.find(Filters.eq("_id", id)).first();
            boolean resumedByAnother = now != null && tag != null && tag.equals(now.getString("tag",
                    new BsonString("")).getValue());
            if (!resumedByAnother && Namespaces.names(database).contains(working)) {
                // Named with this import's own tag: nobody else writes it, and no journal names it any more.
                database.getCollection(working).drop();
            }
        } catch (MongoException e) {
            // The next import drops a working collection no journal names (InterruptedImport).
        }
    }

    /**
     * Some servers (mongo-java-server) create a collection for an update that matches nothing: when this import's
     * last update found its journal gone and left an empty collection in its place, that is removed again.
     */
    private void removeIfRecreated() {
        if (legacy) {
            return;
        }
        try {
            if (Namespaces.names(metadata).contains(collection.getNamespace().getCollectionName())
                    && collection.countDocuments() == 0) {
                collection.drop();
            }
        } catch (MongoException e) {
            // Only tidying: an empty journal collection is found and reused by the next import.
        }
    }

    private void throwIfLost() {
        String why = lost;
        if (why != null) {
            throw new OwnershipLostException("This import of " + application + " no longer owns the target: " + why
                    + ". It stopped at once and changed nothing more; the target is the other import's to finish or"
                    + " restore.");
        }
    }

    private String whoHasIt() {
        try {
            BsonDocument now = collection.find(Filters.eq("_id", id)).first();
            if (now == null) {
                return "its journal is gone, so another run found it dead and restored or finished the target";
            }
            JournalHolder holder = new JournalHolder(now, application);
            return "another import (" + holder.where() + ") took its journal over, having found it dead (its lease"
                    + " had run out while it did not run)";
        } catch (MongoException e) {
            return "its journal names another owner";
        }
    }

    static List<String> strings(BsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString().getValue()));
        return values;
    }
}
