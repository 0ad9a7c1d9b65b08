package aom.migration.demo;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBinary;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's data set: the demo source installation with {@value #APPLICATION}'s LIVE, STAGING and TEST
 * databases grown by 32 extra collections that together hold about {@code totalBytes} of BSON. The collections mix
 * document sizes from 200 B to 1 MB (tiny events, chat messages, articles, photos, videos) and their sizes differ by
 * two orders of magnitude, as in a real installation, so that both per-document overhead and per-byte throughput
 * count. Text fields are words (compressible), the larger documents also carry random binary data (not
 * compressible). Deterministic: the same seed and size give byte-identical collections.
 */
public final class BenchmarkDataSet {

    /** The application whose databases hold the benchmark data. */
    public static final String APPLICATION = "ConferenceApp";
    /** The seed used unless the caller gives one. */
    public static final long DEFAULT_SEED = 20_240_301L;

    private static final int INSERT_BATCH_BYTES = 8 * 1024 * 1024;
    private static final int TEXT_POOL_BYTES = 4 * 1024 * 1024;
    private static final InsertManyOptions INSERT = new InsertManyOptions().ordered(false);

    /** Document sizes, from {@code min} to {@code max} bytes, spread evenly on a log scale. */
    enum SizeClass {
        TINY(200, 600), SMALL(600, 4 * 1024), MEDIUM(4 * 1024, 32 * 1024), LARGE(32 * 1024, 256 * 1024),
        HUGE(256 * 1024, 1024 * 1024);

        final int min;
        final int max;

        SizeClass(int min, int max) {
            this.min = min;
            this.max = max;
        }
    }

