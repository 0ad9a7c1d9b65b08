package aom.migration.export;

import aom.migration.bundle.Manifest;
import aom.migration.dump.ArchiveCollection;
import aom.migration.dump.ArchiveHeader;
import aom.migration.dump.ArchiveWriter;
import aom.migration.model.AppRef;
import aom.migration.model.BadInputException;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.ProgressTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Exports the instance data of one application's selected systems as a mongodump archive, plain or gzipped, for a
 * site that only has the standard tools: {@code mongorestore --archive=FILE [--gzip]} (100.x) restores it like an
 * archive of {@code mongodump --archive}. Every collection of each system database is copied (views as definitions,
 * GridFS buckets included) with its options and indexes, documents as the raw bytes the server sent.
 *
 * <p>The application's metadata is never part of an archive: it is a slice of the installation-wide metadata
 * database, and mongorestore would restore it as a whole database ({@link #METADATA_LEFT_OUT}); only a bundle
 * carries it. Up to {@code parallelism} collections are read at once and their documents interleaved in segments of
 * about 1 MB, as mongodump does; the archive header says how many, so mongorestore restores at least that many in
 * parallel. Progress and cancel work as for a bundle, and a cancelled or failed export leaves no file behind (the
 * archive is written as {@code <file>.part} and renamed when complete).
 */
public final class ArchiveExport {

    /** The file extension of a plain archive. */
    public static final String EXTENSION = ".archive";
    /** The file extension of a gzipped archive. */
    public static final String GZIP_EXTENSION = ".archive.gz";
    /** Why an archive holds no metadata, for the user. */
    public static final String METADATA_LEFT_OUT = "The archive holds the instance data only, not the application's"
            + " metadata: that is a slice of the installation-wide 'apiomat' database, which mongorestore cannot"
            + " restore safely (it would restore or, with --drop, replace that whole database, wiping every other"
            + " application's metadata). To move the metadata too, export a bundle (--format bundle) and import it"
            + " with this tool.";

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveExport.class);

    private final ConnectionSettings settings;
    private final Installation installation;
    private final String application;
    private final Set<SystemKind> systems;
    private final Path output;
    private final boolean gzip;
    private final ExportOptions options;
    private final InstanceHosts instanceHosts;

    /** An archive export that connects to {@code source} itself and disconnects at the end. */
    public ArchiveExport(ConnectionSettings source, String application, Set<SystemKind> systems, Path output,
                         boolean gzip, ExportOptions options) {
        this(Objects.requireNonNull(source, "source"), null, application, systems, output, gzip, options,
                InstanceHosts.none());
    }

    /** An archive export from an installation the caller keeps open (and closes). */
    public ArchiveExport(Installation installation, String application, Set<SystemKind> systems, Path output,
                         boolean gzip, ExportOptions options) {
        this(null, Objects.requireNonNull(installation, "installation"), application, systems, output, gzip,
                options, InstanceHosts.none());
    }

    private ArchiveExport(ConnectionSettings settings, Installation installation, String application,
                          Set<SystemKind> systems, Path output, boolean gzip, ExportOptions options,
                          InstanceHosts instanceHosts) {
        this.settings = settings;
        this.installation = installation;
        this.application = Objects.requireNonNull(application, "application");
        this.systems = systems == null || systems.isEmpty() ? EnumSet.noneOf(SystemKind.class)
                : EnumSet.copyOf(systems);
        this.output = Objects.requireNonNull(output, "output");
        this.gzip = gzip;
        this.options = options == null ? ExportOptions.defaults() : options;
        this.instanceHosts = instanceHosts == null ? InstanceHosts.none() : instanceHosts;
    }

    /** The same export, reading the databases of the systems in {@code hosts} from their own hosts. */
    public ArchiveExport withInstanceHosts(InstanceHosts hosts) {
        return new ArchiveExport(settings, installation, application, systems, output, gzip, options, hosts);
    }

    /** {@code <App>-<yyyyMMdd-HHmmss>.archive} or {@code .archive.gz}, with characters file systems reject replaced. */
    public static String defaultFileName(String application, LocalDateTime time, boolean gzip) {
        String safe = application.replaceAll("[\\\\/:*?\"<>|\\x00-\\x1f]", "_");
        return safe + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(time)
                + (gzip ? GZIP_EXTENSION : EXTENSION);
    }

    /**
     * Runs the export.
     *
     * @throws aom.migration.mongo.UnknownApplicationException naming the applications that exist
     * @throws aom.migration.mongo.ConnectionFailedException    when the source cannot be reached
     * @throws aom.migration.progress.CancelledException        when cancelled; no file is left
     * @throws IllegalArgumentException                         when no system is selected, the application has
     *                                                          none of the selected databases, or its naming is
     *                                                          ambiguous
     * @throws FileAlreadyExistsException                       when the file exists and overwriting is off
     * @throws IOException                                      when the archive cannot be written
     */
    public ArchiveExportResult run(ProgressListener listener, CancellationToken token) throws IOException {
        if (systems.isEmpty()) {
            throw new BadInputException("Nothing to export: an archive holds instance data, so select at"
                    + " least one system");
        }
        if (!options.overwrite() && Files.exists(output)) {
            throw new FileAlreadyExistsException(output.toString());
        }
        ProgressTracker tracker = new ProgressTracker(listener, Phase.CONNECT);
        Installation source = installation;
        if (source == null) {
            tracker.phase(Phase.CONNECT, "Connecting to " + settings.hostsOnly());
            source = Installation.connect(settings);
        }
        Map<SystemKind, ConnectionSettings> wanted = new LinkedHashMap<>();
        instanceHosts.hosts().forEach((system, host) -> {
            if (systems.contains(system)) {
                wanted.put(system, host);
            }
        });
        try (SystemHosts hosts = SystemHosts.connect(source, InstanceHosts.of(wanted))) {
            return export(source, hosts, listener, tracker, token);
        } finally {
            if (installation == null) {
                source.close();
            }
        }
    }

    private ArchiveExportResult export(Installation source, SystemHosts hosts, ProgressListener listener,
                                       ProgressTracker tracker, CancellationToken token) throws IOException {
        tracker.phase(Phase.PLAN, "Planning the archive export of " + application);
        AppRef app = source.application(application);
        token.throwIfCancelled();
        List<String> warnings = new ArrayList<>();
        ImportInFlight.journal(source, application).ifPresent(journal -> {
            if (!options.duringImport()) {
                throw ImportInFlight.refusal(application, journal);
            }
            warn(listener, tracker, warnings, "Exported while " + journal + ": the archive may hold half loaded or"
                    + " half swapped collections.");
        });
        DatabaseExporter exporter = new DatabaseExporter(hosts, options);
        SourceSystems found = SourceSystems.find(app, hosts, options.naming(), true);
        DatabaseNaming naming = found.naming();
        Map<SystemKind, List<CollectionPlan>> plans = new LinkedHashMap<>();
        Map<SystemKind, String> names = new LinkedHashMap<>();
        for (SystemKind system : systems) {
            String database = naming == null ? null : naming.databaseName(application, system);
            if (database == null || !found.exists(database)) {
                warn(listener, tracker, warnings, application + " has no " + system + " database"
                        + (database == null ? "" : " (" + database + ")") + "; nothing exported for " + system);
                continue;
            }
            plans.put(system, exporter.plan(system, database, token));
            ExportJob.warnAboutWorkingCollections(hosts.client(system), database, listener, tracker, warnings);
            names.put(system, database);
            token.throwIfCancelled();
        }
        if (plans.isEmpty()) {
            throw new BadInputException(application + " has none of the selected databases ("
                    + String.join(", ", systems.stream().map(SystemKind::name).toList()) + "); nothing to export");
        }
        List<CollectionPlan> all = plans.values().stream().flatMap(List::stream).toList();
        all.forEach(plan -> tracker.expect(plan.namespace(), plan.expectedDocuments(), plan.expectedBytes()));
        ArchiveHeader header = ArchiveHeader.forExport(source.serverInfo().version(), options.parallelism());
        // mongodump writes size 0 into the prelude; so does this export, to look exactly like its archives.
        List<ArchiveCollection> prelude = all.stream()
                .map(plan -> ArchiveCollection.of(plan.database(), plan.collection(), plan.definition(), 0))
                .toList();
        tracker.phase(Phase.DATA, "Exporting " + all.size() + " collections from " + plans.size()
                + " database(s) into a " + (gzip ? "gzipped " : "") + "mongodump archive");
        Map<String, long[]> copied;
        try (ArchiveWriter writer = ArchiveWriter.create(output, gzip, header, prelude,
                options.overwrite())) {
            copied = new ArchiveCopier(exporter, writer, options.parallelism()).copy(all, tracker, token);
            token.throwIfCancelled();
            writer.finish();
        }
        tracker.flush();
        List<Manifest.DatabaseInfo> databases = summarize(plans, names, copied, hosts);
        tracker.phase(Phase.DONE, "Exported " + application + " to " + output);
        LOG.info("Exported the instance data of {} from {} to the archive {} in {}", application,
                source.settings().hostsOnly(), output, tracker.elapsed());
        return new ArchiveExportResult(output, gzip, source.settings().hostsOnly(), header.serverVersion(),
                databases, warnings, tracker.elapsed());
    }

    private static List<Manifest.DatabaseInfo> summarize(Map<SystemKind, List<CollectionPlan>> plans,
                                                         Map<SystemKind, String> names, Map<String, long[]> copied,
                                                         SystemHosts hosts) {
        List<Manifest.DatabaseInfo> databases = new ArrayList<>();
        plans.forEach((system, collections) -> {
            long documents = 0;
            long bytes = 0;
            for (CollectionPlan plan : collections) {
                long[] counts = copied.getOrDefault(plan.namespace(), new long[2]);
                documents += counts[0];
                bytes += counts[1];
            }
            databases.add(new Manifest.DatabaseInfo(system.name(), names.get(system), collections.size(), documents,
                    bytes, hosts.ownHost(system) ? hosts.hostsOnly(system) : null));
        });
        return databases;
    }

    private static void warn(ProgressListener listener, ProgressTracker tracker, List<String> warnings,
                             String warning) {
        warnings.add(warning);
        listener.warn(tracker.phase(), warning);
        LOG.info("Warning: {}", warning);
    }
}
