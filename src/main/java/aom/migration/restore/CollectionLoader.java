package aom.migration.restore;

import aom.migration.data.BsonDocumentReader;
import aom.migration.data.CollectionSource;
import aom.migration.data.CorruptDataException;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.ProgressTracker;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Streams one collection's raw BSON into its staging collection: one thread reads and checks the documents, the
 * entry's SHA-256 and the per-document hashes of the {@link CollectionDigest}, and assembles bounded batches as
 * {@code insert} commands ({@link InsertBatch}); one or more workers send them. The bytes are inserted as they came,
 * never decoded. Memory is bounded by the queue: at most {@code workers + 2} batches exist at a time.
 */
final class CollectionLoader {

    private static final InsertBatch END = new InsertBatch("");
    private static final long POLL_MILLIS = 100;
    private static final int NAMESPACE_EXISTS = 48;
    private static final int READ_BUFFER = 1 << 16;

    private final ImportOptions options;
    private final ExecutorService insertPool;
    private final ProgressTracker tracker;
    private final CancellationToken cancel;
    private final Fence fence;

    CollectionLoader(ImportOptions options, ExecutorService insertPool, ProgressTracker tracker,
                     CancellationToken cancel, Fence fence) {
        this.options = options;
        this.insertPool = insertPool;
        this.tracker = tracker;
        this.cancel = cancel;
        this.fence = fence;
    }

    /**
     * Creates the staging collection with the source's options and loads it.
     *
     * @return the digest of what was loaded, for the verification
     * @throws CorruptDataException when the data does not match its checksum, count or size
     */
    CollectionDigest load(MongoDatabase database, String staging, CollectionSource source, String progressName) {
        return load(database, staging, source, progressName, Resume.FRESH);
    }

    /**
     * Where a load starts.
     *
     * @param existing     the staging collection exists already (a resumed import): it is not created, and documents
     *                     an earlier attempt inserted come back as duplicate keys, which are expected
     * @param skip         how many of the source's documents, from the first on, the target already acknowledged:
     *                     they are read and hashed but not sent again
     * @param acknowledged told, now and then, how many documents from the first on the target has acknowledged
     */
    record Resume(boolean existing, long skip, LongConsumer acknowledged) {
        static final Resume FRESH = new Resume(false, 0, documents -> { });
    }

