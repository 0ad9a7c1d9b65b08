package aom.migration.session;

import aom.migration.bundle.BundlePaths;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.export.ExportResult;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.NamingDetection;
import aom.migration.model.Selection;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The export of one application into a bundle, as the wizard's Export page and the command line's {@code export}
 * both run it: the source and the hosts of its systems, what is exported into which file with which profile, and
 * the job's options (compression, passphrase, naming, overwrite).
 *
 * @param source      the source installation
 * @param hosts       the source's systems that live on hosts of their own
 * @param application the application to export
 * @param selection   metadata and systems
 * @param file        the bundle file to write
 * @param profile     the extraction profile the metadata closure is computed with
 * @param options     the job's options
 */
public record BundleExport(ConnectionSettings source, InstanceHosts hosts, String application, Selection selection,
                           Path file, ExtractionProfile profile, ExportOptions options) {

    public BundleExport {
        hosts = hosts == null ? InstanceHosts.none() : hosts;
        profile = profile == null ? ExtractionProfile.defaults() : profile;
        options = options == null ? ExportOptions.defaults() : options;
    }

    /** {@code <App>-<yyyyMMdd-HHmmss>.aombundle}, with characters that file systems reject replaced. */
    public static String defaultFileName(String application, LocalDateTime time) {
        String safe = application.replaceAll("[\\\\/:*?\"<>|\\x00-\\x1f]", "_");
        return safe + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).format(time)
                + BundlePaths.EXTENSION;
    }

    /**
     * The naming convention to give the job for an application whose databases' convention was looked for on the
     * main host: the one found there, but with systems on hosts of their own only when it was detected rather than
     * assumed, since the job detects it again across the hosts; {@code null} leaves it to the job.
     */
    public static DatabaseNaming namingFor(NamingDetection mainHost, InstanceHosts hosts) {
        boolean known = hosts.isEmpty() || mainHost.outcome() == NamingDetection.Outcome.DETECTED;
        return known ? mainHost.namingIfKnown().orElse(null) : null;
    }

    /**
     * Exports: connects to the source, writes the bundle into a part file beside {@link #file} and moves it into
     * place once it is complete; a cancelled or failed export leaves no file of its own behind. Call it from a
     * background task.
     *
     * @throws IOException when the file cannot be written ({@link java.nio.file.FileAlreadyExistsException} when it
     *                     exists and the options do not allow replacing it)
     */
    public ExportedBundle run(ProgressListener listener, CancellationToken cancel) throws IOException {
        ExportResult result = new ExportJob(source, application, selection, file, profile, options)
                .withInstanceHosts(hosts).run(listener, cancel);
        try {
            return new ExportedBundle(result, Files.size(result.bundle()));
        } catch (IOException e) {
            throw new UncheckedIOException("The bundle " + result.bundle() + " was written, but its size cannot be"
                    + " read: " + e.getMessage(), e);
        }
    }
}
