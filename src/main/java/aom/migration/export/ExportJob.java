package aom.migration.export;

import aom.migration.bundle.BundlePaths;
import aom.migration.bundle.BundleWriter;
import aom.migration.bundle.EntryKind;
import aom.migration.bundle.HashWarmUp;
import aom.migration.bundle.Manifest;
import aom.migration.model.AppRef;
import aom.migration.model.BadInputException;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.model.SystemKind;
import aom.migration.model.ToolVersion;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.ProgressTracker;
import aom.migration.progress.Workers;
import com.mongodb.client.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Exports one application into a bundle: its metadata closure and the selected system databases (DESIGN.md
 * sections 3 and 4). Runs on the caller's thread (plus worker threads for the data), reports to a
 * {@link ProgressListener} and stops within about a second when the {@link CancellationToken} is cancelled. A
 * cancelled or failed export leaves no file behind. The bundle never contains credentials: the source is recorded
 * as hosts only.
 */
public final class ExportJob {

    /** The tool name recorded in bundles. */
    public static final String TOOL_NAME = "ApiOmat Migration Wizard";

    private static final Logger LOG = LoggerFactory.getLogger(ExportJob.class);

    private final ConnectionSettings settings;
    private final Installation installation;
    private final String application;
    private final Selection selection;
    private final Path output;
    /** The profile the caller gave, or null for the default one, which {@link #profile()} reads when needed. */
    private final ExtractionProfile givenProfile;
    private ExtractionProfile profile;
    private final ExportOptions options;
    private final InstanceHosts instanceHosts;
    private Supplier<CpuHeadroom> headroom = CpuHeadroom::ofThisMachine;

    /** An export that connects to {@code source} itself and disconnects at the end. */
    public ExportJob(ConnectionSettings source, String application, Selection selection, Path output,
                     ExtractionProfile profile, ExportOptions options) {
        this(Objects.requireNonNull(source, "source"), null, application, selection, output, profile, options,
                InstanceHosts.none());
    }

    /** An export from an installation the caller keeps open (and closes). */
    public ExportJob(Installation installation, String application, Selection selection, Path output,
                     ExtractionProfile profile, ExportOptions options) {
        this(null, Objects.requireNonNull(installation, "installation"), application, selection, output, profile,
                options, InstanceHosts.none());
    }

    private ExportJob(ConnectionSettings settings, Installation installation, String application,
                      Selection selection, Path output, ExtractionProfile profile, ExportOptions options,
                      InstanceHosts instanceHosts) {
        this.settings = settings;
        this.installation = installation;
        this.application = Objects.requireNonNull(application, "application");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.output = Objects.requireNonNull(output, "output");
        this.givenProfile = profile;
        this.options = options == null ? ExportOptions.defaults() : options;
        this.instanceHosts = instanceHosts == null ? InstanceHosts.none() : instanceHosts;
    }

    /**
     * The same export, reading the databases of the systems in {@code hosts} from their own hosts (opened at the
     * start, closed at the end); the metadata still comes from the main installation.
     */
    public ExportJob withInstanceHosts(InstanceHosts hosts) {
        ExportJob job = new ExportJob(settings, installation, application, selection, output, givenProfile, options,
                hosts);
        job.headroom = headroom;
        return job;
    }

    /** The same export, judging whether the machine has CPU to spare for fast compression by {@code watch}. */
    ExportJob withCpuHeadroom(Supplier<CpuHeadroom> watch) {
        ExportJob job = new ExportJob(settings, installation, application, selection, output, givenProfile, options,
                instanceHosts);
        job.headroom = watch;
        return job;
    }

