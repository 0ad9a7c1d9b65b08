package aom.migration.restore;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

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

/**
 * What an import that did not finish left in a target: its journal, staging and set-aside collections, a saved
 * metadata slice. Found by {@link #find} (the plan reports it), put right by {@link #restore} (the next import
 * does it first): a journal that is not committed is rolled back to the state before that import, a committed one
 * is finished. Leftovers without a journal are recognised by their names; staging collections are dropped, a
 * set-aside collection whose original is missing is renamed back, and anything ambiguous is left in place and
 * reported, never guessed at.
 *
 * <p>Systems whose database lives on a host of their own: the journal (in the main target) records on which host
 * each such database was written, and recovery puts it right there, through the hosts the caller gives
 * ({@link SystemHosts}). When the journal names a host the caller did not give, recovery refuses and says which
 * system and host it needs, rather than guess.
 */
public final class InterruptedImport {

    /** A staging or set-aside collection without a journal, on the host where it was found. */
    private record Leftover(MongoClient client, String where, String database, String name) {
        String label() {
            return where == null ? database + "." + name : database + "." + name + " (on " + where + ")";
        }
    }

    private final MongoClient client;
    private final ExtractionProfile profile;
    private final String application;
    private final ImportJournal journal;
    private final Map<SystemKind, MongoClient> journalClients;
    private final Map<SystemKind, String> missingHosts;
    private final List<Leftover> unjournaled;
    private final boolean orphanSlice;

    private InterruptedImport(MongoClient client, ExtractionProfile profile, String application,
                              ImportJournal journal, Map<SystemKind, MongoClient> journalClients,
                              Map<SystemKind, String> missingHosts, List<Leftover> unjournaled,
                              boolean orphanSlice) {
        this.client = client;
        this.profile = profile;
        this.application = application;
        this.journal = journal;
        this.journalClients = journalClients;
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
        ImportJournal journal = null;
        boolean orphanSlice = false;
        if (databases.contains(profile.database())) {
            MongoDatabase metadata = client.getDatabase(profile.database());
            journal = ImportJournal.find(metadata, application).orElse(null);
            if (journal == null && DatabaseImporter.names(metadata).contains(MetadataRollback.COLLECTION)) {
                orphanSlice = metadata.getCollection(MetadataRollback.COLLECTION).countDocuments() > 0;
            }
        }
        Map<SystemKind, MongoClient> journalClients = new EnumMap<>(SystemKind.class);
        Map<SystemKind, String> missingHosts = new EnumMap<>(SystemKind.class);
        Set<String> journaled = new LinkedHashSet<>();
        if (journal != null) {
            for (JournalEntry entry : journal.entries()) {
                journaled.add(entry.database() + "." + entry.staging());
                journaled.add(entry.database() + "." + entry.aside());
            }
            journal.systemHosts().forEach((system, where) -> target.clientAt(where).ifPresentOrElse(
                    found -> journalClients.put(system, found), () -> missingHosts.put(system, where)));
        }
        List<Leftover> unjournaled = new ArrayList<>();
        // The main target is searched for every system's databases (where they were before hosts of their own were
        // given, too), and each system's own host for that system's.
        scan(client, null, databases, applicationDatabases(application, naming, List.of(SystemKind.values())),
                journaled, unjournaled);
        Map<MongoClient, List<SystemKind>> others = new LinkedHashMap<>();
        for (SystemKind system : SystemKind.values()) {
            if (target.ownHost(system)) {
                others.computeIfAbsent(target.client(system), c -> new ArrayList<>()).add(system);
            }
        }
        others.forEach((other, systems) -> scan(other, target.hostsOnly(systems.get(0)),
                other.listDatabaseNames().into(new LinkedHashSet<>()),
                applicationDatabases(application, naming, systems), journaled, unjournaled));
        if (journal == null && unjournaled.isEmpty() && !orphanSlice) {
            return Optional.empty();
        }
        return Optional.of(new InterruptedImport(client, profile, application, journal, journalClients, missingHosts,
                unjournaled, orphanSlice));
    }

    private static void scan(MongoClient client, String where, Set<String> databases, List<String> candidates,
                             Set<String> journaled, List<Leftover> found) {
        for (String database : candidates) {
            if (!databases.contains(database)) {
                continue;
            }
            for (String name : DatabaseImporter.names(client.getDatabase(database))) {
                // A journaled name is the journal's to deal with, on whichever host it is.
                if (StagingNames.isLeftover(name) && !journaled.contains(database + "." + name)) {
                    found.add(new Leftover(client, where, database, name));
                }
            }
        }
    }

