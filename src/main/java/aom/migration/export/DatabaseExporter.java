package aom.migration.export;

import aom.migration.bundle.BundleWriter;
import aom.migration.data.CollectionMetadata;
import aom.migration.bundle.Compression;
import aom.migration.bundle.EntryKind;
import aom.migration.bundle.EntrySpool;
import aom.migration.bundle.Manifest;
import aom.migration.bundle.SpooledEntry;
import aom.migration.model.SystemKind;
import aom.migration.mongo.RawFind;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.ProgressTracker;
import aom.migration.progress.Workers;
import com.mongodb.client.MongoClient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Copies whole system databases into a bundle's {@code dump/} folder as mongodump does: per collection a
 * {@code .metadata.json} (options, indexes, UUID) and a {@code .bson} with the documents as raw bytes, never decoded.
 *
 * <p>How it stays fast with bounded memory: up to {@code parallelism} collections are read at once. For each, one
 * thread drains the cursor (large batches) and copies the documents back to back into blocks of about 1 MB
 * ({@link DocumentBlocks}), which it hands through a queue of four to a second thread; that one hashes and
 * compresses whole blocks into an {@link EntrySpool}; so the network wait and the compression of one collection
 * overlap, and several collections compress on several cores; with fast compression, blocks that arrive while the
 * compressor is behind, or while the machine has no CPU to spare ({@link CpuHeadroom}), are stored instead
 * ({@link EntrySpool#preferSpeed}). Entries wait in memory up to a shared
 * budget and beyond it in temporary files; the caller's thread copies each finished entry into the zip in plan
 * order, so entries stay contiguous and their order does not depend on timing. Without compression, the collection
 * whose turn it is in the zip streams straight into it ({@link Handoff}) instead of into the spool: its data is
 * written once, not spooled, read back and written again. The others start as soon as a reader is free where the
 * spool's files are written and read with direct I/O, which costs little, as long as what waits fits half the disk
 * space the bundle leaves free; through the page cache, a collection starts ahead of its turn only while what waits
 * is expected to fit the memory budget ({@link ReadAhead}).
 * Memory: at most {@code parallelism x (4 + 2) MB} of blocks (plus documents larger than that), the spool budget
 * and the driver's own batch buffers.
 */
public final class DatabaseExporter {

    static final int QUEUE_BATCHES = 4;
    private static final int PLANNERS = 2;
    private static final long CURSOR_BATCH_BYTES = 4L * 1024 * 1024;
    private static final long POLL_MILLIS = 100;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final Function<SystemKind, MongoClient> clients;
    private final ExportOptions options;
    private final Supplier<CpuHeadroom> headroom;

    /** An exporter reading every system's database through {@code client}. */
    public DatabaseExporter(MongoClient client, ExportOptions options) {
        this(system -> client, options);
    }

    /** An exporter reading each system's database from its own host where it has one. */
    public DatabaseExporter(SystemHosts hosts, ExportOptions options) {
        this(hosts::client, options);
    }

    private DatabaseExporter(Function<SystemKind, MongoClient> clients, ExportOptions options) {
        this(clients, options, CpuHeadroom::ofThisMachine);
    }

    private DatabaseExporter(Function<SystemKind, MongoClient> clients, ExportOptions options,
                             Supplier<CpuHeadroom> headroom) {
        this.clients = clients;
        this.options = options;
        this.headroom = headroom;
    }

    /** The same exporter, judging whether the machine has CPU to spare for fast compression by {@code watch}. */
    DatabaseExporter withHeadroom(Supplier<CpuHeadroom> watch) {
        return new DatabaseExporter(clients, options, watch);
    }

    /**
     * Lists the collections of one system database and completes each into a plan (its indexes and sizes), two at a
     * time: against a distant server, the two round trips per collection add up.
     *
     * @return the plans in the order of the collections' names
     */
    public List<CollectionPlan> plan(SystemKind system, String database, CancellationToken token)
            throws IOException {
        CollectionPlanner planner = new CollectionPlanner(clients.apply(system));
        ExecutorService planners = Executors.newFixedThreadPool(PLANNERS, Workers.daemons("export-plan"));
        try {
            List<Future<CollectionPlan>> pending = new ArrayList<>();
            for (CollectionMetadata described : planner.list(database)) {
                pending.add(planners.submit(() -> planner.plan(system, database, described)));
            }
            List<CollectionPlan> plans = new ArrayList<>();
            for (Future<CollectionPlan> plan : pending) {
                plans.add(Workers.await(plan, token));
            }
            return plans;
        } finally {
            planners.shutdownNow();
        }
    }

    /**
     * Exports the planned collections into {@code writer}, in the order given, reporting per collection to
     * {@code tracker} (whose totals the caller declared with {@link ProgressTracker#expect}).
     *
     * @throws CancelledException when {@code token} is cancelled; returns within about a second
     */
    public void export(List<CollectionPlan> plans, BundleWriter writer, ProgressTracker tracker,
                       CancellationToken token) throws IOException {
        CancellationToken abort = new CancellationToken();
        token.onCancel(abort::cancel);
        ExecutorService encoders = Executors.newFixedThreadPool(options.parallelism(),
                Workers.daemons("export-encode"));
        ExecutorService fetchers = Executors.newFixedThreadPool(options.parallelism(), Workers.daemons("export-read"));
        ReadAhead readAhead = new ReadAhead(plans.size(), aheadBudget(plans, writer));
        CpuHeadroom cpu = writer.compression() == Compression.FAST ? headroom.get() : CpuHeadroom.never();
        BlockingQueue<byte[]> spares = DocumentBlocks.sharedSpares(options.parallelism());
        try {
            List<Future<SpooledEntry>> results = new ArrayList<>();
            List<Handoff> handoffs = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                CollectionPlan plan = plans.get(i);
                Handoff handoff = new Handoff();
                handoffs.add(handoff);
                int index = i;
                results.add(plan.isView() ? null : encoders.submit(() -> {
                    readAhead.awaitStart(index, plan, writer.streamsStoredEntries(), abort);
                    return encode(plan, writer, tracker, fetchers, handoff, cpu, spares, abort);
                }));
            }
            for (int i = 0; i < plans.size(); i++) {
                CollectionPlan plan = plans.get(i);
                token.throwIfCancelled();
                writer.add(EntryKind.DEFINITION.path(plan.database(), plan.collection()),
                        plan.definition().toJson().getBytes(StandardCharsets.UTF_8), EntryKind.DEFINITION,
                        plan.system(), plan.database(), plan.collection(), 0);
                if (!plan.isView()) {
                    // Stored data of the collection whose turn it is goes straight into the zip from now on.
                    if (writer.streamsStoredEntries() && handoffs.get(i).claim()) {
                        handoffs.get(i).grant(writer.startStoredEntry(EntryKind.DOCUMENTS.path(plan.database(),
                                plan.collection())));
                    }
                    writer.add(Workers.await(results.get(i), token), EntryKind.DOCUMENTS, plan.system(),
                            plan.database(), plan.collection());
                }
                readAhead.written(i);
                tracker.finish(plan.namespace());
            }
        } catch (IOException | RuntimeException | Error e) {
            abort.cancel();
            throw e;
        } finally {
            encoders.shutdownNow();
            fetchers.shutdownNow();
            cpu.close();
            Workers.awaitTermination(encoders, SHUTDOWN_GRACE);
        }
    }

    /**
     * How much data may wait for its turn in the zip: where spool files are written and read with direct I/O, which
     * costs little, as much as the disk can spare beside the bundle (so that, say, a dozen collections can be read
     * while one large one streams, without ever filling the disk); through the page cache, the spool's memory.
     */
    private long aheadBudget(List<CollectionPlan> plans, BundleWriter writer) {
        if (!writer.spillsCheaply()) {
            return options.spoolMemoryBytes();
        }
        long bundle = plans.stream().mapToLong(plan -> Math.max(0, plan.expectedBytes())).sum();
        return Math.max(options.spoolMemoryBytes(), writer.spareSpoolBytes(bundle));
    }

    /**
     * Drains one collection through a reader thread and compresses it on this thread, into the spool or, once it is
     * the collection's turn in the zip ({@link Handoff}), straight into the zip.
     */
    private SpooledEntry encode(CollectionPlan plan, BundleWriter writer, ProgressTracker tracker,
                                ExecutorService fetchers, Handoff handoff, CpuHeadroom cpu,
                                BlockingQueue<byte[]> spares, CancellationToken abort)
            throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        DocumentBlocks blocks = new DocumentBlocks(DocumentBlocks.BLOCK_BYTES, spares);
        Future<?> reading = fetchers.submit(() -> read(plan, blocks, queue, tracker, abort));
        EntrySpool spool = writer.newEntry(EntryKind.DOCUMENTS.path(plan.database(), plan.collection()));
        boolean direct = false;
        try {
            while (true) {
                Batch batch = poll(queue, abort);
                if (batch.failure() != null) {
                    throw batch.failure() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(batch.failure());
                }
                if (!direct && handoff.granted() != null) {
                    spool.streamInto(handoff.granted());
                    direct = true;
                }
                if (batch.block() == null) {
                    if (!direct && !handoff.finishSpooled()) {
                        // The writer claimed this entry a moment ago: wait for its zip entry and go there.
                        spool.streamInto(handoff.awaitGrant(abort));
                    }
                    return spool.finish();
                }
                // A full queue means the reader waits for us, a busy machine that compressing would take CPU from
                // the reading or the server: either way, store this block rather than slow the export down.
                spool.preferSpeed(queue.remainingCapacity() == 0 || cpu.busy());
                DocumentBlocks.Block block = batch.block();
                spool.write(block.bytes(), 0, block.length());
                spool.countDocuments(block.documents());
                blocks.recycle(block);
            }
        } catch (IOException | RuntimeException | Error e) {
            spool.discard();
            reading.cancel(true);
            throw e;
        }
    }

    /**
     * Reads one collection in natural order into {@code blocks} and queues each full block, then {@link Batch#END},
     * or a failure; reports the documents read to {@code tracker}. The reading half of every export format: the
     * bundle's encoder above and {@link ArchiveCopier} take the blocks, and give them back with
     * {@link DocumentBlocks#recycle}.
     */
    void read(CollectionPlan plan, DocumentBlocks blocks, BlockingQueue<Batch> queue, ProgressTracker tracker,
              CancellationToken abort) {
        try (RawFind find = RawFind.open(clients.apply(plan.system()), plan.database(), plan.collection(),
                cursorBatchSize(plan), blocks)) {
            while (find.next() >= 0) {
                handOver(plan, blocks, queue, tracker, abort);
            }
            blocks.finish();
            handOver(plan, blocks, queue, tracker, abort);
            put(queue, Batch.END, abort);
        } catch (CancelledException e) {
            // The encoder sees the same cancellation.
        } catch (RuntimeException | Error e) {
            if (!abort.isCancelled()) {
                try {
                    put(queue, new Batch(null, e), abort);
                } catch (CancelledException ignored) {
                    // Cancelled while reporting the failure: nobody waits for it any more.
                }
            }
        }
    }

    private static void handOver(CollectionPlan plan, DocumentBlocks blocks, BlockingQueue<Batch> queue,
                                 ProgressTracker tracker, CancellationToken abort) {
        DocumentBlocks.Block block;
        while ((block = blocks.poll()) != null) {
            put(queue, new Batch(block, null), abort);
            tracker.advance(plan.namespace(), block.documents(), block.length());
        }
    }

    /**
     * Large batches make fewer round trips; aims at about 4 MB per batch from the average document size. No lower
     * bound of many documents: a batch of 100 documents of 1 MB would pass the 48 MB a reply may have, and servers
     * that do not cut batches at 16 MB themselves (mongo-java-server) would fail the export.
     */
    static int cursorBatchSize(long averageDocumentBytes) {
        long average = averageDocumentBytes > 0 ? averageDocumentBytes : 1024;
        return (int) Math.max(1, Math.min(100_000, CURSOR_BATCH_BYTES / average));
    }

    private static int cursorBatchSize(CollectionPlan plan) {
        return cursorBatchSize(plan.averageDocumentBytes());
    }

    static Batch poll(BlockingQueue<Batch> queue, CancellationToken abort) {
        try {
            while (true) {
                abort.throwIfCancelled();
                Batch batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch, CancellationToken abort) {
        try {
            while (!queue.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                abort.throwIfCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /**
     * The handshake that lets the collection whose turn it is in the zip stream there instead of into the spool: the
     * writing thread claims the entry (unless the encoder has already finished it into the spool), starts its zip
     * entry and grants it; the encoder switches over at its next batch, or at its end.
     */
    private static final class Handoff {
        private static final int WAITING = 0;
        private static final int SPOOLED = 1;
        private static final int CLAIMED = 2;
        private static final int GRANTED = 3;

        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile OutputStream stream;

        /** Writing thread: true when the encoder has not finished yet, so the entry will stream. */
        boolean claim() {
            return state.compareAndSet(WAITING, CLAIMED);
        }

        void grant(OutputStream zipEntry) {
            stream = zipEntry;
            state.set(GRANTED);
        }

        /** Encoder: the zip entry to write to, or null while there is none. */
        OutputStream granted() {
            return state.get() == GRANTED ? stream : null;
        }

        /** Encoder, at its end: true when it may finish into the spool, false when the writer claimed it. */
        boolean finishSpooled() {
            return state.compareAndSet(WAITING, SPOOLED);
        }

        OutputStream awaitGrant(CancellationToken abort) {
            while (state.get() != GRANTED) {
                abort.throwIfCancelled();
                Thread.onSpinWait();
                LockSupport.parkNanos(100_000);
            }
            return stream;
        }
    }

    /** A block of documents, the end of a collection ({@code block == null}), or a failure. */
    record Batch(DocumentBlocks.Block block, Throwable failure) {
        static final Batch END = new Batch(null, null);
    }
}