    /**
     * Runs the export.
     *
     * @throws aom.migration.mongo.UnknownApplicationException naming the applications that exist
     * @throws aom.migration.mongo.ConnectionFailedException    when the source cannot be reached
     * @throws aom.migration.progress.CancelledException        when cancelled; no file is left
     * @throws IllegalArgumentException                         when the selection cannot be exported (nothing
     *                                                          selected, ambiguous naming)
     * @throws IOException                                      when the bundle cannot be written
     */
    public ExportResult run(ProgressListener listener, CancellationToken token) throws IOException {
        if (selection.isEmpty()) {
            throw new BadInputException("Nothing to export: select the metadata or at least one system");
        }
        ProgressTracker tracker = new ProgressTracker(listener, Phase.CONNECT);
        if (!selection.systems().isEmpty()) {
            HashWarmUp.start();
        }
        if (selection.metadata()) {
            // Reading the profile and preparing the manifest's writer cost a fresh JVM class loading and compiling;
            // a side thread does both while this one connects and plans, which mostly waits for the server. The
            // metadata thread takes the profile from it (profile() waits).
            Workers.daemons("export-prepare").newThread(() -> {
                try {
                    Manifest.prepareWriter(profile());
                } catch (RuntimeException e) {
                    // The metadata thread reads the profile again and reports what is wrong with it.
                }
            }).start();
        }
        Installation source = installation;
        if (source == null) {
            tracker.phase(Phase.CONNECT, "Connecting to " + settings.hostsOnly());
            source = Installation.connect(settings);
        }
        try {
            if (!instanceHosts.isEmpty()) {
                tracker.phase(Phase.CONNECT, "Connecting to the hosts of "
                        + String.join(", ", instanceHosts.hosts().keySet().stream().map(SystemKind::name).toList()));
            }
            try (SystemHosts hosts = SystemHosts.connect(source, selected(instanceHosts))) {
                return export(source, hosts, listener, tracker, token);
            }
        } finally {
            if (installation == null) {
                source.close();
            }
        }
    }

    /** Only the hosts of the selected systems are opened: an unselected system's host may be down. */
    private InstanceHosts selected(InstanceHosts all) {
        Map<SystemKind, ConnectionSettings> wanted = new LinkedHashMap<>();
        all.hosts().forEach((system, host) -> {
            if (selection.systems().contains(system)) {
                wanted.put(system, host);
            }
        });
        return InstanceHosts.of(wanted);
    }

    private ExportResult export(Installation source, SystemHosts hosts, ProgressListener listener,
                                ProgressTracker tracker, CancellationToken token) throws IOException {
        tracker.phase(Phase.PLAN, "Planning the export of " + application);
        AppRef app = source.application(application);
        List<String> warnings = new ArrayList<>();
        ImportInFlight.journal(source, application).ifPresent(journal -> {
            if (!options.duringImport()) {
                throw ImportInFlight.refusal(application, journal);
            }
            warn(listener, tracker, warnings, "Exported while " + journal + ": the bundle may hold half loaded or"
                    + " half swapped collections.");
        });
        token.throwIfCancelled();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (BundleWriter writer = BundleWriter.create(output, options.compression(), options.spoolMemoryBytes(),
                options.overwrite(), options.passphrase())) {
            writer.entryTime(createdAt);
            // The metadata closure is read on a thread of its own from now on, alongside the planning and the
            // instance data (it needs neither; each of them leaves the other's CPU and server time idle at times),
            // and its entries are added to the zip after the data. A failure there stops the data export.
            CancellationToken abort = new CancellationToken();
            token.onCancel(abort::cancel);
            ExecutorService side = selection.metadata()
                    ? Executors.newSingleThreadExecutor(Workers.daemons("export-metadata")) : null;
            Future<Metadata> metadata = side == null ? null
                    : side.submit(() -> readMetadata(source, writer, tracker, abort));
            try {
                return export(source, hosts, app, writer, metadata, createdAt, warnings, listener, tracker, abort);
            } catch (CancelledException e) {
                if (!token.isCancelled() && metadata != null && metadata.isDone()) {
                    // Cancelled because the metadata failed: that failure is the one to report.
                    Workers.await(metadata, CancellationToken.none());
                }
                throw e;
            } finally {
                if (side != null) {
                    side.shutdownNow();
                    Workers.awaitTermination(side, Duration.ofSeconds(5));
                    discardUnused(metadata);
                }
            }
        }
    }

