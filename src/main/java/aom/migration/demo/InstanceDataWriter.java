package aom.migration.demo;

import aom.migration.demo.MetadataBuilder.Attribute;
import aom.migration.demo.MetadataBuilder.ClassRef;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an application's instance data: one collection per stored class, with values that fit each attribute's
 * type, an index per indexed attribute, plus any extra indexes the caller asks for. Documents are written in
 * batches, so large scales do not need large heaps.
 */
final class InstanceDataWriter {

    private static final int BATCH = 500;

    private final DemoIds ids;
    private final DemoScale scale;

    InstanceDataWriter(DemoIds ids, DemoScale scale) {
        this.ids = ids;
        this.scale = scale;
    }

    /** Writes {@code count} documents of {@code type} into its collection of {@code database}. */
    void write(MongoDatabase database, String applicationName, ClassRef type, int count, List<IndexModel> extra) {
        MongoCollection<Document> collection = database.getCollection(type.collectionName());
        database.createCollection(type.collectionName());
        List<Document> batch = new ArrayList<>(Math.min(count, BATCH));
        for (int i = 0; i < count; i++) {
            batch.add(document(applicationName, type, i));
            if (batch.size() == BATCH) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        List<IndexModel> indexes = new ArrayList<>(extra);
        for (Attribute attribute : type.allAttributes()) {
            if (attribute.indexed() && extra.stream().noneMatch(index -> index.getKeys().toBsonDocument()
                    .containsKey(attribute.name()))) {
                indexes.add(new IndexModel(new Document(attribute.name(), 1)));
            }
        }
        if (!indexes.isEmpty()) {
            collection.createIndexes(indexes);
        }
    }

    /** Writes a GridFS bucket {@code bucket} with {@code files} generated binary files of about 40 KB. */
    void gridFs(MongoDatabase database, String bucket, int files) {
        int chunkSize = 16 * 1024;
        MongoCollection<Document> fileCollection = database.getCollection(bucket + ".files");
        MongoCollection<Document> chunkCollection = database.getCollection(bucket + ".chunks");
        for (int i = 0; i < files; i++) {
            byte[] content = ids.bytes(20_000 + ids.nextInt(40_000));
            Object fileId = ids.next();
            fileCollection.insertOne(new Document("_id", fileId).append("length", (long) content.length)
                    .append("chunkSize", chunkSize).append("uploadDate", ids.date(300))
                    .append("filename", "photo-" + i + ".jpg")
                    .append("metadata", new Document("contentType", "image/jpeg").append("width", 640 + i)));
            List<Document> chunks = new ArrayList<>();
            for (int n = 0, offset = 0; offset < content.length; n++, offset += chunkSize) {
                byte[] data = Arrays.copyOfRange(content, offset,
                        Math.min(content.length, offset + chunkSize));
                chunks.add(new Document("_id", ids.next()).append("files_id", fileId).append("n", n)
                        .append("data", new Binary(data)));
            }
            chunkCollection.insertMany(chunks);
        }
        fileCollection.createIndex(new Document("filename", 1).append("uploadDate", 1));
        chunkCollection.createIndex(new Document("files_id", 1).append("n", 1),
                new IndexOptions().unique(true));
    }

    private Document document(String applicationName, ClassRef type, int index) {
        Document doc = new Document("_id", ids.next())
                .append("applicationName", applicationName)
                .append("className", type.name())
                .append("createdAt", ids.date(300))
                .append("lastModifiedAt", ids.date(600))
                .append("ownerUserName", "user" + ids.nextInt(50) + "@example.org");
        for (Attribute attribute : type.allAttributes()) {
            Object value = value(attribute, index);
            if (value != null) {
                doc.append(attribute.name(), value);
            }
        }
        doc.append("metadata", new Document("tags", List.of(ids.word(), ids.word()))
                .append("revision", ids.nextInt(10))
                .append("origin", new Document("client", ids.nextBoolean() ? "android" : "ios")
                        .append("sdkVersion", "3." + ids.nextInt(9) + "." + ids.nextInt(20))));
        if (scale.payloadBytes() > 0) {
            doc.append("payload", ids.text(scale.payloadBytes()));
        }
        return doc;
    }

    private Object value(Attribute attribute, int index) {
        if (attribute.collection()) {
            List<Object> values = new ArrayList<>();
            int size = 1 + ids.nextInt(3);
            for (int i = 0; i < size; i++) {
                values.add(single(attribute, index));
            }
            return values;
        }
        return single(attribute, index);
    }

    private Object single(Attribute attribute, int index) {
        if (attribute.reference() != null) {
            return ids.next();
        }
        String name = attribute.name();
        return switch (attribute.type()) {
            case "String" -> switch (name) {
                case "email", "userName" -> name.charAt(0) + "" + index + "." + ids.word() + "@example.org";
                case "sku" -> "SKU-" + (100_000 + index);
                case "twitterHandle" -> index % 2 == 0 ? "@" + ids.word() + index : null;
                default -> ids.word() + " " + ids.word();
            };
            case "Long" -> (long) ids.nextInt(1_000_000);
            case "Double" -> Math.round(ids.nextDouble() * 18000) / 100.0 - 90;
            case "Date" -> ids.date(400);
            case "Boolean" -> ids.nextBoolean();
            case "Decimal" -> new Decimal128(BigDecimal.valueOf(ids.nextInt(100_000), 2));
            case "Binary" -> new Binary(ids.bytes(32));
            default -> ids.word();
        };
    }
}
