package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.ExtractionProfile.CollectionSpec;
import aom.migration.model.ExtractionProfile.ImportPolicy;
import aom.migration.model.ExtractionProfile.Ownership;
import aom.migration.model.FieldPath;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metadata documents of one side of an import (the bundle's closure, or the target's {@code apiomat} database)
 * indexed by collection and id, with the lookups the profile's relations need: references, key references,
 * children of a parent, and who owns a document.
 *
 * <p>The target side is read with a projection onto the fields the profile names (ids, keys, references), so that
 * module jars and other large fields of the whole installation are never held in memory.
 */
final class MetadataIndex {

    private static final Map<String, FieldPath> PATHS = new ConcurrentHashMap<>();
    private static final int MAX_DEPTH = 32;

    private final ExtractionProfile profile;
    private final Map<String, Map<BsonValue, BsonDocument>> byId = new LinkedHashMap<>();
    private final Map<String, Map<BsonValue, List<BsonValue>>> childrenByParent = new HashMap<>();
    private final Map<String, Map<List<BsonValue>, List<BsonValue>>> byFieldValues = new HashMap<>();

    private MetadataIndex(ExtractionProfile profile) {
        this.profile = profile;
        for (String collection : profile.collections().keySet()) {
            byId.put(collection, new LinkedHashMap<>());
        }
    }

    /** Indexes documents given per collection (the closure of a bundle); collections the profile lacks are ignored. */
    static MetadataIndex of(ExtractionProfile profile, Map<String, ? extends List<? extends BsonDocument>> documents) {
        MetadataIndex index = new MetadataIndex(profile);
        documents.forEach((collection, list) -> {
            Map<BsonValue, BsonDocument> target = index.byId.get(collection);
            if (target != null && list != null) {
                for (BsonDocument document : list) {
                    BsonValue id = document.get("_id");
                    if (id != null) {
                        target.put(id, document);
                    }
                }
            }
        });
        return index;
    }

    /** Reads the identifying fields of every metadata document of an installation. */
    static MetadataIndex read(ExtractionProfile profile, MongoDatabase database, CancellationToken cancel) {
        MetadataIndex index = new MetadataIndex(profile);
        Set<String> existing = database.listCollectionNames().into(new TreeSet<>());
        for (String collection : profile.collections().keySet()) {
            if (!existing.contains(collection)) {
                continue;
            }
            Map<BsonValue, BsonDocument> target = index.byId.get(collection);
            try (MongoCursor<BsonDocument> cursor = database.getCollection(collection, BsonDocument.class).find()
                    .projection(Projections.include(projection(profile, collection))).iterator()) {
                while (cursor.hasNext()) {
                    cancel.throwIfCancelled();
                    BsonDocument document = cursor.next();
                    target.put(document.get("_id"), document);
                }
            }
        }
        return index;
    }

    static FieldPath path(String text) {
        return PATHS.computeIfAbsent(text, FieldPath::parse);
    }

    ExtractionProfile profile() {
        return profile;
    }

    CollectionSpec spec(String collection) {
        return profile.collection(collection);
    }

    /** The profile's collections, in the profile's order. */
    Collection<String> collections() {
        return byId.keySet();
    }

    Collection<BsonDocument> documents(String collection) {
        return byId.getOrDefault(collection, Map.of()).values();
    }

    BsonDocument get(String collection, BsonValue id) {
        return id == null ? null : byId.getOrDefault(collection, Map.of()).get(id);
    }

    boolean contains(String collection, BsonValue id) {
        return get(collection, id) != null;
    }

    int size() {
        return byId.values().stream().mapToInt(Map::size).sum();
    }

    /** The names of every application in this index. */
    List<String> applicationNames() {
        String nameField = profile.application().nameField();
        List<String> names = new ArrayList<>();
        for (BsonDocument app : documents(profile.application().collection())) {
            BsonValue name = app.get(nameField);
            if (name != null && name.isString()) {
                names.add(name.asString().getValue());
            }
        }
        return names;
    }

    /** The application documents called {@code name} (normally one). */
    List<BsonDocument> applications(String name) {
        String nameField = profile.application().nameField();
        List<BsonDocument> found = new ArrayList<>();
        for (BsonDocument app : documents(profile.application().collection())) {
            BsonValue value = app.get(nameField);
            if (value != null && value.isString() && value.asString().getValue().equals(name)) {
                found.add(app);
            }
        }
        return found;
    }

    /** The documents of {@code childCollection} whose parent field points at {@code parentId}. */
    List<BsonDocument> children(String childCollection, BsonValue parentId) {
        Map<BsonValue, List<BsonValue>> byParent = childrenByParent.computeIfAbsent(childCollection, c -> {
            Map<BsonValue, List<BsonValue>> map = new HashMap<>();
            FieldPath parent = path(spec(c).parent());
            byId.get(c).forEach((id, document) -> {
                for (BsonValue value : parent.get(document)) {
                    map.computeIfAbsent(value, v -> new ArrayList<>()).add(id);
                }
            });
            return map;
        });
        List<BsonDocument> children = new ArrayList<>();
        for (BsonValue id : byParent.getOrDefault(parentId, List.of())) {
            children.add(get(childCollection, id));
        }
        return children;
    }