    /**
     * Loads {@code source} into {@code staging}, fresh or going on where {@code resume} says.
     *
     * @return the digest of all the source's documents (those skipped included), for the verification
     */
    CollectionDigest load(MongoDatabase database, String staging, CollectionSource source, String progressName,
                          Resume resume) {
        if (!resume.existing()) {
            fence.confirm();
            create(database, staging, source);
            fence.confirmAfterWriting(database, staging);
        }
        int workers = source.expectedBytes() >= options.largeCollectionBytes() ? options.insertWorkers() : 1;
        BlockingQueue<InsertBatch> queue = new ArrayBlockingQueue<>(workers);
        // The arrays of sent batches, for the next ones: large arrays are costly to allocate (zeroed, and at small
        // heaps outside the young generation), and at most workers + 2 batches exist at a time.
        BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(workers + 2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Acknowledgements acknowledgements = new Acknowledgements(resume.skip(), resume.acknowledged());
        List<Future<Void>> futures = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            futures.add(insertPool.submit(worker(database, queue, spare, failure, progressName, acknowledgements,
                    resume.existing())));
        }
        // A source that checks its own checksum while streaming (a bundle) need not be hashed twice.
        MessageDigest entryHash = source.verifiesWhileReading() ? null : DigestAccumulator.newSha256();
        DigestAccumulator readDigest = new DigestAccumulator();
        long documents = 0;
        long bytes = 0;
        try (InputStream raw = source.openDocuments();
             InputStream in = hashed(new BufferedInputStream(raw, READ_BUFFER), entryHash)) {
            BsonDocumentReader reader = new BsonDocumentReader(in, source.namespace());
            int next = skip(reader, resume.skip(), readDigest, progressName);
            // Room for a whole batch up front (or the whole collection, when smaller): no growing and copying.
            long expected = source.expectedBytes() < 0 ? 0 : source.expectedBytes();
            int capacity = (int) Math.min(options.maxBatchBytes(), expected) + options.maxBatchDocuments() * 12 + 256;
            long sequence = 0;
            while (next >= 0) {
                byte[] buffer = spare.poll();
                InsertBatch batch = new InsertBatch(staging, buffer != null ? buffer : new byte[capacity]);
                next = fill(batch, next, reader, readDigest);
                batch.number(sequence++, reader.documents());
                hand(queue, batch, failure);
            }
            documents = reader.documents();
            bytes = reader.bytes();
            for (int i = 0; i < workers; i++) {
                hand(queue, END, failure);
            }
        } catch (IOException e) {
            failure.compareAndSet(null, new UncheckedIOException("Cannot read the data of " + source.namespace()
                    + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        collect(futures, failure);
        tracker.finish(progressName);
        check(source, entryHash == null ? null : HexFormat.of().formatHex(entryHash.digest()), documents, bytes);
        return readDigest.result();
    }

    /** Counts a collection an interrupted attempt had loaded whole as done, for the progress. */
    void skipped(String progressName, CollectionDigest kept) {
        tracker.advance(progressName, kept.documents(), kept.bytes());
        tracker.finish(progressName);
    }

    /**
     * Reads and hashes the first {@code count} documents without sending them (the target has them already).
     *
     * @return the length of the next document, or -1 at the end of the data
     */
    private int skip(BsonDocumentReader reader, long count, DigestAccumulator digest, String progressName)
            throws IOException {
        byte[] scratch = new byte[count == 0 ? 0 : 64 * 1024];
        int next = reader.nextLength();
        long skippedBytes = 0;
        for (long i = 0; i < count && next >= 0; i++) {
            if (scratch.length < next) {
                scratch = new byte[Math.max(next, scratch.length * 2)];
            }
            reader.readDocument(scratch, 0);
            digest.append(scratch, 0, next);
            skippedBytes += next;
            next = reader.nextLength();
        }
        if (count > 0) {
            tracker.advance(progressName, Math.min(count, reader.documents()), skippedBytes);
        }
        return next;
    }

    /**
     * Reads documents into {@code batch}, starting with the one whose length is {@code first}, while it has room,
     * hashing each for the digest here, while the inserters wait for the server, rather than by an inserter between
     * inserts. Each document is read from the bundle straight into the batch's command.
     *
     * @return the length of the document that did not fit, the first of the next batch (its prefix already read), or
     *         -1 at the end of the data
     */
    private int fill(InsertBatch batch, int first, BsonDocumentReader reader, DigestAccumulator digest)
            throws IOException {
        // A method of its own, so that the JIT compiles this small loop rather than all of load() around it.
        int next = first;
        while (next >= 0 && (batch.isEmpty() || batch.documents() < options.maxBatchDocuments()
                && batch.documentBytes() + next <= options.maxBatchBytes())) {
            int at = batch.add(reader, next);
            digest.append(batch.buffer(), at, next);
            next = reader.nextLength();
        }
        return next;
    }

    private static InputStream hashed(InputStream in, MessageDigest digest) {
        return digest == null ? in : new DigestInputStream(in, digest);
    }

    /** Creates the staging collection with the source collection's options (validators, collation, ...). */
    static void create(MongoDatabase database, String name, CollectionSource source) {
        BsonDocument command = new BsonDocument("create", new BsonString(name));
        source.metadata().createOptions().forEach((option, value) -> {
            if (!option.equals("viewOn") && !option.equals("pipeline")) {
                command.put(option, value);
            }
        });
        try {
            try {
                database.runCommand(command);
            } catch (MongoSocketException broken) {
                // Sent again on a new connection; if the first one had created it, it is there now, and ours.
                try {
                    database.runCommand(command);
                } catch (MongoCommandException e) {
                    if (e.getErrorCode() != NAMESPACE_EXISTS) {
                        throw e;
                    }
                }
            }
        } catch (MongoCommandException e) {
            boolean capped = source.metadata().options().getBoolean("capped",
                    BsonBoolean.FALSE).getValue();
            throw new ImportFailedException((capped
                    ? "The target server cannot create the capped collection " + source.collection()
                    : "The target server cannot create the collection " + source.collection()
                    + " with its options " + source.metadata().options().toJson())
                    + " in " + database.getName() + ": " + e.getErrorMessage(), e);
        }
    }

    private Callable<Void> worker(MongoDatabase database, BlockingQueue<InsertBatch> queue,
                                  BlockingQueue<byte[]> spare, AtomicReference<Throwable> failure,
                                  String progressName, Acknowledgements acknowledgements,
                                  boolean duplicatesExpected) {
        return () -> {
            try {
                while (failure.get() == null && !cancel.isCancelled()) {
                    InsertBatch batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (batch == null) {
                        continue;
                    }
                    if (batch == END) {
                        return null;
                    }
                    fence.confirmRecent();
                    batch.send(database, duplicatesExpected);
                    fence.confirmAfterWriting(database, batch.collection());
                    acknowledgements.sent(batch.sequence(), batch.endDocument());
                    spare.offer(batch.buffer());
                    tracker.advance(progressName, batch.documents(), batch.documentBytes());
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new CancelledException());
            }
            return null;
        };
    }

    /**
     * The batches the target acknowledged, in whatever order the workers got their replies, turned into the count
     * of documents from the first on without a gap: what a resumed load may skip.
     */
    private static final class Acknowledgements {
        private final Map<Long, Long> done = new HashMap<>();
        private final LongConsumer listener;
        private long nextBatch;
        private long documents;

        Acknowledgements(long skipped, LongConsumer listener) {
            this.documents = skipped;
            this.listener = listener;
        }

        synchronized void sent(long batch, long endDocument) {
            done.put(batch, endDocument);
            long before = documents;
            while (done.containsKey(nextBatch)) {
                documents = done.remove(nextBatch);
                nextBatch++;
            }
            if (documents > before) {
                listener.accept(documents);
            }
        }
    }

    /** Puts a batch on the queue, waking up regularly to honour a cancel or another worker's failure. */
    private void hand(BlockingQueue<InsertBatch> queue, InsertBatch batch, AtomicReference<Throwable> failure) {
        try {
            while (!queue.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                stopIfNeeded(failure);
            }
            stopIfNeeded(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private void stopIfNeeded(AtomicReference<Throwable> failure) {
        cancel.throwIfCancelled();
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    /** Waits for the inserters; throws the first failure or the cancel. */
    private void collect(List<Future<Void>> futures, AtomicReference<Throwable> failure) {
        for (Future<Void> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new CancelledException());
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        cancel.throwIfCancelled();
    }

    private static void check(CollectionSource source, String sha256, long documents, long bytes) {
        String expected = source.expectedSha256().orElse(null);
        if (expected != null && sha256 != null && !expected.equalsIgnoreCase(sha256)) {
            throw new CorruptDataException("The data of " + source.namespace() + " is damaged: its SHA-256 is "
                    + sha256 + " but the source recorded " + expected.toLowerCase() + ". The import stopped before"
                    + " changing anything in the target.");
        }
        if (source.expectedDocuments() >= 0 && source.expectedDocuments() != documents) {
            throw new CorruptDataException("The data of " + source.namespace() + " holds " + documents
                    + " documents but the source recorded " + source.expectedDocuments() + ". The import stopped"
                    + " before changing anything in the target.");
        }
        if (source.expectedBytes() >= 0 && source.expectedBytes() != bytes) {
            throw new CorruptDataException("The data of " + source.namespace() + " is " + bytes
                    + " bytes long but the source recorded " + source.expectedBytes() + ". The import stopped"
                    + " before changing anything in the target.");
        }
    }
}