    /** One collection of the data set: where it is, how large its documents are, its share of the total (per mille). */
    record Shape(SystemKind system, String collection, SizeClass size, int perMille, boolean indexed) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape(SystemKind.LIVE, "Analytics_Event", SizeClass.TINY, 110, true),
            new Shape(SystemKind.LIVE, "Analytics_PageView", SizeClass.TINY, 60, false),
            new Shape(SystemKind.LIVE, "Chat_Message", SizeClass.SMALL, 90, true),
            new Shape(SystemKind.LIVE, "Audit_LogEntry", SizeClass.SMALL, 55, false),
            new Shape(SystemKind.LIVE, "Shop_OrderLine", SizeClass.SMALL, 40, true),
            new Shape(SystemKind.LIVE, "Ticket_Scan", SizeClass.TINY, 20, false),
            new Shape(SystemKind.LIVE, "Survey_Answer", SizeClass.SMALL, 30, false),
            new Shape(SystemKind.LIVE, "Content_Article", SizeClass.MEDIUM, 80, true),
            new Shape(SystemKind.LIVE, "Content_Page", SizeClass.MEDIUM, 40, false),
            new Shape(SystemKind.LIVE, "Media_Thumbnail", SizeClass.MEDIUM, 45, false),
            new Shape(SystemKind.LIVE, "Media_Photo", SizeClass.LARGE, 80, true),
            new Shape(SystemKind.LIVE, "Docs_Attachment", SizeClass.LARGE, 40, false),
            new Shape(SystemKind.LIVE, "Media_Video", SizeClass.HUGE, 50, false),
            new Shape(SystemKind.LIVE, "Reports_Export", SizeClass.HUGE, 20, false),
            new Shape(SystemKind.LIVE, "Config_Setting", SizeClass.TINY, 2, false),
            new Shape(SystemKind.LIVE, "Geo_Checkin", SizeClass.TINY, 10, true),
            new Shape(SystemKind.STAGING, "Analytics_Event", SizeClass.TINY, 40, true),
            new Shape(SystemKind.STAGING, "Chat_Message", SizeClass.SMALL, 30, true),
            new Shape(SystemKind.STAGING, "Content_Article", SizeClass.MEDIUM, 20, true),
            new Shape(SystemKind.STAGING, "Media_Photo", SizeClass.LARGE, 30, true),
            new Shape(SystemKind.STAGING, "Media_Video", SizeClass.HUGE, 20, false),
            new Shape(SystemKind.STAGING, "Audit_LogEntry", SizeClass.SMALL, 10, false),
            new Shape(SystemKind.STAGING, "Config_Setting", SizeClass.TINY, 1, false),
            new Shape(SystemKind.STAGING, "Survey_Answer", SizeClass.SMALL, 10, false),
            new Shape(SystemKind.TEST, "Analytics_Event", SizeClass.TINY, 20, true),
            new Shape(SystemKind.TEST, "Chat_Message", SizeClass.SMALL, 10, true),
            new Shape(SystemKind.TEST, "Content_Article", SizeClass.MEDIUM, 10, true),
            new Shape(SystemKind.TEST, "Media_Photo", SizeClass.LARGE, 10, true),
            new Shape(SystemKind.TEST, "Media_Video", SizeClass.HUGE, 10, false),
            new Shape(SystemKind.TEST, "Audit_LogEntry", SizeClass.SMALL, 5, false),
            new Shape(SystemKind.TEST, "Config_Setting", SizeClass.TINY, 1, false),
            new Shape(SystemKind.TEST, "Geo_Checkin", SizeClass.TINY, 2, true));

    /**
     * What was written: per collection its namespace, documents and BSON bytes.
     *
     * @param database   the database
     * @param collection the collection
     * @param documents  documents written
     * @param bytes      their BSON size
     */
    public record WrittenCollection(String database, String collection, long documents, long bytes) {
    }

    private BenchmarkDataSet() {
    }

    /**
     * Writes the demo source installation and the benchmark collections into an empty server.
     *
     * @param totalBytes about how many BSON bytes the benchmark collections hold together
     * @return the benchmark collections written (the demo's own small collections not included)
     */
    public static List<WrittenCollection> writeSource(MongoClient client, long totalBytes, long seed) {
        DemoInstallation.writeSource(client, new DemoScale(seed, DemoScale.TESTS.documentsPerCollection(),
                DemoScale.TESTS.payloadBytes()));
        Generator generator = new Generator(seed);
        List<WrittenCollection> written = new ArrayList<>();
        int index = 0;
        for (Shape shape : SHAPES) {
            String database = DatabaseNaming.DASHED.databaseName(APPLICATION, shape.system());
            long bytes = Math.max(shape.size().min, totalBytes * shape.perMille() / 1000);
            written.add(write(client.getDatabase(database), shape, bytes, generator, seed + index++));
        }
        return written;
    }

    private static WrittenCollection write(MongoDatabase database, Shape shape, long targetBytes,
                                           Generator generator, long seed) {
        database.createCollection(shape.collection());
        MongoCollection<RawBsonDocument> collection = database.getCollection(shape.collection(),
                RawBsonDocument.class);
        Random random = new Random(seed);
        List<RawBsonDocument> batch = new ArrayList<>();
        long batchBytes = 0;
        long documents = 0;
        long bytes = 0;
        while (bytes < targetBytes) {
            RawBsonDocument document = generator.document(random, shape, documents);
            int size = document.getByteBuffer().remaining();
            if (!batch.isEmpty() && batchBytes + size > INSERT_BATCH_BYTES) {
                collection.insertMany(batch, INSERT);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(document);
            batchBytes += size;
            bytes += size;
            documents++;
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch, INSERT);
        }
        if (shape.indexed()) {
            collection.createIndex(Indexes.ascending("createdAt"));
        }
        return new WrittenCollection(database.getName(), shape.collection(), documents, bytes);
    }

    /** Builds documents straight as BSON bytes: fast enough that generating a gigabyte takes seconds. */
    private static final class Generator {
        private static final String[] WORDS = ("alpha beta gamma delta api mobile backend module class attribute "
                + "conference session speaker talk venue room shop order product coupon fleet vehicle trip route "
                + "user role token image badge ticket agent location schedule keynote workshop").split(" ");
        private static final long BASE_MILLIS = 1_709_280_000_000L;

        private final byte[] textPool;

        Generator(long seed) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder(TEXT_POOL_BYTES + 16);
            while (text.length() < TEXT_POOL_BYTES) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            this.textPool = text.substring(0, TEXT_POOL_BYTES).getBytes(StandardCharsets.US_ASCII);
        }

        RawBsonDocument document(Random random, Shape shape, long sequence) {
            int min = shape.size().min;
            int max = shape.size().max;
            double logSize = Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min));
            int target = (int) Math.round(Math.exp(logSize));
            BasicOutputBuffer buffer = new BasicOutputBuffer(target + 256);
            try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
                writer.writeStartDocument();
                writer.writeObjectId("_id", objectId(random, sequence));
                writer.writeInt64("seq", sequence);
                writer.writeString("className", shape.collection());
                writer.writeDateTime("createdAt", BASE_MILLIS + (long) (random.nextDouble() * 400 * 86_400_000L));
                writer.writeString("owner", "user" + random.nextInt(5000) + "@example.org");
                writer.writeDouble("score", random.nextInt(100_000) / 100.0);
                writer.writeDecimal128("price", new Decimal128(BigDecimal.valueOf(random.nextInt(1_000_000), 2)));
                writer.writeBoolean("active", random.nextBoolean());
                writer.writeStartArray("tags");
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    writer.writeString(WORDS[random.nextInt(WORDS.length)]);
                }
                writer.writeEndArray();
                writer.writeStartDocument("origin");
                writer.writeString("client", random.nextBoolean() ? "android" : "ios");
                writer.writeInt32("revision", random.nextInt(20));
                writer.writeEndDocument();
                int left = target - buffer.getPosition() - 40;
                if (left > 0 && shape.size().ordinal() >= SizeClass.MEDIUM.ordinal()) {
                    byte[] blob = new byte[left * 2 / 5];
                    random.nextBytes(blob);
                    writer.writeBinaryData("blob", new BsonBinary(blob));
                    left -= blob.length;
                }
                if (left > 0) {
                    writer.writeString("text", text(random, left));
                }
                writer.writeEndDocument();
            }
            return new RawBsonDocument(buffer.toByteArray());
        }

        private String text(Random random, int length) {
            int size = Math.min(length, textPool.length);
            int from = random.nextInt(textPool.length - size + 1);
            return new String(textPool, from, size, StandardCharsets.US_ASCII);
        }

        private static ObjectId objectId(Random random, long sequence) {
            ByteBuffer bytes = ByteBuffer.allocate(12);
            bytes.putInt((int) (BASE_MILLIS / 1000 + sequence));
            bytes.putLong(random.nextLong());
            return new ObjectId(bytes.array());
        }
    }
}