    private ExportResult export(Installation source, SystemHosts hosts, AppRef app, BundleWriter writer,
                                Future<Metadata> metadata, Instant createdAt, List<String> warnings,
                                ProgressListener listener, ProgressTracker tracker, CancellationToken token)
            throws IOException {
        DatabaseExporter exporter = new DatabaseExporter(hosts, options).withHeadroom(headroom);
        SourceSystems found = SourceSystems.find(app, hosts, options.naming(), !selection.systems().isEmpty());
        DatabaseNaming naming = found.naming();
        Map<SystemKind, List<CollectionPlan>> plans = new LinkedHashMap<>();
        for (SystemKind system : selection.systems()) {
            String database = naming == null ? null : naming.databaseName(application, system);
            if (database == null || !found.exists(database)) {
                warn(listener, tracker, warnings, application + " has no " + system + " database"
                        + (database == null ? "" : " (" + database + where(hosts, system) + ")")
                        + "; nothing exported for " + system);
                continue;
            }
            List<CollectionPlan> collections = exporter.plan(system, database, token);
            warnAboutWorkingCollections(hosts.client(system), database, listener, tracker, warnings);
            collections.forEach(plan -> tracker.expect(plan.namespace(), plan.expectedDocuments(),
                    plan.expectedBytes()));
            plans.put(system, collections);
            token.throwIfCancelled();
        }
        if (metadata != null) {
            tracker.phase(Phase.METADATA, "Reading the metadata closure of " + application);
        }
        List<CollectionPlan> all = largestFirst(plans);
        if (!all.isEmpty()) {
            tracker.phase(Phase.DATA, "Exporting " + all.size() + " collections from " + plans.size()
                    + " database(s)");
            exporter.export(all, writer, tracker, token);
        }
        return finish(source, hosts, app, writer, metadata, naming, plans, warnings, createdAt, listener, tracker,
                token);
    }

    /**
     * The order of the collections in the bundle: largest first (by the size the server reported), then by system
     * and name. Collections are read a few at a time in this order, so the long ones start first and the short
     * ones fill in around them, instead of one large collection being read alone at the end. The order depends on
     * the sizes only, never on timing, so the same data gives the same bundle layout.
     */
    static List<CollectionPlan> largestFirst(Map<SystemKind, List<CollectionPlan>> plans) {
        List<CollectionPlan> all = new ArrayList<>(plans.values().stream().flatMap(List::stream).toList());
        all.sort(Comparator.comparingLong((CollectionPlan plan) -> Math.max(0, plan.expectedBytes())).reversed()
                .thenComparing(CollectionPlan::system).thenComparing(CollectionPlan::collection));
        return all;
    }

    private ExportResult finish(Installation source, SystemHosts hosts, AppRef app, BundleWriter writer,
                                Future<Metadata> metadata, DatabaseNaming naming,
                                Map<SystemKind, List<CollectionPlan>> plans, List<String> warnings,
                                Instant createdAt, ProgressListener listener, ProgressTracker tracker,
                                CancellationToken token) throws IOException {
        MetadataClosure closure = null;
        if (metadata != null) {
            Metadata read = Workers.await(metadata, token);
            closure = read.closure();
            listener.info(tracker.phase(), "Writing " + closure.total() + " metadata documents");
            read.entries().addTo(writer);
            closure.warnings().forEach(warning -> warn(listener, tracker, warnings, warning));
            read.entries().warnings().forEach(warning -> warn(listener, tracker, warnings, warning));
        }
        token.throwIfCancelled();
        Manifest manifest = writer.finish(manifest(source, hosts, app, naming, closure, plans, warnings, writer,
                createdAt));
        tracker.flush();
        tracker.phase(Phase.DONE, "Exported " + application + " to " + writer.target());
        LOG.info("Exported {} from {} to {} in {}", application, source.settings().hostsOnly(),
                writer.target(), tracker.elapsed());
        return new ExportResult(writer.target(), manifest, tracker.elapsed());
    }

    /**
     * The extraction profile, the default one read on first use (by the side thread that {@link #run} starts), not
     * by the caller up front.
     */
    private synchronized ExtractionProfile profile() {
        if (profile == null) {
            profile = givenProfile != null ? givenProfile : ExtractionProfile.defaults();
        }
        return profile;
    }

