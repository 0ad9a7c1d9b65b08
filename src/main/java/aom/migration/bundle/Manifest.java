package aom.migration.bundle;

import aom.migration.model.ApplicationNames;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.JsonObject;
import aom.migration.model.SystemKind;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bundle's {@code manifest.json} (DESIGN.md section 4): what was exported from where, the closure's counts and
 * warnings, the extraction profile it was computed with, and every entry's size, document count and SHA-256.
 * Never holds credentials: the source is recorded as hosts only.
 *
 * @param format        always {@link #FORMAT}
 * @param formatVersion the bundle format version, {@link #FORMAT_VERSION} for this build
 * @param createdAt     ISO-8601 instant the export finished
 * @param tool          the tool and version that wrote the bundle
 * @param source        where the data came from
 * @param application   the exported application
 * @param selection     what the user chose to export
 * @param metadata      the metadata closure, or {@code null} when metadata was not exported
 * @param databases     the exported system databases
 * @param counts        totals
 * @param warnings      things the support engineer should know (dangling references, undeclared modules, ...)
 * @param profile       the extraction profile the closure was computed with; the import uses the same
 * @param entries       every entry except the manifest itself
 */
public record Manifest(
        String format,
        int formatVersion,
        String createdAt,
        Tool tool,
        Source source,
        Application application,
        SelectionInfo selection,
        MetadataInfo metadata,
        List<DatabaseInfo> databases,
        Counts counts,
        List<String> warnings,
        ExtractionProfile profile,
        List<Entry> entries) {

    /** The format name every bundle carries. */
    public static final String FORMAT = "aom-migration-bundle";
    /** The format version this build writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** Entry kind: the README ({@link EntryKind#README}). */
    public static final EntryKind KIND_README = EntryKind.README;
    /** Entry kind: one metadata collection's documents ({@link EntryKind#METADATA}). */
    public static final EntryKind KIND_METADATA = EntryKind.METADATA;
    /** Entry kind: {@code metadata/_keys.jsonl} ({@link EntryKind#KEYS}). */
    public static final EntryKind KIND_KEYS = EntryKind.KEYS;
    /** Entry kind: a collection's raw BSON documents ({@link EntryKind#DOCUMENTS}). */
    public static final EntryKind KIND_DOCUMENTS = EntryKind.DOCUMENTS;
    /** Entry kind: a collection's mongodump {@code .metadata.json} ({@link EntryKind#DEFINITION}). */
    public static final EntryKind KIND_DEFINITION = EntryKind.DEFINITION;

    public Manifest {
        databases = databases == null ? List.of() : List.copyOf(databases);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** @param name the tool's name; @param version its version */
    public record Tool(String name, String version) {
    }

    /**
     * @param hosts         the source's hosts and ports, never credentials
     * @param serverVersion the MongoDB version the source reported
     * @param topology      standalone, replica set or sharded cluster
     */
    public record Source(String hosts, String serverVersion, String topology) {
    }

    /**
     * @param name        the application name
     * @param displayName the name shown to people
     * @param naming      {@code DASHED} or {@code SUFFIXED}; {@code null} when no database was exported
     */
    public record Application(String name, String displayName, String naming) {

        /** The naming convention, typed; {@code null} when none is recorded ({@link #problems} checks the word). */
        public DatabaseNaming databaseNaming() {
            return naming == null ? null : DatabaseNaming.parse(naming);
        }
    }

    /** @param metadata whether the metadata closure was exported; @param systems the exported systems */
    public record SelectionInfo(boolean metadata, List<String> systems) {
        public SelectionInfo {
            systems = systems == null ? List.of() : List.copyOf(systems);
        }

        /** The exported systems, typed ({@link #problems} checks the words). */
        public Set<SystemKind> systemKinds() {
            Set<SystemKind> kinds = EnumSet.noneOf(SystemKind.class);
            systems.forEach(system -> kinds.add(SystemKind.parse(system)));
            return kinds;
        }
    }

    /**
     * @param database  the global metadata database the closure comes from
     * @param documents documents per metadata collection, in the profile's order
     * @param keys      the entry with natural keys and shared flags
     */
    public record MetadataInfo(String database, Map<String, Long> documents, String keys) {
        public MetadataInfo {
            documents = documents == null ? Map.of() : new LinkedHashMap<>(documents);
        }

        public long total() {
            return documents.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param system      LIVE, STAGING or TEST
     * @param name        the database name on the source
     * @param collections collections and views exported
     * @param documents   documents exported
     * @param bytes       BSON bytes exported
     * @param hosts       the hosts (never credentials) the database was read from when the system has a host of its
     *                    own, or {@code null} when it is on the main installation
     */
    public record DatabaseInfo(String system, String name, int collections, long documents, long bytes,
                               String hosts) {

        /** A database on the main installation. */
        public DatabaseInfo(String system, String name, int collections, long documents, long bytes) {
            this(system, name, collections, documents, bytes, null);
        }

        /** The system, typed ({@link #problems} checks the word). */
        public SystemKind systemKind() {
            return SystemKind.parse(system);
        }
    }

    /**
     * @param metadataDocuments documents in the metadata closure
     * @param databases         system databases
     * @param collections       collections and views in them
     * @param documents         documents in them
     * @param bytes             BSON bytes in them
     */
    public record Counts(long metadataDocuments, int databases, int collections, long documents, long bytes) {
    }

    /**
     * @param path       the entry's path in the zip
     * @param kind       what the entry holds
     * @param system     for data entries, the system
     * @param database   for data and metadata entries, the database (unescaped)
     * @param collection for data and metadata entries, the collection (unescaped)
     * @param bytes      uncompressed size
     * @param documents  documents in it (0 for entries that hold none)
     * @param sha256     SHA-256 of the uncompressed bytes, hex
     */
    public record Entry(String path, EntryKind kind, String system, String database, String collection, long bytes,
                        long documents, String sha256) {

        /** The system of a data entry, typed, or {@code null} for others ({@link #problems} checks the word). */
        public SystemKind systemKind() {
            return system == null ? null : SystemKind.parse(system);
        }
    }

    /** The entry at {@code path}. */
    public Optional<Entry> entry(String path) {
        return entries.stream().filter(entry -> entry.path().equals(path)).findFirst();
    }

    /** The entries of one kind, in manifest order. */
    public List<Entry> entries(EntryKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).toList();
    }

    /** A copy with other entries. */
    public Manifest withEntries(List<Entry> newEntries) {
        return new Manifest(format, formatVersion, createdAt, tool, source, application, selection, metadata,
                databases, counts, warnings, profile, newEntries);
    }

    /**
     * Everything that makes this manifest unusable, assuming the format and version were already checked; empty when
     * it is fine.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (application == null || application.name() == null || application.name().isBlank()) {
            problems.add("it names no application");
        } else {
            ApplicationNames.problem(application.name()).ifPresent(problems::add);
        }
        if (selection == null) {
            problems.add("it has no selection");
        } else {
            selection.systems().forEach(system -> unknownSystem(system).ifPresent(problems::add));
        }
        if (application != null && application.naming() != null) {
            try {
                DatabaseNaming.parse(application.naming());
            } catch (IllegalArgumentException e) {
                problems.add("the application's naming convention is unknown: " + e.getMessage());
            }
        }
        databases.forEach(database -> unknownSystem(database.system()).ifPresent(problems::add));
        Set<String> paths = new HashSet<>();
        for (Entry entry : entries) {
            if (entry == null || entry.path() == null) {
                problems.add("an entry has no path");
                continue;
            }
            BundlePaths.problem(entry.path()).ifPresent(problems::add);
            if (!paths.add(entry.path())) {
                problems.add("the entry " + entry.path() + " is listed twice");
            }
            if (entry.path().equals(BundlePaths.MANIFEST)) {
                problems.add("the manifest lists itself");
            }
            if (entry.kind() == null) {
                problems.add("the entry " + entry.path() + " has no kind");
            }
            if (entry.bytes() < 0 || entry.documents() < 0) {
                problems.add("the entry " + entry.path() + " has a negative size");
            }
            if (entry.system() != null) {
                unknownSystem(entry.system()).ifPresent(problems::add);
            }
            if (entry.sha256() == null || !SHA256_HEX.matcher(entry.sha256()).matches()) {
                problems.add("the entry " + entry.path() + " has no valid SHA-256");
            }
            if (entry.kind() != null) {
                entry.kind().problem(entry.path(), entry.database(), entry.collection()).ifPresent(problems::add);
            }
        }
        if (metadata != null && profile == null) {
            problems.add("it has metadata but no extraction profile");
        }
        return problems;
    }

    /**
     * Writes a manifest like the ones exports write, with {@code profile}, and throws the bytes away: the first
     * manifest a fresh JVM writes loads and compiles the JSON writer, which an export can do while it waits for the
     * server at its start rather than at its end, when nothing else is left to do.
     */
    public static void prepareWriter(ExtractionProfile profile) {
        Manifest sample = new Manifest(FORMAT, FORMAT_VERSION, "", new Tool("", ""), new Source("", "", ""),
                new Application("", "", null), new SelectionInfo(true, List.of("LIVE")),
                new MetadataInfo("", Map.of("", 0L), ""), List.of(new DatabaseInfo("", "", 0, 0, 0)),
                new Counts(0, 0, 0, 0, 0), List.of(""), profile,
                List.of(new Entry("", KIND_DOCUMENTS, "", "", "", 0, 0, "")));
        sample.toJson();
    }

    /** The manifest as pretty-printed JSON; absent parts are left out. */
    public byte[] toJson() {
        JsonObject.Builder json = new JsonObject.Builder().put("format", format).put("formatVersion", formatVersion)
                .put("createdAt", createdAt);
        if (tool != null) {
            json.put("tool", new JsonObject.Builder().put("name", tool.name()).put("version", tool.version()).build());
        }
        if (source != null) {
            json.put("source", new JsonObject.Builder().put("hosts", source.hosts())
                    .put("serverVersion", source.serverVersion()).put("topology", source.topology()).build());
        }
        if (application != null) {
            json.put("application", new JsonObject.Builder().put("name", application.name())
                    .put("displayName", application.displayName()).put("naming", application.naming()).build());
        }
        if (selection != null) {
            json.put("selection", new JsonObject.Builder().put("metadata", selection.metadata())
                    .strings("systems", selection.systems()).build());
        }
        if (metadata != null) {
            BsonDocument documents = new BsonDocument();
            metadata.documents().forEach((collection, count) -> documents.put(collection, new BsonInt64(count)));
            json.put("metadata", new JsonObject.Builder().put("database", metadata.database())
                    .put("documents", documents).put("keys", metadata.keys()).build());
        }
        json.documents("databases", databases.stream().map(database -> new JsonObject.Builder()
                .put("system", database.system()).put("name", database.name())
                .put("collections", database.collections()).put("documents", database.documents())
                .put("bytes", database.bytes()).put("hosts", database.hosts()).build()).toList());
        if (counts != null) {
            json.put("counts", new JsonObject.Builder().put("metadataDocuments", counts.metadataDocuments())
                    .put("databases", counts.databases()).put("collections", counts.collections())
                    .put("documents", counts.documents()).put("bytes", counts.bytes()).build());
        }
        json.strings("warnings", warnings);
        json.put("profile", profile == null ? null : profile.toBson());
        json.documents("entries", entries.stream().map(entry -> new JsonObject.Builder().put("path", entry.path())
                .put("kind", entry.kind() == null ? null : entry.kind().word()).put("system", entry.system()).put("database", entry.database())
                .put("collection", entry.collection()).put("bytes", entry.bytes())
                .put("documents", entry.documents()).put("sha256", entry.sha256()).build()).toList());
        return JsonObject.write(json.build());
    }

    /**
     * Reads a manifest from its JSON object. Fields this build does not know are ignored (a newer tool may add
     * some); checking what is there is {@link #problems}'s job.
     *
     * @throws IllegalArgumentException naming a field of the wrong type
     */
    public static Manifest fromJson(JsonObject json) {
        JsonObject tool = json.object("tool");
        JsonObject source = json.object("source");
        JsonObject application = json.object("application");
        JsonObject selection = json.object("selection");
        JsonObject metadata = json.object("metadata");
        JsonObject counts = json.object("counts");
        JsonObject profile = json.object("profile");
        List<JsonObject> databases = json.objects("databases");
        List<JsonObject> entries = json.objects("entries");
        return new Manifest(json.string("format"), json.int32("formatVersion", 0), json.string("createdAt"),
                tool == null ? null : new Tool(tool.string("name"), tool.string("version")),
                source == null ? null : new Source(source.string("hosts"), source.string("serverVersion"),
                        source.string("topology")),
                application == null ? null : new Application(application.string("name"),
                        application.string("displayName"), application.string("naming")),
                selection == null ? null : new SelectionInfo(selection.bool("metadata", false),
                        selection.strings("systems")),
                metadata == null ? null : new MetadataInfo(metadata.string("database"),
                        metadata.map("documents", JsonObject.Field::int64), metadata.string("keys")),
                databases == null ? null : databases.stream().map(database -> new DatabaseInfo(
                        database.string("system"), database.string("name"), database.int32("collections", 0),
                        database.int64("documents", 0), database.int64("bytes", 0), database.string("hosts")))
                        .toList(),
                counts == null ? null : new Counts(counts.int64("metadataDocuments", 0), counts.int32("databases", 0),
                        counts.int32("collections", 0), counts.int64("documents", 0), counts.int64("bytes", 0)),
                json.strings("warnings"),
                profile == null ? null : ExtractionProfile.fromJson(profile, false),
                entries == null ? null : entries.stream().map(entry -> new Entry(entry.string("path"),
                        kind(entry), entry.string("system"), entry.string("database"),
                        entry.string("collection"), entry.int64("bytes", 0), entry.int64("documents", 0),
                        entry.string("sha256"))).toList());
    }

    private static Optional<String> unknownSystem(String system) {
        try {
            SystemKind.parse(system);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("it names an unknown system: " + e.getMessage());
        }
    }

    /** The kind an entry of the manifest names; a word this build does not know makes the manifest invalid. */
    private static EntryKind kind(JsonObject entry) {
        String word = entry.string("kind");
        if (word == null) {
            return null;
        }
        return EntryKind.ofWord(word).orElseThrow(() -> new IllegalArgumentException("the entry "
                + entry.string("path") + " has an unknown kind '" + word + "'"));
    }

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
}
