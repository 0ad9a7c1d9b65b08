package aom.migration.restore;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds import requests from the demo source the way the export will hand them over: each collection's raw BSON
 * drained to bytes with its options, indexes and SHA-256, and ConferenceApp's metadata closure by a few queries.
 */
public final class DemoImport {

    static final String APP = "ConferenceApp";

    private DemoImport() {
    }

    /** Every collection of the application's databases of {@code systems}. */
    static Map<SystemKind, List<CollectionSource>> data(MongoClient source, String app, DatabaseNaming naming,
                                                        List<SystemKind> systems) {
        Map<SystemKind, List<CollectionSource>> data = new EnumMap<>(SystemKind.class);
        for (SystemKind system : systems) {
            data.put(system, drain(source.getDatabase(naming.databaseName(app, system))));
        }
        return data;
    }

    public static List<CollectionSource> drain(MongoDatabase database) {
        List<CollectionSource> sources = new ArrayList<>();
        for (BsonDocument info : database.listCollections(BsonDocument.class)) {
            String name = info.getString("name").getValue();
            List<BsonDocument> indexes = database.getCollection(name).listIndexes(BsonDocument.class)
                    .into(new ArrayList<>());
            CollectionMetadata metadata = new CollectionMetadata(name,
                    info.getString("type", new BsonString("collection")).getValue(),
                    info.getDocument("options", new BsonDocument()), indexes, null, null);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            long documents = 0;
            try (MongoCursor<RawBsonDocument> cursor = database.getCollection(name, RawBsonDocument.class).find()
                    .iterator()) {
                while (cursor.hasNext()) {
                    ByteBuffer buffer = cursor.next().getByteBuffer().asNIO();
                    byte[] document = new byte[buffer.remaining()];
                    buffer.get(document);
                    bytes.writeBytes(document);
                    documents++;
                }
            }
            byte[] all = bytes.toByteArray();
            sources.add(new BytesSource(database.getName(), name, metadata, all, documents, sha256(all)));
        }
        return sources;
    }

    /** ConferenceApp's closure in the demo source, per metadata collection in profile order. */
    static Map<String, List<RawBsonDocument>> conferenceClosure(MongoClient source) {
        MongoDatabase apiomat = source.getDatabase("apiomat");
        Map<String, List<RawBsonDocument>> closure = new LinkedHashMap<>();
        closure.put("customers", find(apiomat, "customers", Filters.in("userName", "apiomat-admin",
                "alice@conference.example", "bob@shop.example", "dave@partner.example", "erin@venues.example")));
        closure.put("plans", find(apiomat, "plans", Filters.eq("name", "Business")));
        closure.put("applications", find(apiomat, "applications", Filters.eq("applicationName", APP)));
        List<RawBsonDocument> modules = find(apiomat, "modules", Filters.or(module("Basics", "1.0.0"),
                module("Geo", "1.0.0"), module("Venues", "1.0.0"), module("ConferenceCore", "2.1.0"),
                module("Speakers", "1.3.0")));
        closure.put("modules", modules);
        List<RawBsonDocument> classes = find(apiomat, "metamodels", Filters.in("moduleId", ids(modules)));
        closure.put("metamodels", classes);
        closure.put("metamodelattributes", find(apiomat, "metamodelattributes",
                Filters.in("metaModelId", ids(classes))));
        List<RawBsonDocument> files = find(apiomat, "modulejars.files",
                Filters.in("metadata.moduleId", ids(modules)));
        closure.put("modulejars.files", files);
        closure.put("modulejars.chunks", find(apiomat, "modulejars.chunks", Filters.in("files_id", ids(files))));
        return closure;
    }

    static ImportRequest conferenceRequest(MongoClient source) {
        return new ImportRequest(APP, DatabaseNaming.DASHED, data(source, APP, DatabaseNaming.DASHED,
                List.of(SystemKind.LIVE, SystemKind.STAGING, SystemKind.TEST)), conferenceClosure(source),
                ExtractionProfile.defaults(), new SourceDescription("127.0.0.1", null, DatabaseNaming.DASHED));
    }

    private static Bson module(String name, String version) {
        return Filters.and(Filters.eq("name", name), Filters.eq("version", version));
    }

    private static List<BsonValue> ids(List<RawBsonDocument> documents) {
        return documents.stream().map(document -> document.get("_id")).toList();
    }

    private static List<RawBsonDocument> find(MongoDatabase database, String collection, Bson filter) {
        return database.getCollection(collection, RawBsonDocument.class).find(filter).into(new ArrayList<>());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
