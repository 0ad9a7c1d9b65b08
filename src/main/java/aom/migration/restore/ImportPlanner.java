package aom.migration.restore;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;
import aom.migration.model.SystemKind;
import aom.migration.model.ToolClock;
import aom.migration.model.WorkingNames;
import aom.migration.mongo.Installation;
import aom.migration.mongo.ServerInfo;
import aom.migration.mongo.SystemHosts;
import aom.migration.mongo.Topology;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Computes the {@link ImportPlan} of a request against a target installation. Reads only: lists databases and
 * collections, counts documents, reads the metadata; never creates anything.
 */
public final class ImportPlanner {

    /** The namespace limit of MongoDB 4.4 and later, for the collections' own names. */
    private static final int NAMESPACE_LIMIT_BYTES = 255;

    private final SystemHosts targets;
    private final MongoClient client;
    private final ServerInfo server;
    private final String hosts;

    public ImportPlanner(Installation target) {
        this(SystemHosts.mainOnly(target), target.serverInfo());
    }

    /** A planner for a target whose systems may live on hosts of their own ({@code target}'s main is the target). */
    public ImportPlanner(SystemHosts target, ServerInfo server) {
        this.targets = target;
        this.client = target.main();
        this.server = server;
        this.hosts = target.mainHosts();
    }

    ImportPlanner(MongoClient client, ServerInfo server, String hosts) {
        this(SystemHosts.mainOnly(client, hosts), server);
    }

    /** Plans {@code request}; nothing is written. */
    public ImportPlan plan(ImportRequest request, ImportOptions options, CancellationToken cancel) {
        return plan(request, options, cancel, ToolClock.now(), WorkingNames.tagOf(UUID.randomUUID().toString()), false,
                null);
    }

    /**
     * Plans {@code request} as of {@code now}, which also names the rollback file.
     *
     * @param tag           the tag of the import's working collections
     * @param holding       whether the import planning holds the application's journal and has put right what an
     *                      earlier import left (then its own journal is not such a leftover)
     * @param renameProblem why renaming is not safe on the target (the import's check found it), or {@code null}
     */
    ImportPlan plan(ImportRequest request, ImportOptions options, CancellationToken cancel, Instant now, String tag,
                    boolean holding, String renameProblem) {
        List<String> warnings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        SwapStrategy strategy = strategy(options, renameProblem, warnings);
        Optional<InterruptedImport> interrupted = holding ? Optional.empty() : InterruptedImport.find(targets,
                request.application(), request.targetNaming(), request.profile());
        List<String> leftovers = interrupted.map(InterruptedImport::describe).orElse(List.of());
        InterruptedImport.Resumable resumable = interrupted.flatMap(found -> found.resumable(request.source()
                .bundle())).orElse(null);
        if (!leftovers.isEmpty()) {
            warnings.add("An earlier import of " + request.application() + " was interrupted. The counts below are"
                    + " those of the target as it is now; the import first restores the state from before that"
                    + " import and plans again.");
        }
        compareWithSource(request, warnings);
        Map<MongoClient, Set<String>> databases = new HashMap<>();
        String metadataDatabase = request.profile().database();
        if (client.getDatabase(metadataDatabase).listCollectionNames().first() == null) {
            // A typo in the connection string lands on some other MongoDB: say so before anything is written there.
            // (No collections rather than no database: mongo-java-server lists a database that was only read from.)
            warnings.add(hosts + " has no '" + metadataDatabase + "' database, so it does not look like the MongoDB of"
                    + " an ApiOmat installation. The import creates " + (request.metadata() != null
                    ? "it with the metadata of " + request.application() + ", as on a new installation"
                    : "only the databases of " + request.application() + "'s data")
                    + ". If the target is an existing installation, check the connection string.");
        }
        List<SystemPlan> systems = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        List<DatabaseImporter.StagedCollection> loads = new ArrayList<>();
        request.data().forEach((system, sources) -> {
            cancel.throwIfCancelled();
            // Names an interrupted import left are dealt with by its recovery, so they are not problems here.
            List<String> clashes = leftovers.isEmpty() ? problems : new ArrayList<>();
            Set<String> onHost = databases.computeIfAbsent(targets.client(system),
                    host -> host.listDatabaseNames().into(new LinkedHashSet<>()));
            systems.add(planSystem(request, system, sources, onHost, entries, loads, clashes, warnings, tag,
                    holding));
        });
        MetadataMergePlan metadata = null;
        Path rollbackFile = null;
        if (request.metadata() != null) {
            metadata = new MetadataMerger(client.getDatabase(request.profile().database()), request.profile())
                    .plan(request.application(), request.metadata(), options.resetPasswords(), cancel);
            warnings.addAll(metadata.warnings());
            if (metadata.changesTarget()) {
                rollbackFile = MetadataRollback.fileFor(request.application(), now);
            }
        }
        if (request.data().isEmpty() && request.metadata() == null) {
            problems.add("There is nothing to import: no system's data and no metadata");
        }
        return new ImportPlan(request.application(), hosts, server, strategy, systems, metadata, warnings, problems,
                leftovers, rollbackFile, now, entries, loads, targets.ownHosts(), placement(request), resumable);
    }

