package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.util.ArrayList;
import java.util.function.Function;

/**
 * Brings the target back to its state before an import, or finishes a committed one, from what the journal says.
 * The job uses it after a failure or cancel, recovery uses it after a crash: one code path for both, and every
 * step is idempotent, so an interrupted rollback is finished by the next run. Each system's collections are put
 * back on the host its database is on ({@code clients}); the metadata and the journal are on the main target.
 */
final class ImportRollback {

    private final MongoClient client;
    private final Function<SystemKind, MongoClient> clients;
    private final ExtractionProfile profile;
    private final ImportOptions options;

    ImportRollback(MongoClient client, ExtractionProfile profile, ImportOptions options) {
        this(client, system -> client, profile, options);
    }

    /**
     * @param client  the main target: the metadata database and the journal
     * @param clients the host of each system's database
     */
    ImportRollback(MongoClient client, Function<SystemKind, MongoClient> clients, ExtractionProfile profile,
                   ImportOptions options) {
        this.client = client;
        this.clients = clients;
        this.profile = profile;
        this.options = options;
    }

    /** Restores collections, then metadata, then removes staging, the saved slice and the journal. */
    void rollBack(ImportJournal journal) {
        boolean swapStarted = journal.state() == ImportJournal.State.SWAPPING;
        new DatabaseImporter(clients, options).rollBack(journal.entries(), journal.strategy(), swapStarted);
        MetadataMerger merger = new MetadataMerger(metadata(), profile);
        if (journal.metadataSaved()) {
            merger.restore(journal.importId());
        } else {
            merger.discardRollback(journal.importId());
        }
        journal.delete();
        dropEmptyNewDatabases(journal);
    }

    /** Finishes a committed import: drops the set-aside collections, the saved slice and the journal. */
    void rollForward(ImportJournal journal) {
        new DatabaseImporter(clients, options).dropAsides(journal.entries());
        new MetadataMerger(metadata(), profile).discardRollback(journal.importId());
        journal.delete();
    }

    /** A database the import created is dropped again, but only when nothing is left in it. */
    private void dropEmptyNewDatabases(ImportJournal journal) {
        for (String name : journal.newDatabases()) {
            MongoClient host = hostOf(journal, name);
            MongoDatabase database = host.getDatabase(name);
            if (host.listDatabaseNames().into(new ArrayList<>()).contains(name)
                    && DatabaseImporter.names(database).isEmpty()) {
                database.drop();
            }
        }
    }

    /** The host a new database was created on: its system's, or the main target's (the metadata database). */
    private MongoClient hostOf(ImportJournal journal, String database) {
        return journal.entries().stream().filter(entry -> entry.database().equals(database)).findFirst()
                .map(entry -> clients.apply(entry.system())).orElse(client);
    }

    /** Whichever the journal's state calls for. */
    void finish(ImportJournal journal) {
        if (journal.state() == ImportJournal.State.COMMITTED) {
            rollForward(journal);
        } else {
            rollBack(journal);
        }
    }

    private MongoDatabase metadata() {
        return client.getDatabase(profile.database());
    }
}
