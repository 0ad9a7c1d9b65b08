package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Brings the target back to its state before an import, or finishes a committed one, from what the journal says.
 * The job uses it after a failure or cancel, recovery uses it after a crash: one code path for both, and every
 * step is idempotent, so an interrupted rollback is finished by the next run. Each system's collections are put
 * back on the host its database is on ({@code clients}); the metadata and the journal are on the main target. Every
 * step first asks the journal whether its holder still owns it.
 *
 * <p>A rollback proves itself (DESIGN.md section 5): after putting the collections and the metadata back it checks
 * them against what was recorded before the import changed them, and only when that check passes does it drop the
 * import's working collections, the saved slice and the journal. When it does not pass, nothing is deleted: the
 * journal records the differences, and the next run looks again.
 */
final class ImportRollback {

    private final MongoClient client;
    private final Function<SystemKind, MongoClient> clients;
    private final ExtractionProfile profile;
    private final ImportOptions options;

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

    /**
     * Restores collections, then metadata, checks both; when the check passed, removes the working collections,
     * the saved slice and the journal.
     *
     * @return what was checked and what differed; when it did not pass, everything is kept
     */
    RollbackProof rollBack(ImportJournal journal) {
        PutBack back = putBack(journal);
        if (back.proof().passed()) {
            back.collections().dropWorking(journal.entries());
            back.metadata().discard();
            journal.delete();
            dropEmptyNewDatabases(journal);
        }
        return back.proof();
    }

    /** What {@link #putBack} did, and with what it goes on. */
    private record PutBack(RollbackProof proof, CollectionRollback collections, MetadataRollback metadata) {
    }

    /**
     * Puts the collections and the metadata back and checks them; when the check does not pass, the journal
     * records the differences and nothing more is done.
     */
    private PutBack putBack(ImportJournal journal) {
        List<JournalEntry> entries = journal.entries();
        CollectionRollback collections = new CollectionRollback(clients, options, journal);
        List<String> notPutBack = collections.putBack(entries, journal.strategy());
        MetadataRollback metadata = new MetadataRollback(metadata(), journal.sliceCollection(), journal.importId(),
                journal);
        RollbackProof proof = collections.check(entries, journal.strategy()).withDifferences(notPutBack);
        if (journal.metadataSaved()) {
            metadata.restore();
            proof = proof.and(metadata.check());
        }
        if (!proof.passed()) {
            journal.recordUnproven(proof.differences());
        }
        return new PutBack(proof, collections, metadata);
    }

    /**
     * For a resume: puts back what the interrupted import changed live (collections, metadata), checks it like a
     * rollback, and only when that passes drops its set-aside collections and saved slice; its staging collections
     * and what the journal recorded of them stay, and the journal stands as while it loaded.
     *
     * @return what was checked and what differed; when it did not pass, everything is kept
     */
    RollbackProof rewind(ImportJournal journal) {
        PutBack back = putBack(journal);
        if (back.proof().passed()) {
            back.collections().dropAsides(journal.entries());
            back.metadata().discard();
            journal.rewind();
        }
        return back.proof();
    }

    /** Finishes a committed import: drops the set-aside and staging collections, the saved slice and the journal. */
    void rollForward(ImportJournal journal) {
        new CollectionRollback(clients, options, journal).dropWorking(journal.entries());
        new MetadataRollback(metadata(), journal.sliceCollection(), journal.importId(), journal).discard();
        journal.delete();
    }

    /**
     * Whichever the journal's state calls for.
     *
     * @return the rollback's proof, or empty when a committed import was finished
     */
    Optional<RollbackProof> finish(ImportJournal journal) {
        if (journal.state() == ImportJournal.State.COMMITTED) {
            rollForward(journal);
            return Optional.empty();
        }
        return Optional.of(rollBack(journal));
    }

    /** A database the import created is dropped again, but only when nothing is left in it. */
    private void dropEmptyNewDatabases(ImportJournal journal) {
        for (String name : journal.newDatabases()) {
            MongoClient host = hostOf(journal, name);
            MongoDatabase database = host.getDatabase(name);
            if (host.listDatabaseNames().into(new ArrayList<>()).contains(name)
                    && Namespaces.names(database).isEmpty()) {
                database.drop();
            }
        }
    }

    /** The host a new database was created on: its system's, or the main target's (the metadata database). */
    private MongoClient hostOf(ImportJournal journal, String database) {
        return journal.entries().stream().filter(entry -> entry.database().equals(database)).findFirst()
                .map(entry -> clients.apply(entry.system())).orElse(client);
    }

    private MongoDatabase metadata() {
        return client.getDatabase(profile.database());
    }
}
