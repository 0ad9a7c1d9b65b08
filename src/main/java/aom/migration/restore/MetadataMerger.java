package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.PasswordHash;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges one application's metadata closure into the target's metadata database by the profile's natural keys
 * (DESIGN.md section 5, step 3): {@link #plan} decides entity by entity without writing, {@link #write} deletes,
 * replaces and inserts as planned, after the import saved the target's slice ({@link MetadataRollback}).
 */
public final class MetadataMerger {

    private static final int BATCH = 200;

    private final MongoDatabase database;
    private final ExtractionProfile profile;

    /** @param metadataDatabase the target's metadata database ({@code apiomat}) */
    public MetadataMerger(MongoDatabase metadataDatabase, ExtractionProfile profile) {
        this.database = metadataDatabase;
        this.profile = profile;
    }

    /**
     * Plans the merge of {@code closure} (per metadata collection, the raw documents of the application's closure)
     * into the target. Writes nothing.
     *
     * @param resetPasswords whether customers the import inserts get the profile's reset password
     */
    public MetadataMergePlan plan(String application, Map<String, List<RawBsonDocument>> closure,
                                  boolean resetPasswords, CancellationToken cancel) {
        return new MetadataMergePlanner(profile, database).plan(application, closure, resetPasswords, cancel);
    }

    /**
     * Saves the target's current slice ({@code rollbackFile} and the server copy under {@code importId}), then
     * carries out the plan, outside any import's journal (for tests and for merges by hand). On a failure the
     * caller restores with {@link MetadataRollback}.
     */
    public void apply(MetadataMergePlan plan, String importId, Path rollbackFile, CancellationToken cancel) {
        rollback(plan.application(), importId, Fence.NONE).save(plan, rollbackFile, cancel);
        write(plan, Fence.NONE, cancel);
    }

    /** The saved slice of {@code application} under {@code importId}, written and restored through {@code fence}. */
    MetadataRollback rollback(String application, String importId, Fence fence) {
        return new MetadataRollback(database, MetadataRollback.collectionName(application), importId, fence);
    }

    /**
     * Carries out the plan's deletions, replacements and inserts, in an order the unique keys allow, asking
     * {@code fence} before each batch.
     */
    void write(MetadataMergePlan plan, Fence fence, CancellationToken cancel) {
        List<String> childrenFirst = new ArrayList<>(plan.deletions().keySet());
        Collections.reverse(childrenFirst);
        for (String collection : childrenFirst) {
            List<BsonValue> ids = plan.deletions().get(collection);
            for (int from = 0; from < ids.size(); from += BATCH) {
                cancel.throwIfCancelled();
                fence.confirmRecent();
                database.getCollection(collection)
                        .deleteMany(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + BATCH))));
            }
        }
        Map<String, List<WriteModel<BsonDocument>>> replacements = new LinkedHashMap<>();
        Map<String, List<BsonDocument>> inserts = new LinkedHashMap<>();
        for (MetadataMergePlan.PlannedWrite write : plan.writes()) {
            if (write.insert()) {
                inserts.computeIfAbsent(write.collection(), c -> new ArrayList<>()).add(withPassword(write));
            } else {
                replacements.computeIfAbsent(write.collection(), c -> new ArrayList<>())
                        .add(new ReplaceOneModel<>(Filters.eq("_id", write.id()), write.document()));
            }
        }
        replacements.forEach((collection, models) -> {
            MongoCollection<BsonDocument> target = database.getCollection(collection, BsonDocument.class);
            for (int from = 0; from < models.size(); from += BATCH) {
                cancel.throwIfCancelled();
                List<WriteModel<BsonDocument>> batch = models.subList(from, Math.min(models.size(), from + BATCH));
                fence.confirmRecent();
                int matched = target.bulkWrite(batch).getMatchedCount();
                if (matched != batch.size()) {
                    throw new IllegalStateException("The target's " + collection + " changed while the import ran: "
                            + (batch.size() - matched) + " documents to overwrite are gone");
                }
            }
        });
        inserts.forEach((collection, documents) -> {
            MongoCollection<BsonDocument> target = database.getCollection(collection, BsonDocument.class);
            for (int from = 0; from < documents.size(); from += BATCH) {
                cancel.throwIfCancelled();
                fence.confirmRecent();
                target.insertMany(documents.subList(from, Math.min(documents.size(), from + BATCH)));
            }
        });
    }

    /** Removes the server copy of a slice saved outside an import's journal (the rollback file stays). */
    public void discardRollback(String application, String importId) {
        rollback(application, importId, Fence.NONE).discard();
    }

    private BsonDocument withPassword(MetadataMergePlan.PlannedWrite write) {
        if (!write.resetPassword()) {
            return write.document();
        }
        BsonDocument document = write.document().clone();
        ExtractionProfile.PasswordSpec spec = profile.password();
        document.put(spec.field(), new BsonString(PasswordHash.hash(spec.resetTo(), spec.iterations())));
        return document;
    }
}
