package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.util.ArrayList;

/**
 * Brings the target back to its state before an import, or finishes a committed one, from what the journal says.
 * The job uses it after a failure or cancel, recovery uses it after a crash: one code path for both, and every
 * step is idempotent, so an interrupted rollback is finished by the next run.
 */
final class ImportRollback {

    private final MongoClient client;
    private final ExtractionProfile profile;
    private final ImportOptions options;

    ImportRollback(MongoClient client, ExtractionProfile profile, ImportOptions options) {
        this.client = client;
        this.profile = profile;
        this.options = options;
    }

    /** Restores collections, then metadata, then removes staging, the saved slice and the journal. */
    void rollBack(ImportJournal journal) {
        boolean swapStarted = journal.state() == ImportJournal.State.SWAPPING;
        new DatabaseImporter(client, options).rollBack(journal.entries(), journal.strategy(), swapStarted);
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
        new DatabaseImporter(client, options).dropAsides(journal.entries());
        new MetadataMerger(metadata(), profile).discardRollback(journal.importId());
        journal.delete();
    }

    /** A database the import created is dropped again, but only when nothing is left in it. */
    private void dropEmptyNewDatabases(ImportJournal journal) {
        for (String name : journal.newDatabases()) {
            MongoDatabase database = client.getDatabase(name);
            if (client.listDatabaseNames().into(new ArrayList<>()).contains(name)
                    && DatabaseImporter.names(database).isEmpty()) {
                database.drop();
            }
        }
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
