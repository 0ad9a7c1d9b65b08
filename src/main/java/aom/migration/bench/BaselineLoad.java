package aom.migration.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.bson.RawBsonDocument;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The import's baseline: the plainest fast load of a bundle's documents into an empty server, {@code insertMany}
 * of raw BSON in batches bounded by count and bytes, without checksums, staging, indexes or verification. Two
 * shapes: several collections at once with one inserter each, or one collection at a time with several inserters.
 */
final class BaselineLoad {

    private static final InsertManyOptions INSERT = new InsertManyOptions().ordered(false)
            .bypassDocumentValidation(true);
    private static final List<RawBsonDocument> END = Collections.emptyList();

    private final MongoClient client;
    private final ZipFile zip;
    private final int batchDocuments;
    private final int batchBytes;

    BaselineLoad(MongoClient client, ZipFile zip, int batchDocuments, int batchBytes) {
        this.client = client;
        this.zip = zip;
        this.batchDocuments = batchDocuments;
        this.batchBytes = batchBytes;
    }

    static ZipFile open(Path bundle) throws IOException {
        return ZipFile.builder().setPath(bundle).setCharset(StandardCharsets.UTF_8).get();
    }

    /** The {@code dump/<db>/<collection>.bson} entries of the bundle, largest first. */
    List<ZipArchiveEntry> entries() {
        List<ZipArchiveEntry> entries = new ArrayList<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            if (entry.getName().startsWith("dump/") && entry.getName().endsWith(".bson")) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparingLong(ZipArchiveEntry::getSize).reversed());
        return entries;
    }

    /** The databases the bundle's documents go to, in the order of {@link #entries()}. */
    List<String> databases() {
        Set<String> databases = new LinkedHashSet<>();
        for (ZipArchiveEntry entry : entries()) {
            databases.add(entry.getName().split("/")[1]);
        }
        return List.copyOf(databases);
    }

    /** Loads with {@code parallel} collections at once, one inserter each; returns documents and bytes. */
    long[] byCollections(int parallel) throws Exception {
        ConcurrentLinkedQueue<ZipArchiveEntry> queue = new ConcurrentLinkedQueue<>(entries());
        AtomicLong documents = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    ZipArchiveEntry entry;
                    while ((entry = queue.poll()) != null) {
                        MongoCollection<RawBsonDocument> target = collection(entry);
                        try (DataInputStream in = stream(entry)) {
                            List<RawBsonDocument> batch;
                            while (!(batch = nextBatch(in)).isEmpty()) {
                                target.insertMany(batch, INSERT);
                                count(batch, documents, bytes);
                            }
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

    /** Loads one collection at a time: this thread reads, {@code workers} threads insert. */
    long[] byWorkers(int workers) throws Exception {
        AtomicLong documents = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (ZipArchiveEntry entry : entries()) {
                MongoCollection<RawBsonDocument> target = collection(entry);
                BlockingQueue<List<RawBsonDocument>> queue = new ArrayBlockingQueue<>(workers);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    futures.add(pool.submit(() -> {
                        List<RawBsonDocument> batch;
                        while ((batch = queue.take()) != END) {
                            target.insertMany(batch, INSERT);
                            count(batch, documents, bytes);
                        }
                        return null;
                    }));
                }
                try (DataInputStream in = stream(entry)) {
                    List<RawBsonDocument> batch;
                    while (!(batch = nextBatch(in)).isEmpty()) {
                        queue.put(batch);
                    }
                }
                for (int i = 0; i < workers; i++) {
                    queue.put(END);
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new long[] {documents.get(), bytes.get()};
    }

    private MongoCollection<RawBsonDocument> collection(ZipArchiveEntry entry) {
        String path = entry.getName().substring("dump/".length(), entry.getName().length() - ".bson".length());
        int slash = path.indexOf('/');
        return client.getDatabase(path.substring(0, slash)).getCollection(path.substring(slash + 1),
                RawBsonDocument.class);
    }

    private DataInputStream stream(ZipArchiveEntry entry) throws IOException {
        InputStream raw = zip.getInputStream(entry);
        return new DataInputStream(new BufferedInputStream(raw, 256 * 1024));
    }

    private List<RawBsonDocument> nextBatch(DataInputStream in) throws IOException {
        List<RawBsonDocument> batch = new ArrayList<>();
        long size = 0;
        while (batch.size() < batchDocuments && size < batchBytes) {
            byte[] document = next(in);
            if (document == null) {
                break;
            }
            batch.add(new RawBsonDocument(document));
            size += document.length;
        }
        return batch;
    }

    private static byte[] next(DataInputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        byte[] prefix = new byte[3];
        in.readFully(prefix);
        int length = b0 | (prefix[0] & 0xff) << 8 | (prefix[1] & 0xff) << 16 | (prefix[2] & 0xff) << 24;
        if (length < 5) {
            throw new EOFException("Bad BSON length " + length);
        }
        byte[] document = new byte[length];
        document[0] = (byte) b0;
        System.arraycopy(prefix, 0, document, 1, 3);
        in.readFully(document, 4, length - 4);
        return document;
    }

    private static void count(List<RawBsonDocument> batch, AtomicLong documents, AtomicLong bytes) {
        long size = 0;
        for (RawBsonDocument document : batch) {
            size += document.getByteBuffer().remaining();
        }
        documents.addAndGet(batch.size());
        bytes.addAndGet(size);
    }
}
