package aom.migration.export;

import aom.migration.dump.ArchiveWriter;
import aom.migration.export.DatabaseExporter.Batch;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.ProgressTracker;
import aom.migration.progress.Workers;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies planned collections into an {@link ArchiveWriter}, at most {@code parallelism} at once (never more than the
 * archive header allows). Each collection is read the way the bundle export reads it ({@link DatabaseExporter#read}:
 * one thread drains the cursor into blocks of about 1 MB) while a second thread writes the documents into the
 * collection's namespace, so the server's work and the writing overlap; the writer interleaves the namespaces in
 * segments. Views have no data: the writer gives them their empty EOF block when it finishes.
 *
 * <p>A namespace is closed (its EOF block written) only when all of its documents are in; after a failure or a
 * cancel it stays open and the caller abandons the whole archive.
 */
final class ArchiveCopier {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final DatabaseExporter exporter;
    private final ArchiveWriter writer;
    private final int parallelism;

    ArchiveCopier(DatabaseExporter exporter, ArchiveWriter writer, int parallelism) {
        this.exporter = exporter;
        this.writer = writer;
        this.parallelism = parallelism;
    }

    /**
     * Copies every collection of {@code plans}.
     *
     * @return documents and bytes written, by namespace
     * @throws CancelledException when {@code token} is cancelled; returns once the threads have stopped
     */
    Map<String, long[]> copy(List<CollectionPlan> plans, ProgressTracker tracker, CancellationToken token)
            throws IOException {
        CancellationToken abort = new CancellationToken();
        token.onCancel(abort::cancel);
        List<CollectionPlan> data = new ArrayList<>();
        for (CollectionPlan plan : plans) {
            if (plan.isView()) {
                tracker.finish(plan.namespace());
            } else {
                data.add(plan);
            }
        }
        Map<String, long[]> copied = new ConcurrentHashMap<>();
        if (data.isEmpty()) {
            return copied;
        }
        int threads = Math.max(1, Math.min(parallelism, data.size()));
        BlockingQueue<byte[]> spares = DocumentBlocks.sharedSpares(threads);
        ExecutorService copiers = Executors.newFixedThreadPool(threads, Workers.daemons("archive-write"));
        ExecutorService fetchers = Executors.newFixedThreadPool(threads, Workers.daemons("archive-read"));
        try {
            List<Future<?>> results = new ArrayList<>();
            for (CollectionPlan plan : data) {
                results.add(copiers.submit(() -> {
                    copied.put(plan.namespace(), copyOne(plan, fetchers, spares, tracker, abort));
                    return null;
                }));
            }
            for (Future<?> result : results) {
                Workers.await(result, token);
            }
            return copied;
        } catch (IOException | RuntimeException | Error e) {
            abort.cancel();
            throw e;
        } finally {
            copiers.shutdownNow();
            fetchers.shutdownNow();
            // The caller deletes the archive next; no thread may still be writing into it then.
            Workers.awaitTermination(copiers, SHUTDOWN_GRACE);
            Workers.awaitTermination(fetchers, SHUTDOWN_GRACE);
        }
    }

    private long[] copyOne(CollectionPlan plan, ExecutorService fetchers, BlockingQueue<byte[]> spares,
                           ProgressTracker tracker, CancellationToken abort) throws IOException {
        abort.throwIfCancelled();
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(DatabaseExporter.QUEUE_BATCHES);
        DocumentBlocks blocks = new DocumentBlocks(DocumentBlocks.BLOCK_BYTES, spares);
        Future<?> reading = fetchers.submit(() -> exporter.read(plan, blocks, queue, tracker, abort));
        try {
            ArchiveWriter.NamespaceWriter namespace = writer.openNamespace(plan.database(), plan.collection());
            while (true) {
                Batch batch = DatabaseExporter.poll(queue, abort);
                if (batch.failure() != null) {
                    throw batch.failure() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(batch.failure());
                }
                if (batch.block() == null) {
                    break;
                }
                // The archive checks and frames every document on its own.
                for (byte[] document : batch.block().split()) {
                    namespace.write(document);
                }
                blocks.recycle(batch.block());
            }
            namespace.close();
            tracker.finish(plan.namespace());
            return new long[] {namespace.documents(), namespace.bytes()};
        } catch (IOException | RuntimeException | Error e) {
            reading.cancel(true);
            throw e;
        }
    }

}
