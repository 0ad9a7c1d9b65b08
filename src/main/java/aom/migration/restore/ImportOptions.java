package aom.migration.restore;

import java.time.Duration;

/**
 * How an import runs. {@link #defaults()} suits a desktop and a 256 MB heap: at most
 * {@code parallelCollections x (insertWorkers + 2) x maxBatchBytes} of documents are in memory at once.
 *
 * @param resetPasswords            customers the import inserts get the profile's reset password ({@code secret})
 * @param dryRun                    plan only, write nothing
 * @param parallelCollections       collections loaded at the same time
 * @param insertWorkers             concurrent {@code insertMany} calls for a large collection (1 for small ones)
 * @param largeCollectionBytes      from this size on, a collection counts as large
 * @param maxBatchDocuments         documents per {@code insertMany}
 * @param maxBatchBytes             BSON bytes per {@code insertMany}; well under MongoDB's 48 MB message limit
 * @param swapStrategy              rename (default outside sharded clusters) or copy
 * @param lease                     how long after its last sign of life an interrupted import counts as dead
 * @param resume                    go on with an interrupted import of the same bundle instead of rolling it back
 */
public record ImportOptions(boolean resetPasswords, boolean dryRun, int parallelCollections, int insertWorkers,
                            long largeCollectionBytes, int maxBatchDocuments, int maxBatchBytes,
                            SwapStrategy swapStrategy, Duration lease, boolean resume) {

    /** The most {@link #maxBatchBytes} may be: below the 48 MB message limit, with room for one 16 MiB document. */
    public static final int MAX_BATCH_BYTES_LIMIT = 30 * 1024 * 1024;

    public ImportOptions {
        if (parallelCollections < 1 || insertWorkers < 1 || maxBatchDocuments < 1 || maxBatchBytes < 1) {
            throw new IllegalArgumentException("Parallelism and batch limits must be at least 1");
        }
        if (maxBatchBytes > MAX_BATCH_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxBatchBytes must not exceed " + MAX_BATCH_BYTES_LIMIT);
        }
        swapStrategy = swapStrategy == null ? SwapStrategy.AUTO : swapStrategy;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, false, 2, 2, 64L * 1024 * 1024, 1000, 8 * 1024 * 1024,
                SwapStrategy.AUTO, Duration.ofMinutes(2), false);
    }

    public ImportOptions withResetPasswords(boolean reset) {
        return new ImportOptions(reset, dryRun, parallelCollections, insertWorkers, largeCollectionBytes,
                maxBatchDocuments, maxBatchBytes, swapStrategy, lease, resume);
    }

    public ImportOptions withDryRun(boolean dry) {
        return new ImportOptions(resetPasswords, dry, parallelCollections, insertWorkers, largeCollectionBytes,
                maxBatchDocuments, maxBatchBytes, swapStrategy, lease, resume);
    }

    public ImportOptions withParallelism(int collections, int workers) {
        return new ImportOptions(resetPasswords, dryRun, collections, workers, largeCollectionBytes,
                maxBatchDocuments, maxBatchBytes, swapStrategy, lease, resume);
    }

    public ImportOptions withBatches(int documents, int bytes) {
        return new ImportOptions(resetPasswords, dryRun, parallelCollections, insertWorkers, largeCollectionBytes,
                documents, bytes, swapStrategy, lease, resume);
    }

    public ImportOptions withLargeCollectionBytes(long bytes) {
        return new ImportOptions(resetPasswords, dryRun, parallelCollections, insertWorkers, bytes,
                maxBatchDocuments, maxBatchBytes, swapStrategy, lease, resume);
    }

    public ImportOptions withSwapStrategy(SwapStrategy strategy) {
        return new ImportOptions(resetPasswords, dryRun, parallelCollections, insertWorkers, largeCollectionBytes,
                maxBatchDocuments, maxBatchBytes, strategy, lease, resume);
    }

    public ImportOptions withResume(boolean value) {
        return new ImportOptions(resetPasswords, dryRun, parallelCollections, insertWorkers, largeCollectionBytes,
                maxBatchDocuments, maxBatchBytes, swapStrategy, lease, value);
    }

    public ImportOptions withLease(Duration duration) {
        return new ImportOptions(resetPasswords, dryRun, parallelCollections, insertWorkers, largeCollectionBytes,
                maxBatchDocuments, maxBatchBytes, swapStrategy, duration, resume);
    }
}