    /** Whether the import that left this may still be running (then nothing may be touched). */
    public boolean possiblyRunning() {
        return journal != null && journal.possiblyRunning(Instant.now());
    }

    /** Whether the interrupted import had been verified and committed (recovery finishes it rather than undo). */
    public boolean committed() {
        return journal != null && journal.state() == ImportJournal.State.COMMITTED;
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
            if (possiblyRunning()) {
                lines.add("That import may still be running (last sign of life " + journal.heartbeatAt()
                        + "); nothing will be touched until it stops.");
            } else if (committed()) {
                lines.add("It had been verified: the import first drops the collections it had set aside.");
            } else {
                lines.add("The import first restores the state from before it: "
                        + journal.entries().size() + " collection(s)"
                        + (journal.metadataSaved() ? " and the metadata saved in the target" : "") + ".");
            }
        }
        for (Leftover leftover : unjournaled) {
            lines.add("Found " + leftover.label() + ": " + plan(leftover) + ".");
        }
        if (orphanSlice) {
            lines.add("Found saved metadata in " + profile.database() + "." + MetadataRollback.COLLECTION
                    + " without a journal; it is left in place for a look by hand.");
        }
        return lines;
    }

    /**
     * Puts the target right: rolls the interrupted import back (or finishes a committed one) and deals with
     * leftovers that have no journal.
     *
     * @throws ImportFailedException when the interrupted import may still be running, or when it wrote a system's
     *                               database on a host this run was not given (nothing is touched then)
     */
    public void restore(ProgressListener listener) {
        if (possiblyRunning()) {
            throw new ImportFailedException("An import of " + application + " into this installation started "
                    + journal.startedAt() + " on " + journal.host() + " may still be running (last sign of life "
                    + journal.heartbeatAt() + "). Wait for it to end, or until its lease runs out, and try again.");
        }
        if (!missingHosts.isEmpty()) {
            throw new ImportFailedException("The interrupted import of " + application + " wrote "
                    + String.join(" and ", missingHosts.entrySet().stream()
                    .map(entry -> "its " + entry.getKey() + " data to " + entry.getValue()).toList())
                    + ", which this run was not given. Give " + String.join(", ", missingHosts.entrySet().stream()
                    .map(entry -> entry.getKey() + " its host " + entry.getValue()).toList())
                    + " and run again, so that the target can be restored there too. Nothing was changed.");
        }
        if (journal != null) {
            listener.info(Phase.PLAN, committed()
                    ? "Finishing the interrupted, already verified import of " + application
                    : "Restoring the target to its state before the interrupted import of " + application);
            ImportRollback rollback = new ImportRollback(client,
                    system -> journalClients.getOrDefault(system, client), profile, ImportOptions.defaults());
            rollback.finish(journal);
        }
        for (Leftover leftover : unjournaled) {
            String action = restoreLeftover(leftover);
            listener.info(Phase.PLAN, leftover.label() + ": " + action);
        }
    }

    /** Systems whose database the interrupted import wrote on a host this run was not given, with that host. */
    public Map<SystemKind, String> missingHosts() {
        return Collections.unmodifiableMap(missingHosts);
    }

    private String plan(Leftover leftover) {
        String name = leftover.name();
        if (StagingNames.isStaging(name)) {
            return "a staging collection of an import; it will be dropped";
        }
        Optional<String> original = StagingNames.original(name);
        if (original.isEmpty()) {
            return "a set-aside collection whose original name only its journal knew; it is left in place";
        }
        if (!DatabaseImporter.names(leftover.client().getDatabase(leftover.database())).contains(original.get())) {
            return "the set-aside copy of " + original.get() + ", which is missing; it will be renamed back";
        }
        return "an older copy of " + original.get() + ", which exists too; both are left in place, compare and drop"
                + " one by hand";
    }

    private String restoreLeftover(Leftover leftover) {
        String database = leftover.database();
        String name = leftover.name();
        MongoDatabase db = leftover.client().getDatabase(database);
        if (StagingNames.isStaging(name)) {
            db.getCollection(name).drop();
            return "dropped";
        }
        Optional<String> original = StagingNames.original(name);
        if (original.isPresent() && !DatabaseImporter.names(db).contains(original.get())) {
            leftover.client().getDatabase("admin").runCommand(new BsonDocument("renameCollection",
                    new BsonString(database + "." + name)).append("to",
                    new BsonString(database + "." + original.get())).append("dropTarget", BsonBoolean.FALSE));
            return "renamed back to " + original.get();
        }
        return "left in place";
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
