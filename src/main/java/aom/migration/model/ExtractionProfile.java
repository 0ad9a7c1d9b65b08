package aom.migration.model;

import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Describes the global metadata database of one ApiOmat version, so that the engine computes an application's
 * closure and merges it without hard-coding collection or field names. The default, {@code default-profile.json},
 * describes the reference schema of DESIGN.md section 3; a support engineer can pass another file.
 *
 * <p>Field paths are dotted ({@code metadata.moduleId}); a segment ending in {@code []} stands for every element of
 * an array ({@code memberIds[]}); a segment {@code *} stands for every value of an embedded document
 * ({@code usedModules.*[]}: every module key of every system).
 *
 * @param database    the global metadata database, {@code apiomat}
 * @param application where applications live and which fields name them
 * @param password    where customer passwords live and how a reset hashes them
 * @param collections every metadata collection that takes part in the closure, in a dependency-friendly order
 */
public record ExtractionProfile(
        String database,
        ApplicationSpec application,
        PasswordSpec password,
        Map<String, CollectionSpec> collections) {

    /** The resource holding the default profile. */
    public static final String DEFAULT_RESOURCE = "/aom/migration/model/default-profile.json";

    /** Who a document belongs to, which decides the import policy. */
    public enum Ownership {
        /** Belongs to one application: replaced on import. */
        APP("app"),
        /** Shared by the installation: kept where the target has it, references remapped. */
        SHARED("shared"),
        /** Belongs to whoever owns the document its {@code parent} field points to. */
        PARENT("parent");

        private final String json;

        Ownership(String json) {
            this.json = json;
        }

        /** The word a profile uses. */
        public String json() {
            return json;
        }
    }

    /** What an import does with a document the target already has under the same natural key. */
    public enum ImportPolicy {
        /** Overwrite the target's document with the bundle's. */
        REPLACE("replace"),
        /** Keep the target's document and remap every reference to its id. */
        KEEP_EXISTING("keepExisting");

        private final String json;

        ImportPolicy(String json) {
            this.json = json;
        }

        /** The word a profile uses. */
        public String json() {
            return json;
        }
    }

    /**
     * @param collection       the collection of application documents
     * @param nameField        field with the application's name (also its database name)
     * @param displayNameField field with the name shown to people
     */
    public record ApplicationSpec(String collection, String nameField, String displayNameField) {
    }

    /**
     * @param collection where passwords are stored
     * @param field      the hash field
     * @param scheme     the hash scheme; only {@code pbkdf2-sha256} is supported
     * @param iterations PBKDF2 iterations for a reset
     * @param resetTo    the clear-text password a reset sets (ApiOmat's convention: {@code secret})
     */
    public record PasswordSpec(String collection, String field, String scheme, int iterations, String resetTo) {
    }

    /**
     * A reference by natural key instead of id, such as {@code usedModules} entries ({@code {name, version}}).
     *
     * @param collection the referenced collection
     * @param fields     field of the referencing value -> natural-key field of the referenced document
     */
    public record KeyReference(String collection, Map<String, String> fields) {
    }

    /**
     * @param key             natural key fields; a reference field in the key stands for the referenced document's
     *                        natural key, so keys survive id changes
     * @param owner           who owns documents of this collection
     * @param parent          with {@code owner: parent}, the reference field that points at the owning document;
     *                        documents are also pulled into the closure as children of an included parent
     * @param sharedWhen      a boolean field that, when true, makes an app-owned document shared ({@code shared})
     * @param references      id-valued reference fields -> referenced collection
     * @param keyReferences   natural-key-valued reference fields -> how they resolve
     * @param importPolicy    what an import does when the target has the document; defaults from {@code owner}
     * @param declaredThrough for collections whose documents an application must declare (modules): the
     *                        {@code collection:path} key references that count as a declaration; a document pulled
     *                        in only through an id reference gets a warning in the manifest
     * @param label           what a support engineer calls one document ({@code module}, {@code class}); used in
     *                        warnings and previews, defaults to the collection name
     */
    public record CollectionSpec(
            List<String> key,
            Ownership owner,
            String parent,
            String sharedWhen,
            Map<String, String> references,
            Map<String, KeyReference> keyReferences,
            ImportPolicy importPolicy,
            List<String> declaredThrough,
            String label) {

        public CollectionSpec {
            key = key == null ? List.of() : List.copyOf(key);
            references = references == null ? Map.of() : new LinkedHashMap<>(references);
            keyReferences = keyReferences == null ? Map.of() : new LinkedHashMap<>(keyReferences);
            declaredThrough = declaredThrough == null ? List.of() : List.copyOf(declaredThrough);
            if (importPolicy == null && owner != null) {
                importPolicy = owner == Ownership.SHARED ? ImportPolicy.KEEP_EXISTING : ImportPolicy.REPLACE;
            }
        }

        /** The spec as the JSON object a profile holds (absent parts left out). */
        BsonDocument toBson() {
            BsonDocument keyRefs = new BsonDocument();
            keyReferences.forEach((path, reference) -> keyRefs.put(path, new JsonObject.Builder()
                    .put("collection", reference.collection())
                    .put("fields", strings(reference.fields())).build()));
            return new JsonObject.Builder().put("label", label).strings("key", key)
                    .put("owner", owner == null ? null : owner.json()).put("parent", parent)
                    .put("sharedWhen", sharedWhen).put("references", strings(references))
                    .put("keyReferences", keyRefs).put("importPolicy", importPolicy == null ? null : importPolicy.json())
                    .strings("declaredThrough", declaredThrough).build();
        }

        private static BsonDocument strings(Map<String, String> map) {
            if (map == null) {
                return null;
            }
            BsonDocument document = new BsonDocument();
            map.forEach((name, value) -> document.put(name, value == null ? BsonNull.VALUE : new BsonString(value)));
            return document;
        }

        /** A spec without a label (older callers). */
        public CollectionSpec(List<String> key, Ownership owner, String parent, String sharedWhen,
                              Map<String, String> references, Map<String, KeyReference> keyReferences,
                              ImportPolicy importPolicy, List<String> declaredThrough) {
            this(key, owner, parent, sharedWhen, references, keyReferences, importPolicy, declaredThrough, null);
        }
    }

    public ExtractionProfile {
        collections = collections == null ? Map.of() : new LinkedHashMap<>(collections);
    }

    /** The default profile, describing the reference schema. */
    public static ExtractionProfile defaults() {
        try (InputStream in = ExtractionProfile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DEFAULT_RESOURCE);
            }
            return parse(in.readAllBytes(), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a profile from a file a support engineer supplied.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static ExtractionProfile load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException("Cannot read the extraction profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates a profile; {@code origin} names it in messages. */
    public static ExtractionProfile parse(byte[] json, String origin) {
        ExtractionProfile profile;
        try {
            profile = fromJson(JsonObject.parse(json), true);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("The extraction profile " + origin + " is not valid: "
                    + e.getMessage(), e);
        }
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new BadInputException("The extraction profile " + origin + " is not valid: "
                    + String.join("; ", problems));
        }
        return profile;
    }

    /**
     * Reads a profile from its JSON object, without validating it ({@link #problems}).
     *
     * @param strict refuse fields a profile does not have, for files people write, where a misspelt field would
     *               otherwise go unnoticed; a profile inside a manifest is read leniently (a newer tool may add one)
     * @throws IllegalArgumentException naming a field of the wrong type or, when strict, an unknown one
     */
    public static ExtractionProfile fromJson(JsonObject json, boolean strict) {
        if (strict) {
            json.rejectUnknown(Set.of("database", "application", "password", "collections"));
        }
        ApplicationSpec application = null;
        JsonObject app = json.object("application");
        if (app != null) {
            if (strict) {
                app.rejectUnknown(Set.of("collection", "nameField", "displayNameField"));
            }
            application = new ApplicationSpec(app.string("collection"), app.string("nameField"),
                    app.string("displayNameField"));
        }
        PasswordSpec password = null;
        JsonObject secret = json.object("password");
        if (secret != null) {
            if (strict) {
                secret.rejectUnknown(Set.of("collection", "field", "scheme", "iterations", "resetTo"));
            }
            password = new PasswordSpec(secret.string("collection"), secret.string("field"), secret.string("scheme"),
                    secret.int32("iterations", 0), secret.string("resetTo"));
        }
        Map<String, CollectionSpec> collections = json.map("collections",
                field -> collectionFromJson(field.object(), strict));
        return new ExtractionProfile(json.string("database"), application, password, collections);
    }

    private static CollectionSpec collectionFromJson(JsonObject spec, boolean strict) {
        if (strict) {
            spec.rejectUnknown(Set.of("label", "key", "owner", "parent", "sharedWhen", "references", "keyReferences",
                    "importPolicy", "declaredThrough"));
        }
        Map<String, KeyReference> keyReferences = spec.map("keyReferences", field -> {
            JsonObject reference = field.object();
            if (strict) {
                reference.rejectUnknown(Set.of("collection", "fields"));
            }
            return new KeyReference(reference.string("collection"), reference.map("fields",
                    JsonObject.Field::string));
        });
        return new CollectionSpec(spec.strings("key"), word(spec, "owner", Ownership.values(), Ownership::json),
                spec.string("parent"), spec.string("sharedWhen"), spec.map("references", JsonObject.Field::string),
                keyReferences, word(spec, "importPolicy", ImportPolicy.values(), ImportPolicy::json),
                spec.strings("declaredThrough"), spec.string("label"));
    }

    /** One of {@code values}, by the word a profile uses for it, or null when the field is absent. */
    private static <E> E word(JsonObject object, String field, E[] values, Function<E, String> json) {
        String text = object.string(field);
        if (text == null) {
            return null;
        }
        for (E value : values) {
            if (json.apply(value).equals(text)) {
                return value;
            }
        }
        List<String> words = new ArrayList<>();
        for (E value : values) {
            words.add(json.apply(value));
        }
        String at = object.path().isEmpty() ? field : object.path() + "." + field;
        throw new IllegalArgumentException("'" + at + "' is '" + text + "'; it must be one of "
                + String.join(", ", words));
    }

    /** Serialises the profile, e.g. to record it in a bundle. */
    public byte[] toJson() {
        return JsonObject.write(toBson());
    }

    /** The profile as the JSON object {@link #fromJson} reads (absent parts left out). */
    public BsonDocument toBson() {
        JsonObject.Builder json = new JsonObject.Builder().put("database", database);
        if (application != null) {
            json.put("application", new JsonObject.Builder().put("collection", application.collection())
                    .put("nameField", application.nameField())
                    .put("displayNameField", application.displayNameField()).build());
        }
        if (password != null) {
            json.put("password", new JsonObject.Builder().put("collection", password.collection())
                    .put("field", password.field()).put("scheme", password.scheme())
                    .put("iterations", password.iterations()).put("resetTo", password.resetTo()).build());
        }
        BsonDocument specs = new BsonDocument();
        collections.forEach((name, spec) -> specs.put(name, spec.toBson()));
        return json.put("collections", specs).build();
    }

    public CollectionSpec collection(String name) {
        CollectionSpec spec = collections.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("The extraction profile has no collection '" + name + "'");
        }
        return spec;
    }

    /** What a support engineer calls one document of {@code collection}: its label, or the collection name. */
    public String label(String collection) {
        CollectionSpec spec = collections.get(collection);
        return spec == null || spec.label() == null || spec.label().isBlank() ? collection : spec.label();
    }

    /** Everything that makes the profile unusable; empty when it is fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (database == null || database.isBlank()) {
            problems.add("'database' is missing");
        }
        if (application == null || application.collection() == null || application.nameField() == null) {
            problems.add("'application' needs 'collection' and 'nameField'");
        } else if (!collections.containsKey(application.collection())) {
            problems.add("the application collection '" + application.collection() + "' is not under 'collections'");
        }
        if (password != null && !PasswordHash.SCHEME.equals(password.scheme())) {
            problems.add("password scheme '" + password.scheme() + "' is not supported (only "
                    + PasswordHash.SCHEME + ")");
        }
        collections.forEach((name, spec) -> {
            if (spec.key().isEmpty()) {
                problems.add("collection '" + name + "' has no natural 'key'");
            }
            if (spec.owner() == null) {
                problems.add("collection '" + name + "' has no 'owner' (app, shared or parent)");
            }
            if (spec.owner() == Ownership.PARENT && (spec.parent() == null
                    || !spec.references().containsKey(spec.parent()))) {
                problems.add("collection '" + name + "' is owned by its parent, so 'parent' must name one of its"
                        + " 'references'");
            }
            spec.references().forEach((path, target) -> {
                if (!collections.containsKey(target)) {
                    problems.add("reference " + name + "." + path + " points to unknown collection '" + target + "'");
                }
            });
            spec.keyReferences().forEach((path, reference) -> {
                if (reference == null || !collections.containsKey(reference.collection())) {
                    problems.add("key reference " + name + "." + path + " points to an unknown collection");
                }
            });
        });
        return problems;
    }

}
