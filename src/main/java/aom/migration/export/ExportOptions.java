package aom.migration.export;

import aom.migration.bundle.Compression;
import aom.migration.bundle.Passphrase;
import aom.migration.bundle.SpoolStore;
import aom.migration.model.DatabaseNaming;

/**
 * How an export runs.
 *
 * @param compression      none, fast (default) or best
 * @param parallelism      collections read at the same time (each with a reading and a compressing thread)
 * @param spoolMemoryBytes compressed data that may wait in memory for its turn in the zip before spilling to
 *                         temporary files next to the bundle
 * @param naming           the naming convention to use instead of the detected one, or {@code null} to detect
 * @param overwrite        whether an existing bundle file may be replaced
 * @param passphrase       encrypt the bundle with this passphrase ({@code export --encrypt}), or {@code null} for a
 *                         plain bundle; the caller closes it after the export
 * @param duringImport     whether to export even while an import of the application into the source is in flight
 *                         or was interrupted (its data may be half loaded or half swapped); a warning says so
 */
public record ExportOptions(Compression compression, int parallelism, long spoolMemoryBytes, DatabaseNaming naming,
                            boolean overwrite, Passphrase passphrase, boolean duringImport) {

    public ExportOptions {
        compression = compression == null ? Compression.FAST : compression;
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (spoolMemoryBytes < 0) {
            throw new IllegalArgumentException("spoolMemoryBytes must not be negative");
        }
    }

    /** Options for a plain bundle. */
    public ExportOptions(Compression compression, int parallelism, long spoolMemoryBytes, DatabaseNaming naming,
                         boolean overwrite) {
        this(compression, parallelism, spoolMemoryBytes, naming, overwrite, null, false);
    }

    /** Fast compression, up to four collections at once, 32 MB of spool memory, detected naming, no overwrite. */
    public static ExportOptions defaults() {
        int parallelism = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        return new ExportOptions(Compression.FAST, parallelism, SpoolStore.DEFAULT_MEMORY_BUDGET, null, false);
    }

    public ExportOptions withCompression(Compression value) {
        return new ExportOptions(value, parallelism, spoolMemoryBytes, naming, overwrite, passphrase, duringImport);
    }

    public ExportOptions withParallelism(int value) {
        return new ExportOptions(compression, value, spoolMemoryBytes, naming, overwrite, passphrase, duringImport);
    }

    public ExportOptions withSpoolMemoryBytes(long value) {
        return new ExportOptions(compression, parallelism, value, naming, overwrite, passphrase, duringImport);
    }

    public ExportOptions withNaming(DatabaseNaming value) {
        return new ExportOptions(compression, parallelism, spoolMemoryBytes, value, overwrite, passphrase,
                duringImport);
    }

    public ExportOptions withOverwrite(boolean value) {
        return new ExportOptions(compression, parallelism, spoolMemoryBytes, naming, value, passphrase, duringImport);
    }

    /** The same options, encrypting the bundle with {@code value} (null: plain). */
    public ExportOptions withPassphrase(Passphrase value) {
        return new ExportOptions(compression, parallelism, spoolMemoryBytes, naming, overwrite, value, duringImport);
    }

    public ExportOptions withDuringImport(boolean value) {
        return new ExportOptions(compression, parallelism, spoolMemoryBytes, naming, overwrite, passphrase, value);
    }
}