    /** What the request changes of the bundle's placement (another name, other systems), one line each. */
    static List<String> placement(ImportRequest request) {
        List<String> lines = new ArrayList<>();
        SourceDescription source = request.source();
        if (source.application() != null) {
            lines.add(source.application() + " is imported as " + request.application());
        }
        source.systems().forEach((target, from) -> lines.add("the bundle's " + from + " data goes into " + target
                + " (" + request.targetDatabase(target) + ")"));
        return lines;
    }

    private SwapStrategy strategy(ImportOptions options, String renameProblem, List<String> warnings) {
        if (renameProblem != null && options.swapStrategy() != SwapStrategy.COPY) {
            warnings.add(renameProblem + ": the collections are copied into place instead of renamed. This is"
                    + " slower; the live collections are still kept until the import is verified.");
            return SwapStrategy.COPY;
        }
        if (options.swapStrategy() == SwapStrategy.COPY) {
            warnings.add("Collections are swapped in by copying, as requested: slower than renaming; the live"
                    + " collections are still kept until the import is verified.");
            return SwapStrategy.COPY;
        }
        if (server.topology() == Topology.SHARDED) {
            if (options.swapStrategy() == SwapStrategy.RENAME) {
                warnings.add("The target is a sharded cluster; renaming was requested and may fail for sharded"
                        + " collections.");
                return SwapStrategy.RENAME;
            }
            warnings.add("The target is a sharded cluster, where collections cannot be renamed: the import falls back"
                    + " to drop-and-load. Each live collection is copied aside, dropped and loaded from its staging"
                    + " copy; this is slower, and a sharded collection comes back unsharded.");
            return SwapStrategy.COPY;
        }
        return SwapStrategy.RENAME;
    }

    private void compareWithSource(ImportRequest request, List<String> warnings) {
        SourceDescription source = request.source();
        if (source.serverVersion() != null
                && server.isOlderThan(new ServerInfo(source.serverVersion(), Topology.STANDALONE, null, 0))) {
            warnings.add("The target runs MongoDB " + server.version() + ", older than the source's "
                    + source.serverVersion() + "; documents, indexes or options that the older version does not know"
                    + " will fail to load.");
        }
        if (source.hosts() != null && sameHosts(source.hosts(), hosts)) {
            warnings.add("The target " + hosts + " is the installation the bundle was exported from: the import"
                    + " replaces " + request.application() + " there with the bundle's copy of it. That is right for"
                    + " restoring a backup; for a migration, check the target's connection string."
                    + (loopback(hosts) ? " (An address on this computer may lead elsewhere now, through a tunnel"
                    + " or on another computer than the export's; then this does not apply.)" : ""));
        }
        if (source.naming() != null && source.naming() != request.targetNaming()) {
            List<String> names = new ArrayList<>();
            request.data().keySet().forEach(system -> names.add(request.targetDatabase(system)));
            warnings.add("The source names its databases " + source.naming().name().toLowerCase() + ", the target "
                    + request.targetNaming().name().toLowerCase() + ": the data goes to "
                    + (names.isEmpty() ? "no database" : String.join(", ", names)) + ".");
        }
    }

    /** Whether two host lists ({@code h1:27017,h2:27017}) name the same servers, in any order and case. */
    static boolean sameHosts(String first, String second) {
        return hostSet(first).equals(hostSet(second));
    }

    /** Whether every host of the list is this computer (localhost, 127.x, ::1). */
    static boolean loopback(String hosts) {
        return hostSet(hosts).stream().allMatch(host -> host.startsWith("localhost:") || host.startsWith("127.")
                || host.startsWith("[::1]:"));
    }

    private static Set<String> hostSet(String hosts) {
        Set<String> set = new TreeSet<>();
        for (String host : hosts.split(",")) {
            String trimmed = host.strip().toLowerCase(Locale.ROOT);
            boolean port = trimmed.startsWith("[") ? trimmed.contains("]:") : trimmed.contains(":");
            set.add(port ? trimmed : trimmed + ":27017");
        }
        return set;
    }