    /**
     * The documents of {@code collection} whose fields equal those of a key-reference value
     * ({@code {name, version}} -> the module with that name and version).
     *
     * @param fields referencing field -> referenced field, as the profile's key reference says
     */
    List<BsonDocument> matching(String collection, Map<String, String> fields, BsonDocument value) {
        List<String> referencingFields = new ArrayList<>(fields.keySet());
        List<String> referencedFields = referencingFields.stream().map(fields::get).toList();
        Map<List<BsonValue>, List<BsonValue>> index = byFieldValues.computeIfAbsent(
                collection + "\u0000" + String.join("\u0000", referencedFields), k -> {
                    Map<List<BsonValue>, List<BsonValue>> map = new HashMap<>();
                    byId.getOrDefault(collection, Map.of()).forEach((id, document) ->
                            map.computeIfAbsent(fieldValues(document, referencedFields), v -> new ArrayList<>())
                                    .add(id));
                    return map;
                });
        List<BsonDocument> found = new ArrayList<>();
        for (BsonValue id : index.getOrDefault(fieldValues(value, referencingFields), List.of())) {
            found.add(get(collection, id));
        }
        return found;
    }

    /** The document that a parent-owned document belongs to, or {@code null} (none, or not in this index). */
    Located parentOf(String collection, BsonDocument document) {
        CollectionSpec spec = spec(collection);
        if (spec.owner() != Ownership.PARENT) {
            return null;
        }
        String parentCollection = spec.references().get(spec.parent());
        BsonDocument parent = get(parentCollection, path(spec.parent()).first(document));
        return parent == null ? null : new Located(parentCollection, parent);
    }

    /**
     * Who really owns a document: {@code app} documents flagged by {@code sharedWhen} are shared, parent-owned
     * documents belong to whoever owns their parent (an orphan counts as the application's).
     */
    Ownership effectiveOwner(String collection, BsonDocument document) {
        Located owner = owningAncestor(collection, document);
        CollectionSpec spec = spec(owner.collection());
        if (spec.owner() == Ownership.PARENT) {
            return Ownership.APP;
        }
        return isSharedByFlag(spec, owner.document()) ? Ownership.SHARED : spec.owner();
    }

    /** What an import does when the target has this document: parent-owned documents follow their parent. */
    ImportPolicy policy(String collection, BsonDocument document) {
        Located owner = owningAncestor(collection, document);
        CollectionSpec spec = spec(owner.collection());
        if (spec.owner() != Ownership.PARENT) {
            return isSharedByFlag(spec, owner.document()) ? ImportPolicy.KEEP_EXISTING : spec.importPolicy();
        }
        return spec.importPolicy() == null ? ImportPolicy.REPLACE : spec.importPolicy();
    }

    /**
     * The first document up the parent chain that is not parent-owned itself (a class's module); for an orphan,
     * the last parent-owned document that could be found.
     */
    private Located owningAncestor(String collection, BsonDocument document) {
        Located current = new Located(collection, document);
        for (int depth = 0; depth < MAX_DEPTH && spec(current.collection()).owner() == Ownership.PARENT; depth++) {
            Located parent = parentOf(current.collection(), current.document());
            if (parent == null) {
                break;
            }
            current = parent;
        }
        return current;
    }

    /** A document together with the collection it lives in. */
    record Located(String collection, BsonDocument document) {
        BsonValue id() {
            return document.get("_id");
        }
    }

    private static boolean isSharedByFlag(CollectionSpec spec, BsonDocument document) {
        if (spec.sharedWhen() == null) {
            return false;
        }
        BsonValue flag = path(spec.sharedWhen()).first(document);
        return flag != null && flag.isBoolean() && flag.asBoolean().getValue();
    }

    private static List<BsonValue> fieldValues(BsonDocument document, List<String> fields) {
        List<BsonValue> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            values.add(path(field).first(document));
        }
        return values;
    }

    /** The fields to read of one collection: id, key, references, key references, flags, the application name. */
    private static List<String> projection(ExtractionProfile profile, String collection) {
        CollectionSpec spec = profile.collection(collection);
        List<String> paths = new ArrayList<>();
        paths.add("_id");
        spec.key().forEach(paths::add);
        paths.addAll(spec.references().keySet());
        paths.addAll(spec.keyReferences().keySet());
        if (spec.sharedWhen() != null) {
            paths.add(spec.sharedWhen());
        }
        if (spec.parent() != null) {
            paths.add(spec.parent());
        }
        if (collection.equals(profile.application().collection())) {
            paths.add(profile.application().nameField());
        }
        // Whole top-level fields: a projection may not name both a field and one of its sub-fields, and the
        // sub-documents involved (a jar's metadata) are small.
        TreeSet<String> fields = new TreeSet<>();
        for (String path : paths) {
            fields.add(path(path).topLevelField());
        }
        return new ArrayList<>(fields);
    }
}
