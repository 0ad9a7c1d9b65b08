package aom.migration.export;

import aom.migration.model.MigrationException;
import aom.migration.model.WorkingNames;
import aom.migration.mongo.Installation;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.time.Instant;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Whether an import of an application into the installation being exported is in flight, or was interrupted and
 * not yet put right (DESIGN.md section 5, "Working namespaces are the tool's own"): then its databases may hold half
 * loaded working collections and half swapped live ones, and an export would not be a consistent copy. The export
 * refuses unless told to go on; then its output and manifest say so. Working collections themselves are never
 * exported.
 */
public final class ImportInFlight extends MigrationException {

    private ImportInFlight(String message) {
        super(Category.REFUSED, message);
    }

    /** What the journal of an import of {@code application} into {@code source} says, if there is one. */
    static Optional<String> journal(Installation source, String application) {
        if (!source.hasMetadata()) {
            return Optional.empty();
        }
        MongoDatabase metadata = source.metadataDatabase();
        BsonDocument journal = metadata.getCollection(WorkingNames.journal(application), BsonDocument.class)
                .find().first();
        if (journal == null) {
            journal = metadata.getCollection(WorkingNames.LEGACY_JOURNAL, BsonDocument.class)
                    .find(Filters.eq("_id", application)).first();
        }
        return Optional.ofNullable(journal).map(found -> "an import of " + application + " into this installation,"
                + " started " + Instant.ofEpochMilli(found.getDateTime("startedAt").getValue())
                .truncatedTo(ChronoUnit.SECONDS) + " on "
                + found.getString("host", new BsonString("an unknown host")).getValue() + ", is in flight or was"
                + " interrupted (its journal says: " + found.getString("state", new BsonString("?")).getValue()
                + ")");
    }

    /** The working collections of imports in {@code database}: never exported, but the export says so. */
    static List<String> workingCollections(MongoDatabase database) {
        return database.listCollectionNames().into(new ArrayList<>()).stream()
                .filter(WorkingNames::isWorking).sorted().toList();
    }

    /** Refuses the export of {@code application} because of {@code journal}. */
    static ImportInFlight refusal(String application, String journal) {
        return new ImportInFlight("Not exported: " + journal + ", so its databases may hold half loaded or half"
                + " swapped collections and a bundle would not be a consistent copy of " + application + ". Export"
                + " after that import has ended (an interrupted one is put right by the next import of "
                + application + " into this installation), or export it as it is with a warning (command line:"
                + " --during-import).");
    }
}
