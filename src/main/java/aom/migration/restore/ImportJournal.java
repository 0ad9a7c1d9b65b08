package aom.migration.restore;

import aom.migration.model.SystemKind;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write-ahead record of one running import, one document per application in the target's metadata database
 * (collection {@value #COLLECTION}, {@code _id} = the application name). It is written before the first staging
 * collection exists and names every collection involved; each phase change is one atomic single-document update.
 *
 * <p>Why one document in {@code apiomat} rather than one per application database: the import spans up to three
 * databases and the metadata, and recovery must decide for all of them together; a single document gives that
 * decision one atomic source of truth without multi-document transactions (which standalone servers lack).
 * Recovery rolls back whatever is not {@link State#COMMITTED}, and rolls forward (drops the set-aside collections)
 * what is.
 *
 * <p>A system whose database lives on a host of its own is recorded in {@code systemHosts} (system -> hosts, never
 * credentials): the journal stays in the main target's metadata database, and recovery must find each database on
 * the host the import wrote it to, or refuse.
 *
 * <p>A lease tells a live import from a dead one: the running job renews {@code heartbeatAt}; the journal of an
 * import that ran in this very process and ended, or in a process of this host that no longer exists, is dead at
 * once; any other is dead when its lease has run out.
 */
final class ImportJournal {

    static final String COLLECTION = "__aom_import_journal";

    /** Where an import stands. */
    enum State {
        /** Staging collections are being created and loaded; nothing live has changed. */
        LOADING,
        /** The metadata slice is saved and the merge may have begun. */
        MERGING,
        /** Collections are being renamed. */
        SWAPPING,
        /** Everything is in place and verified; only the set-aside collections remain to be dropped. */
        COMMITTED
    }

    private static final Set<String> RUNNING_HERE = ConcurrentHashMap.newKeySet();
    private static final String HOST = hostName();
    private static final long PID = ProcessHandle.current().pid();

    private final MongoCollection<BsonDocument> collection;
    private final String application;
    private final String importId;
    private State state;
    private final List<JournalEntry> entries;
    private final String rollbackFile;
    private boolean metadataSaved;
    private final SwapStrategy strategy;
    private final Instant startedAt;
    private Instant heartbeatAt;
    private final Duration lease;
    private final String host;
    private final long pid;
    private final List<String> newDatabases;
    private final Map<SystemKind, String> systemHosts;

    private ImportJournal(MongoCollection<BsonDocument> collection, BsonDocument document) {
        this.collection = collection;
        this.application = document.getString("_id").getValue();
        this.importId = document.getString("importId").getValue();
        this.state = State.valueOf(document.getString("state").getValue());
        this.entries = new ArrayList<>();
        for (BsonValue entry : document.getArray("entries", new BsonArray())) {
            entries.add(JournalEntry.fromBson(entry.asDocument()));
        }
        BsonValue file = document.get("rollbackFile");
        this.rollbackFile = file == null || file.isNull() ? null : file.asString().getValue();
        this.metadataSaved = document.getBoolean("metadataSaved", BsonBoolean.FALSE).getValue();
        this.strategy = SwapStrategy.valueOf(document.getString("strategy").getValue());
        this.startedAt = Instant.ofEpochMilli(document.getDateTime("startedAt").getValue());
        this.heartbeatAt = Instant.ofEpochMilli(document.getDateTime("heartbeatAt").getValue());
        this.lease = Duration.ofMillis(document.getInt64("leaseMillis").getValue());
        this.host = document.getString("host").getValue();
        this.pid = document.getInt64("pid").getValue();
        this.newDatabases = new ArrayList<>();
        for (BsonValue name : document.getArray("newDatabases", new BsonArray())) {
            newDatabases.add(name.asString().getValue());
        }
        this.systemHosts = new EnumMap<>(SystemKind.class);
        for (Map.Entry<String, BsonValue> entry : document.getDocument("systemHosts", new BsonDocument()).entrySet()) {
            systemHosts.put(SystemKind.valueOf(entry.getKey()), entry.getValue().asString().getValue());
        }
    }

    static MongoCollection<BsonDocument> collection(MongoDatabase metadata) {
        return metadata.getCollection(COLLECTION, BsonDocument.class)
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    static Optional<ImportJournal> find(MongoDatabase metadata, String application) {
        MongoCollection<BsonDocument> collection = collection(metadata);
        BsonDocument document = collection.find(Filters.eq("_id", application)).first();
        return Optional.ofNullable(document).map(d -> new ImportJournal(collection, d));
    }

    /**
     * Records a new import before anything is created.
     *
     * @throws IllegalStateException when the application already has a journal (an import runs or was interrupted)
     */
    static ImportJournal begin(MongoDatabase metadata, String application, String importId,
                               List<JournalEntry> entries, List<String> newDatabases, SwapStrategy strategy,
                               String rollbackFile, Duration lease, Map<SystemKind, String> systemHosts) {
        Instant now = Instant.now();
        BsonDocument hosts = new BsonDocument();
        systemHosts.forEach((system, where) -> hosts.append(system.name(), new BsonString(where)));
        BsonArray list = new BsonArray();
        entries.forEach(entry -> list.add(entry.toBson()));
        BsonDocument document = new BsonDocument("_id", new BsonString(application))
                .append("importId", new BsonString(importId))
                .append("state", new BsonString(State.LOADING.name()))
                .append("entries", list)
                .append("rollbackFile", rollbackFile == null ? BsonNull.VALUE : new BsonString(rollbackFile))
                .append("metadataSaved", BsonBoolean.FALSE)
                .append("strategy", new BsonString(strategy.name()))
                .append("startedAt", new BsonDateTime(now.toEpochMilli()))
                .append("heartbeatAt", new BsonDateTime(now.toEpochMilli()))
                .append("leaseMillis", new BsonInt64(lease.toMillis()))
                .append("host", new BsonString(HOST))
                .append("pid", new BsonInt64(PID))
                .append("newDatabases", new BsonArray(newDatabases.stream().map(BsonString::new).toList()))
                .append("systemHosts", hosts);
        MongoCollection<BsonDocument> collection = collection(metadata);
        RUNNING_HERE.add(importId);
        try {
            collection.insertOne(document);
        } catch (MongoWriteException e) {
            RUNNING_HERE.remove(importId);
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new IllegalStateException("Another import of " + application + " into this installation is"
                        + " running or was interrupted; run the import again to let it restore the target first");
            }
            throw e;
        }
        return new ImportJournal(collection, document);
    }

    String application() {
        return application;
    }

    String importId() {
        return importId;
    }

    State state() {
        return state;
    }

    List<JournalEntry> entries() {
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

    Instant heartbeatAt() {
        return heartbeatAt;
    }

    String host() {
        return host;
    }

    /** Moves to {@code next}; {@code metadataSaved} is recorded in the same atomic update. */
    void advance(State next, boolean saved) {
        update(Updates.combine(Updates.set("state", next.name()), Updates.set("metadataSaved", saved),
                Updates.set("heartbeatAt", new BsonDateTime(System.currentTimeMillis()))));
        this.state = next;
        this.metadataSaved = saved;
    }

    /** Records that the set-aside copy of entry {@code index} is complete (copy strategy). */
    void markAsideComplete(int index) {
        update(Updates.set("entries." + index + ".asideComplete", true));
        entries.set(index, entries.get(index).withAsideComplete());
    }

    /** Renews the lease. */
    void heartbeat() {
        Instant now = Instant.now();
        update(Updates.set("heartbeatAt", new BsonDateTime(now.toEpochMilli())));
        heartbeatAt = now;
    }

    /** Removes the journal: the import is over (done or rolled back). */
    void delete() {
        collection.deleteOne(Filters.and(Filters.eq("_id", application), Filters.eq("importId", importId)));
        RUNNING_HERE.remove(importId);
        if (collection.countDocuments() == 0) {
            collection.drop();
        }
    }

    /** Tells this process that the job that wrote the journal has ended (whether or not it could clean up). */
    void release() {
        RUNNING_HERE.remove(importId);
    }

    /** Whether the import that wrote this journal may still be running, so that recovery must not touch it. */
    boolean possiblyRunning(Instant now) {
        if (HOST.equals(host) && PID == pid) {
            return RUNNING_HERE.contains(importId);
        }
        boolean leaseValid = heartbeatAt.plus(lease).isAfter(now);
        if (HOST.equals(host)) {
            return leaseValid && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        return leaseValid;
    }

    /** One line for plans and messages. */
    String describe() {
        return "an import of " + application + " started " + startedAt + " on " + host + " stopped while "
                + switch (state) {
                    case LOADING -> "loading the data (nothing live had changed yet)";
                    case MERGING -> "merging the metadata";
                    case SWAPPING -> "swapping collections";
                    case COMMITTED -> "cleaning up after a complete, verified import";
                };
    }

    private void update(Bson update) {
        long matched = collection.updateOne(Filters.and(Filters.eq("_id", application),
                Filters.eq("importId", importId)), update).getMatchedCount();
        if (matched == 0) {
            throw new IllegalStateException("The journal of this import of " + application + " disappeared from the"
                    + " target; another run may have restored the target. Stopping.");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