    /** The metadata closure and its entries, ready to be added to the zip. */
    private record Metadata(MetadataClosure closure, MetadataExtractor.Spooled entries) {
    }

    private Metadata readMetadata(Installation source, BundleWriter writer, ProgressTracker tracker,
                                  CancellationToken abort) throws IOException {
        try {
            ExtractionProfile profile = profile();
            MetadataExtractor extractor = new MetadataExtractor(source.database(profile.database()), profile);
            MetadataClosure closure = extractor.closure(application, abort);
            String database = profile.database();
            closure.counts().forEach((collection, count) -> tracker.expect(database + "." + collection, count, -1));
            return new Metadata(closure, extractor.spool(closure, writer, tracker, abort));
        } catch (IOException | RuntimeException | Error e) {
            abort.cancel();
            throw e;
        }
    }

    /** Frees the spooled metadata entries when the export ended before adding them. */
    private static void discardUnused(Future<Metadata> metadata) {
        if (metadata != null && metadata.isDone() && !metadata.isCancelled()) {
            try {
                Metadata read = metadata.get();
                read.entries().discard();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // nothing was spooled
            }
        }
    }

    private static String where(SystemHosts hosts, SystemKind system) {
        return hosts.ownHost(system) ? " on " + hosts.hostsOnly(system) : "";
    }

    private Manifest manifest(Installation source, SystemHosts hosts, AppRef app, DatabaseNaming naming,
                              MetadataClosure closure,
                              Map<SystemKind, List<CollectionPlan>> plans, List<String> warnings,
                              BundleWriter writer, Instant createdAt) {
        List<Manifest.Entry> entries = writer.entries();
        List<Manifest.DatabaseInfo> databases = new ArrayList<>();
        long documents = 0;
        long bytes = 0;
        int collections = 0;
        for (Map.Entry<SystemKind, List<CollectionPlan>> system : plans.entrySet()) {
            String database = naming.databaseName(application, system.getKey());
            long docs = 0;
            long size = 0;
            for (Manifest.Entry entry : entries) {
                if (entry.kind() == EntryKind.DOCUMENTS && database.equals(entry.database())) {
                    docs += entry.documents();
                    size += entry.bytes();
                }
            }
            databases.add(new Manifest.DatabaseInfo(system.getKey().name(), database, system.getValue().size(),
                    docs, size, hosts.ownHost(system.getKey()) ? hosts.hostsOnly(system.getKey()) : null));
            documents += docs;
            bytes += size;
            collections += system.getValue().size();
        }
        Manifest.MetadataInfo metadata = closure == null ? null
                : new Manifest.MetadataInfo(closure.database(), closure.counts(), BundlePaths.KEYS);
        String displayName = closure != null ? closure.displayName() : app.displayName();
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, createdAt.toString(),
                new Manifest.Tool(TOOL_NAME, ToolVersion.version()),
                new Manifest.Source(source.settings().hostsOnly(), source.serverInfo().version(),
                        source.serverInfo().topology().label()),
                new Manifest.Application(application, displayName, naming == null ? null : naming.name()),
                new Manifest.SelectionInfo(selection.metadata(),
                        selection.systems().stream().map(SystemKind::name).toList()),
                metadata, databases,
                new Manifest.Counts(closure == null ? 0 : closure.total(), databases.size(), collections, documents,
                        bytes),
                warnings, profile(), entries);
    }

    /** Working collections are never exported, but where an import left them the export says so. */
    static void warnAboutWorkingCollections(MongoClient client, String database, ProgressListener listener,
                                            ProgressTracker tracker, List<String> warnings) {
        List<String> working = ImportInFlight.workingCollections(client.getDatabase(database));
        if (!working.isEmpty()) {
            warn(listener, tracker, warnings, database + ": left out " + working.size() + " working collection(s)"
                    + " of an import (" + String.join(", ", working) + "); an import into this installation is in"
                    + " flight or was interrupted, and they are not the application's data.");
        }
    }

    static void warn(ProgressListener listener, ProgressTracker tracker, List<String> warnings,
                     String warning) {
        warnings.add(warning);
        listener.warn(tracker.phase(), warning);
        LOG.info("Warning: {}", warning);
    }
}
