package aom.migration.bench;

import aom.migration.bundle.DirectWriteChannel;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The export's baseline: reads every collection of some databases to the end as raw BSON and throws the documents
 * away, with the cursor batch size the exporter uses, one collection after the other or several at once. Nothing
 * can export faster than this drains.
 */
final class BaselineDrain {

    /** The exporter's cursor batch: about 4 MB from the average document size (as DatabaseExporter does). */
    static final long CURSOR_BATCH_BYTES = 4L * 1024 * 1024;
    /** The write buffer of {@link #drain(List, int, Path)}: the exporter writes blocks of about 1 MB as well. */
    private static final int WRITE_BUFFER_BYTES = 1 << 20;

    private final MongoClient client;

    BaselineDrain(MongoClient client) {
        this.client = client;
    }

    /** One collection to drain, with the batch size in documents. */
    record Target(String database, String collection, long bytes, int batchSize) {
    }

    /** Lists the collections of {@code databases}, largest first, so parallel drains finish together. */
    List<Target> targets(List<String> databases) {
        List<Target> targets = new ArrayList<>();
        for (String name : databases) {
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                if (collection.startsWith("system.")) {
                    continue;
                }
                BsonDocument stats = database.runCommand(new BsonDocument("collStats", new BsonString(collection)),
                        BsonDocument.class);
                long size = number(stats.get("size"));
                long average = number(stats.get("avgObjSize"));
                long perDocument = average > 0 ? average : 1024;
                int batch = (int) Math.max(1, Math.min(100_000, CURSOR_BATCH_BYTES / perDocument));
                targets.add(new Target(name, collection, size, batch));
            }
        }
        targets.sort(Comparator.comparingLong(Target::bytes).reversed());
        return targets;
    }

    /**
     * Drains every target with {@code parallel} threads.
     *
     * @return documents and bytes read
     */
    long[] drain(List<Target> targets, int parallel) throws Exception {
        return drain(targets, parallel, null);
    }

    /**
     * Drains every target with {@code parallel} threads and, when {@code directory} is given, writes what each
     * thread reads into a file of its own there, each collection's documents hashed with SHA-256 on the way: the
     * least an export into one checksummed file per collection could do, with no zip, spool or manifest. The files
     * are written as the bundle is (direct I/O where the file system takes it, {@link DirectWriteChannel}), so that
     * the reference does what the export does.
     *
     * @return documents and bytes read
     */
    long[] drain(List<Target> targets, int parallel, Path directory) throws Exception {
        ConcurrentLinkedQueue<Target> queue = new ConcurrentLinkedQueue<>(targets);
        AtomicLong documents = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Path file = directory == null ? null : directory.resolve("drained-" + i + ".bson");
                futures.add(pool.submit(() -> {
                    if (file != null) {
                        Files.deleteIfExists(file); // from the cold run before the warm one
                    }
                    try (DigestOutputStream copy = file == null ? null : new DigestOutputStream(
                            new BufferedOutputStream(Channels.newOutputStream(DirectWriteChannel.create(file)),
                                    WRITE_BUFFER_BYTES),
                            MessageDigest.getInstance("SHA-256"))) {
                        Target target;
                        while ((target = queue.poll()) != null) {
                            long[] read = drainOne(target, copy);
                            documents.addAndGet(read[0]);
                            bytes.addAndGet(read[1]);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new long[] {documents.get(), bytes.get()};
    }

    /** Reads one collection to its end; with a {@code copy}, writes and hashes every document on the way. */
    private long[] drainOne(Target target, DigestOutputStream copy) throws IOException {
        long documents = 0;
        long bytes = 0;
        try (MongoCursor<RawBsonDocument> cursor = client.getDatabase(target.database())
                .getCollection(target.collection(), RawBsonDocument.class).find().batchSize(target.batchSize())
                .iterator()) {
            while (cursor.hasNext()) {
                ByteBuffer document = cursor.next().getByteBuffer().asNIO();
                if (copy != null) {
                    copy.write(document.array(), document.arrayOffset() + document.position(), document.remaining());
                }
                bytes += document.remaining();
                documents++;
            }
        }
        if (copy != null) {
            copy.getMessageDigest().digest();
        }
        return new long[] {documents, bytes};
    }

    private static long number(BsonValue value) {
        return value != null && value.isNumber() ? value.asNumber().longValue() : 0;
    }
}
