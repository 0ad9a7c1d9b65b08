package aom.migration.restore;

import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies a collection within one database (options, documents as raw bytes, indexes): the swap of the copy
 * strategy, for targets that cannot rename (sharded clusters) or whose rename loses data.
 */
final class CollectionCopier {

    private final int maxBatchDocuments;
    private final int maxBatchBytes;

    CollectionCopier(ImportOptions options) {
        this.maxBatchDocuments = options.maxBatchDocuments();
        this.maxBatchBytes = options.maxBatchBytes();
    }

    /**
     * Copies {@code from} to {@code to}, which must not exist, asking {@code fence} before it creates {@code to} and
     * before each batch.
     *
     * @return the digest of the documents copied, as they were read from {@code from}
     */
    CollectionDigest copy(MongoDatabase database, String from, String to, Fence fence, CancellationToken cancel) {
        BsonDocument info = Namespaces.info(database, from).orElse(null);
        BsonDocument create = new BsonDocument("create", new BsonString(to));
        if (info != null && info.containsKey("options")) {
            create.putAll(info.getDocument("options"));
        }
        fence.confirm();
        database.runCommand(create);
        DigestAccumulator digest = new DigestAccumulator();
        MongoCollection<RawBsonDocument> target = database.getCollection(to, RawBsonDocument.class);
        InsertManyOptions insert = new InsertManyOptions().ordered(false).bypassDocumentValidation(true);
        List<RawBsonDocument> batch = new ArrayList<>();
        long batchBytes = 0;
        try (MongoCursor<RawBsonDocument> cursor = database.getCollection(from, RawBsonDocument.class).find()
                .iterator()) {
            while (cursor.hasNext()) {
                cancel.throwIfCancelled();
                RawBsonDocument document = cursor.next();
                int size = document.getByteBuffer().remaining();
                if (!batch.isEmpty() && (batch.size() >= maxBatchDocuments || batchBytes + size > maxBatchBytes)) {
                    fence.confirmRecent();
                    target.insertMany(batch, insert);
                    batch = new ArrayList<>();
                    batchBytes = 0;
                }
                batch.add(document);
                digest.add(document);
                batchBytes += size;
            }
        }
        if (!batch.isEmpty()) {
            fence.confirmRecent();
            target.insertMany(batch, insert);
        }
        BsonArray indexes = new BsonArray();
        for (BsonDocument index : database.getCollection(from).listIndexes(BsonDocument.class)) {
            if (!"_id_".equals(index.getString("name", new BsonString("")).getValue())) {
                index.remove("ns");
                indexes.add(index);
            }
        }
        if (!indexes.isEmpty()) {
            fence.confirm();
            database.runCommand(new BsonDocument("createIndexes", new BsonString(to)).append("indexes", indexes));
        }
        return digest.result();
    }
}
