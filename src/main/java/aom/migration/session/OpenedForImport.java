package aom.migration.session;

import aom.migration.bundle.BundleReader;
import aom.migration.bundle.HashWarmUp;
import aom.migration.bundle.Passphrase;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;
import aom.migration.progress.Workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bundle opened and checked and the target connected, both at once: each takes a cold start a few hundred
 * milliseconds (reading the manifest, the driver's first connection), and neither needs the other. A bad bundle
 * is reported before a connection problem, as it would be one after the other; whatever was opened is closed when
 * the other part fails.
 *
 * @param bundle the opened bundle
 * @param target the connected target
 */
public record OpenedForImport(BundleReader bundle, Installation target) implements AutoCloseable {

    /**
     * Opens {@code file} on this thread while another connects to {@code target}.
     *
     * @throws IOException when the bundle cannot be read
     * @throws aom.migration.data.CorruptDataException when the bundle is damaged or not a bundle
     * @throws aom.migration.mongo.ConnectionFailedException when the target cannot be reached
     */
    public static OpenedForImport open(Path file, ConnectionSettings target) throws IOException {
        return open(file, target, null);
    }

    /** {@link #open(Path, ConnectionSettings)} for a bundle that may be encrypted with {@code passphrase}. */
    public static OpenedForImport open(Path file, ConnectionSettings target, Passphrase passphrase)
            throws IOException {
        HashWarmUp.start();
        ExecutorService connector = Executors.newSingleThreadExecutor(Workers.daemons("aom-connect"));
        CompletableFuture<Installation> connecting;
        try {
            connecting = CompletableFuture.supplyAsync(() -> Installation.connect(target), connector);
        } finally {
            connector.shutdown();
        }
        BundleReader bundle;
        try {
            bundle = BundleReader.open(file, passphrase);
        } catch (IOException | RuntimeException | Error e) {
            connecting.thenAccept(Installation::close);
            throw e;
        }
        try {
            return new OpenedForImport(bundle, connecting.join());
        } catch (CompletionException e) {
            closeQuietly(bundle, e);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        } catch (RuntimeException | Error e) {
            closeQuietly(bundle, e);
            throw e;
        }
    }

    private static void closeQuietly(BundleReader bundle, Throwable failure) {
        try {
            bundle.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            target.close();
        } finally {
            bundle.close();
        }
    }
}