    private SystemPlan planSystem(ImportRequest request, SystemKind system, List<CollectionSource> sources,
                                  Set<String> databases, List<JournalEntry> entries,
                                  List<DatabaseImporter.StagedCollection> loads, List<String> problems,
                                  List<String> warnings, String tag, boolean holding) {
        String database = request.targetDatabase(system);
        boolean exists = databases.contains(database);
        MongoDatabase target = targets.client(system).getDatabase(database);
        Map<String, BsonDocument> existing = new LinkedHashMap<>();
        Set<String> allNames = new LinkedHashSet<>();
        if (exists) {
            for (BsonDocument info : target.listCollections(BsonDocument.class)) {
                String name = info.getString("name").getValue();
                allNames.add(name);
                if (!WorkingNames.isWorking(name) && (!name.startsWith("system.") || name.equals("system.js"))) {
                    existing.put(name, info);
                }
            }
        }
        List<CollectionChange> changes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String sourceDatabase = sources.isEmpty() ? null : sources.get(0).database();
        for (CollectionSource source : sources) {
            String name = source.collection();
            if (WorkingNames.isWorking(name)) {
                // The tool would take it for one of its own working collections (a leftover of an interrupted
                // import, copied by an export of an earlier version): importing it would make it one.
                warnings.add(system + ": the collection " + name + " is not imported: its name has the form of the"
                        + " tool's working collections, which are left out wherever the tool reads an installation.");
                continue;
            }
            if (!seen.add(name)) {
                problems.add(system + ": the collection " + name + " appears twice in the import");
                continue;
            }
            if ((database + "." + name).getBytes(StandardCharsets.UTF_8).length > NAMESPACE_LIMIT_BYTES) {
                problems.add(database + "." + name + " is longer than MongoDB's " + NAMESPACE_LIMIT_BYTES
                        + "-byte namespace limit");
                continue;
            }
            BsonDocument info = existing.get(name);
            boolean targetView = info != null && isView(info);
            CollectionMetadata metadata = source.metadata();
            String staging = metadata.isView() ? null : WorkingNames.staging(database, name, tag);
            String aside = info != null && !targetView ? WorkingNames.aside(database, name, tag) : null;
            // A staging collection of the import's own tag exists only when it resumes itself (it holds the journal).
            checkFree(database, allNames, problems, holding ? null : staging, aside);
            entries.add(new JournalEntry(system, database, name,
                    info == null ? CollectionAction.CREATE : CollectionAction.REPLACE, staging, aside,
                    metadata.isView() ? viewDefinition(metadata.options()) : null,
                    targetView ? viewDefinition(info.getDocument("options", new BsonDocument())) : null));
            if (staging != null) {
                loads.add(new DatabaseImporter.StagedCollection(system, database, name, staging, source));
            }
            changes.add(new CollectionChange(name, info == null ? CollectionAction.CREATE : CollectionAction.REPLACE,
                    info == null || targetView ? 0 : target.getCollection(name).estimatedDocumentCount(),
                    metadata.isView() ? 0 : source.expectedDocuments(), metadata.isView(), note(metadata)));
        }
        for (Map.Entry<String, BsonDocument> entry : existing.entrySet()) {
            if (seen.contains(entry.getKey())) {
                continue;
            }
            String name = entry.getKey();
            boolean targetView = isView(entry.getValue());
            String aside = targetView ? null : WorkingNames.aside(database, name, tag);
            checkFree(database, allNames, problems, null, aside);
            entries.add(new JournalEntry(system, database, name, CollectionAction.DROP, null, aside, null,
                    targetView ? viewDefinition(entry.getValue().getDocument("options", new BsonDocument())) : null));
            changes.add(new CollectionChange(name, CollectionAction.DROP,
                    targetView ? 0 : target.getCollection(name).estimatedDocumentCount(), 0, targetView, null));
        }
        // By name, whatever order the bundle holds them in (the export writes the largest first): the plan, the drop
        // warnings and the verification report list them as a reader looks for them.
        changes.sort(Comparator.comparing(CollectionChange::collection));
        return new SystemPlan(system, sourceDatabase, database, exists, changes,
                targets.ownHost(system) ? targets.hostsOnly(system) : null);
    }

    private static void checkFree(String database, Set<String> names, List<String> problems, String... wanted) {
        for (String name : wanted) {
            if (name != null && names.contains(name)) {
                problems.add(database + "." + name + " already exists, though its name carries this import's own"
                        + " tag. Look at it and drop or rename it by hand.");
            }
        }
    }

    private static String note(CollectionMetadata metadata) {
        if (metadata.isView()) {
            return "view on " + metadata.options().getString("viewOn", new BsonString("?")).getValue();
        }
        if (metadata.options().getBoolean("capped", BsonBoolean.FALSE).getValue()) {
            return "capped; the target must support capped collections";
        }
        return null;
    }

    private static boolean isView(BsonDocument info) {
        return "view".equals(info.getString("type", new BsonString("collection")).getValue());
    }

    /** The options that define a view, as {@code create} takes them. */
    public static BsonDocument viewDefinition(BsonDocument options) {
        BsonDocument definition = new BsonDocument();
        for (String field : List.of("viewOn", "pipeline", "collation")) {
            Optional.ofNullable(options.get(field)).ifPresent(value -> definition.put(field, value));
        }
        return definition;
    }
}
