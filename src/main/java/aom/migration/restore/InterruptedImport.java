package aom.migration.restore;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.mongo.Installation;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an import that did not finish left in a target: its journal, staging and set-aside collections, a saved
 * metadata slice. Found by {@link #find} (the plan reports it), put right by {@link #restore} (the next import
 * does it first): a journal that is not committed is rolled back to the state before that import, a committed one
 * is finished. Leftovers without a journal are recognised by their names; staging collections are dropped, a
 * set-aside collection whose original is missing is renamed back, and anything ambiguous is left in place and
 * reported, never guessed at.
 */
public final class InterruptedImport {

    private final MongoClient client;
    private final ExtractionProfile profile;
    private final String application;
    private final ImportJournal journal;
    private final List<String[]> unjournaled;
    private final boolean orphanSlice;

    private InterruptedImport(MongoClient client, ExtractionProfile profile, String application,
                              ImportJournal journal, List<String[]> unjournaled, boolean orphanSlice) {
        this.client = client;
        this.profile = profile;
        this.application = application;
        this.journal = journal;
        this.unjournaled = unjournaled;
        this.orphanSlice = orphanSlice;
    }

    /** Looks for the leftovers of an import of {@code application} into {@code target}; writes nothing. */
    public static Optional<InterruptedImport> find(Installation target, String application, DatabaseNaming naming,
                                                   ExtractionProfile profile) {
        return find(target.client(), application, naming, profile);
    }

    static Optional<InterruptedImport> find(MongoClient client, String application, DatabaseNaming naming,
                                            ExtractionProfile profile) {
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
        Set<String> journaled = new LinkedHashSet<>();
        if (journal != null) {
            for (JournalEntry entry : journal.entries()) {
                journaled.add(entry.database() + "." + entry.staging());
                journaled.add(entry.database() + "." + entry.aside());
            }
        }
        List<String[]> unjournaled = new ArrayList<>();
        for (String database : applicationDatabases(application, naming)) {
            if (!databases.contains(database)) {
                continue;
            }
            for (String name : DatabaseImporter.names(client.getDatabase(database))) {
                if (StagingNames.isLeftover(name) && !journaled.contains(database + "." + name)) {
                    unjournaled.add(new String[] {database, name});
                }
            }
        }
        if (journal == null && unjournaled.isEmpty() && !orphanSlice) {
            return Optional.empty();
        }
        return Optional.of(new InterruptedImport(client, profile, application, journal, unjournaled, orphanSlice));
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
        for (String[] leftover : unjournaled) {
            lines.add("Found " + leftover[0] + "." + leftover[1] + ": " + plan(leftover[0], leftover[1]) + ".");
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
     * @throws ImportFailedException when the interrupted import may still be running
     */
    public void restore(ProgressListener listener) {
        if (possiblyRunning()) {
            throw new ImportFailedException("An import of " + application + " into this installation started "
                    + journal.startedAt() + " on " + journal.host() + " may still be running (last sign of life "
                    + journal.heartbeatAt() + "). Wait for it to end, or until its lease runs out, and try again.");
        }
        if (journal != null) {
            listener.info(Phase.PLAN, committed()
                    ? "Finishing the interrupted, already verified import of " + application
                    : "Restoring the target to its state before the interrupted import of " + application);
            ImportRollback rollback = new ImportRollback(client, profile, ImportOptions.defaults());
            rollback.finish(journal);
        }
        for (String[] leftover : unjournaled) {
            String action = restoreLeftover(leftover[0], leftover[1]);
            listener.info(Phase.PLAN, leftover[0] + "." + leftover[1] + ": " + action);
        }
    }

    private String plan(String database, String name) {
        if (StagingNames.isStaging(name)) {
            return "a staging collection of an import; it will be dropped";
        }
        Optional<String> original = StagingNames.original(name);
        if (original.isEmpty()) {
            return "a set-aside collection whose original name only its journal knew; it is left in place";
        }
        if (!DatabaseImporter.names(client.getDatabase(database)).contains(original.get())) {
            return "the set-aside copy of " + original.get() + ", which is missing; it will be renamed back";
        }
        return "an older copy of " + original.get() + ", which exists too; both are left in place, compare and drop"
                + " one by hand";
    }

    private String restoreLeftover(String database, String name) {
        MongoDatabase db = client.getDatabase(database);
        if (StagingNames.isStaging(name)) {
            db.getCollection(name).drop();
            return "dropped";
        }
        Optional<String> original = StagingNames.original(name);
        if (original.isPresent() && !DatabaseImporter.names(db).contains(original.get())) {
            client.getDatabase("admin").runCommand(new BsonDocument("renameCollection",
                    new BsonString(database + "." + name)).append("to",
                    new BsonString(database + "." + original.get())).append("dropTarget", BsonBoolean.FALSE));
            return "renamed back to " + original.get();
        }
        return "left in place";
    }

    private static List<String> applicationDatabases(String application, DatabaseNaming naming) {
        Set<String> names = new LinkedHashSet<>();
        for (SystemKind system : SystemKind.values()) {
            names.add(naming.databaseName(application, system));
        }
        for (DatabaseNaming other : DatabaseNaming.values()) {
            for (SystemKind system : SystemKind.values()) {
                names.add(other.databaseName(application, system));
            }
        }
        return new ArrayList<>(names);
    }
}
