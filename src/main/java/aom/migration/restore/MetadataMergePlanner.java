package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.ExtractionProfile.CollectionSpec;
import aom.migration.model.ExtractionProfile.ImportPolicy;
import aom.migration.model.ExtractionProfile.Ownership;
import aom.migration.model.NaturalKeys;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, entity by entity, how one application's metadata closure merges into a target installation
 * (DESIGN.md section 5, step 3) and computes the documents to write with every reference remapped.
 *
 * <ul>
 *   <li>Entities are matched by natural key. A matched entity keeps the <b>target's id</b>: other applications of
 *       the target may point at it, and remapping the imported references to the kept id keeps theirs valid.</li>
 *   <li>Shared entities (customers, plans, {@code Basics}) the target has are kept as they are.</li>
 *   <li>The application's own entities are overwritten, unless another application of the target uses the
 *       target's version and it differs: then it is a conflict and the target's is kept, because an import must
 *       never change another application.</li>
 *   <li>New entities keep their id unless the target uses it for something else; then they get a new ObjectId.</li>
 *   <li>The application's entities that only the target has are removed, unless another application uses them.</li>
 * </ul>
 */
final class MetadataMergePlanner {

    private final ExtractionProfile profile;
    private final MongoDatabase database;

    MetadataMergePlanner(ExtractionProfile profile, MongoDatabase database) {
        this.profile = profile;
        this.database = database;
    }

    /** One entity of the import on its way through the planner. */
    private static final class Decision {
        final String collection;
        final BsonDocument source;
        final BsonValue sourceId;
        final String key;
        BsonValue targetId;
        boolean matched;
        int matches;
        BsonDocument remapped;
        EntityOutcome outcome;
        String reason;
        boolean targetFrozen;
        boolean resetPassword;

        Decision(String collection, BsonDocument source, String key) {
            this.collection = collection;
            this.source = source;
            this.sourceId = source.get("_id");
            this.key = key;
        }

        /** Whether the entity gets another id in the target than in the bundle. */
        boolean renumbered() {
            return !targetId.equals(sourceId);
        }

        /** Whether the target's version stays as it is (so nothing may be added below it). */
        boolean keepsTargetVersion() {
            return outcome == EntityOutcome.KEPT_FROM_TARGET || outcome == EntityOutcome.CONFLICT
                    || outcome == EntityOutcome.IDENTICAL && targetFrozen;
        }
    }

    MetadataMergePlan plan(String application, Map<String, List<RawBsonDocument>> closure, boolean resetPasswords,
                           CancellationToken cancel) {
        MetadataIndex source = MetadataIndex.of(profile, closure);
        MetadataIndex target = MetadataIndex.read(profile, database, cancel);
        NaturalKeys sourceKeys = new NaturalKeys(profile, source::get);
        NaturalKeys targetKeys = new NaturalKeys(profile, target::get);
        Map<String, Map<String, List<BsonValue>>> targetByKey = keysOf(target, targetKeys);
        Map<String, Set<BsonValue>> targetSlice = ApplicationSlice.of(target, application);
        Map<String, Map<BsonValue, Set<String>>> usedBy = usedByOtherApplications(target, application, cancel);
        List<String> order = parentsFirst();
        List<String> warnings = new ArrayList<>();

        Map<String, Map<BsonValue, Decision>> decisions = new LinkedHashMap<>();
        for (String collection : order) {
            Map<BsonValue, Decision> byId = new LinkedHashMap<>();
            decisions.put(collection, byId);
            for (BsonDocument document : source.documents(collection)) {
                Decision decision = new Decision(collection, document,
                        NaturalKeys.describe(sourceKeys.keyOf(collection, document)));
                List<BsonValue> matches = targetByKey.get(collection)
                        .getOrDefault(NaturalKeys.text(sourceKeys.keyOf(collection, document)), List.of());
                decision.matches = matches.size();
                if (!matches.isEmpty()) {
                    decision.matched = true;
                    decision.targetId = matches.get(0);
                } else if (target.contains(collection, decision.sourceId)) {
                    decision.targetId = new BsonObjectId(new ObjectId());
                    BsonDocument holder = target.get(collection, decision.sourceId);
                    decision.reason = "its id is taken in the target by "
                            + NaturalKeys.describe(targetKeys.keyOf(collection, holder)) + ", so it gets a new id";
                } else {
                    decision.targetId = decision.sourceId;
                }
                byId.put(decision.sourceId, decision);
            }
        }
        for (Map<BsonValue, Decision> byId : decisions.values()) {
            for (Decision decision : byId.values()) {
                cancel.throwIfCancelled();
                decision.remapped = remap(decision, decisions, source, warnings);
            }
        }
        Map<String, Map<BsonValue, BsonDocument>> targetDocuments = fetchMatched(decisions, source, cancel);
        for (String collection : order) {
            for (Decision decision : decisions.get(collection).values()) {
                decide(decision, source, target, decisions, targetDocuments, usedBy, resetPasswords);
            }
        }
        warnAboutSkipped(decisions, source, warnings);
        return assemble(application, decisions, target, targetKeys, targetSlice, usedBy, order, warnings);
    }

    private void decide(Decision decision, MetadataIndex source, MetadataIndex target,
                        Map<String, Map<BsonValue, Decision>> decisions,
                        Map<String, Map<BsonValue, BsonDocument>> targetDocuments,
                        Map<String, Map<BsonValue, Set<String>>> usedBy, boolean resetPasswords) {
        String collection = decision.collection;
        ImportPolicy policy = source.policy(collection, decision.source);
        if (decision.matched) {
            BsonDocument targetDocument = target.get(collection, decision.targetId);
            Set<String> users = usedBy.get(collection).getOrDefault(decision.targetId, Set.of());
            decision.targetFrozen = !users.isEmpty()
                    || target.effectiveOwner(collection, targetDocument) == Ownership.SHARED;
            if (decision.matches > 1) {
                decision.outcome = EntityOutcome.CONFLICT;
                decision.reason = "the target has " + decision.matches + " entities with this key; the import keeps"
                        + " the first (" + EntityChange.idText(decision.targetId) + ") and does not change them";
            } else if (policy == ImportPolicy.KEEP_EXISTING) {
                decision.outcome = EntityOutcome.KEPT_FROM_TARGET;
                decision.reason = decision.renumbered()
                        ? "shared; references now point to the target's id" : "shared";
            } else {
                BsonDocument full = targetDocuments.get(collection).get(decision.targetId);
                boolean identical = decision.remapped.equals(full);
                if (identical) {
                    decision.outcome = EntityOutcome.IDENTICAL;
                    decision.reason = users.isEmpty() ? null : "also used by " + String.join(", ", users);
                } else if (!users.isEmpty()) {
                    decision.outcome = EntityOutcome.CONFLICT;
                    decision.reason = "differs from the target's, which " + String.join(", ", users)
                            + " also uses; the target's is kept so that " + String.join(", ", users)
                            + " does not change";
                } else {
                    decision.outcome = EntityOutcome.OVERWRITE;
                    decision.reason = decision.renumbered() ? "keeps the target's id" : null;
                }
            }
            return;
        }
        Decision parent = parentDecision(decision, source, decisions);
        if (parent != null && (parent.keepsTargetVersion() || !isWritten(parent))) {
            decision.outcome = EntityOutcome.CONFLICT;
            decision.reason = "not imported: it belongs to " + parent.collection + " " + parent.key
                    + ", which stays as the target has it";
            return;
        }
        decision.outcome = EntityOutcome.NEW;
        if (resetPasswords && profile.password() != null && collection.equals(profile.password().collection())) {
            decision.resetPassword = true;
            decision.reason = decision.reason == null ? "password reset" : decision.reason + "; password reset";
        }
    }

    private static boolean isWritten(Decision decision) {
        return decision.outcome == EntityOutcome.NEW || decision.outcome == EntityOutcome.OVERWRITE
                || decision.outcome == EntityOutcome.IDENTICAL || decision.outcome == EntityOutcome.KEPT_FROM_TARGET;
    }

    private static Decision parentDecision(Decision decision, MetadataIndex source,
                                           Map<String, Map<BsonValue, Decision>> decisions) {
        MetadataIndex.Located parent = source.parentOf(decision.collection, decision.source);
        return parent == null ? null : decisions.get(parent.collection()).get(parent.id());
    }

    /** A copy of the source document with its id and every id-valued reference as the target will know them. */
    private BsonDocument remap(Decision decision, Map<String, Map<BsonValue, Decision>> decisions,
                               MetadataIndex source, List<String> warnings) {
        BsonDocument copy = decision.source instanceof RawBsonDocument raw
                ? raw.decode(new BsonDocumentCodec()) : decision.source.clone();
        copy.put("_id", decision.targetId);
        CollectionSpec spec = profile.collection(decision.collection);
        spec.references().forEach((path, referenced) -> MetadataIndex.path(path).replace(copy, value -> {
            Decision target = decisions.containsKey(referenced) ? decisions.get(referenced).get(value) : null;
            if (target == null) {
                if (!source.contains(referenced, value)) {
                    warnings.add(decision.collection + " " + decision.key + ": " + path + " points at "
                            + EntityChange.idText(value) + ", which the import does not contain; kept as it is");
                }
                return value;
            }
            return target.targetId;
        }));
        return copy;
    }

    /** Warns about imported documents that point at entities the merge does not import. */
    private void warnAboutSkipped(Map<String, Map<BsonValue, Decision>> decisions, MetadataIndex source,
                                  List<String> warnings) {
        for (Map<BsonValue, Decision> byId : decisions.values()) {
            for (Decision decision : byId.values()) {
                if (decision.outcome != EntityOutcome.NEW && decision.outcome != EntityOutcome.OVERWRITE) {
                    continue;
                }
                profile.collection(decision.collection).references().forEach((path, referenced) -> {
                    for (BsonValue value : MetadataIndex.path(path).get(decision.source)) {
                        Decision target = decisions.getOrDefault(referenced, Map.of()).get(value);
                        if (target != null && target.outcome == EntityOutcome.CONFLICT && !target.matched) {
                            warnings.add(decision.collection + " " + decision.key + ": " + path + " points at "
                                    + referenced + " " + target.key + ", which is not imported (conflict)");
                        }
                    }
                });
            }
        }
    }

    private MetadataMergePlan assemble(String application, Map<String, Map<BsonValue, Decision>> decisions,
                                       MetadataIndex target, NaturalKeys targetKeys,
                                       Map<String, Set<BsonValue>> targetSlice,
                                       Map<String, Map<BsonValue, Set<String>>> usedBy, List<String> order,
                                       List<String> warnings) {
        List<EntityChange> changes = new ArrayList<>();
        List<MetadataMergePlan.PlannedWrite> writes = new ArrayList<>();
        Map<String, Set<BsonValue>> matchedTargetIds = new HashMap<>();
        Map<String, Set<BsonValue>> rollbackIds = new LinkedHashMap<>();
        Map<String, Set<BsonValue>> present = new LinkedHashMap<>();
        Map<String, List<BsonValue>> deletions = new LinkedHashMap<>();
        for (String collection : profile.collections().keySet()) {
            rollbackIds.put(collection, new LinkedHashSet<>(targetSlice.getOrDefault(collection, Set.of())));
            present.put(collection, new LinkedHashSet<>());
            deletions.put(collection, new ArrayList<>());
            matchedTargetIds.put(collection, new LinkedHashSet<>());
        }
        for (String collection : profile.collections().keySet()) {
            for (Decision decision : decisions.get(collection).values()) {
                boolean written = decision.outcome == EntityOutcome.NEW || decision.outcome == EntityOutcome.OVERWRITE;
                if (decision.matched) {
                    matchedTargetIds.get(collection).add(decision.targetId);
                }
                if (written || decision.matched) {
                    present.get(collection).add(decision.targetId);
                }
                if (decision.outcome == EntityOutcome.OVERWRITE) {
                    rollbackIds.get(collection).add(decision.targetId);
                }
                if (written) {
                    writes.add(new MetadataMergePlan.PlannedWrite(collection, decision.key, decision.targetId,
                            decision.remapped, decision.outcome == EntityOutcome.NEW, decision.resetPassword));
                }
                changes.add(new EntityChange(collection, decision.key, decision.outcome, decision.reason,
                        EntityChange.idText(decision.sourceId),
                        decision.outcome == EntityOutcome.CONFLICT && !decision.matched
                                ? null : EntityChange.idText(decision.targetId)));
                if (decision.outcome == EntityOutcome.CONFLICT) {
                    warnings.add("Conflict: " + collection + " " + decision.key + ": " + decision.reason);
                }
            }
        }
        for (String collection : order) {
            for (BsonValue id : targetSlice.getOrDefault(collection, Set.of())) {
                BsonDocument document = target.get(collection, id);
                if (target.effectiveOwner(collection, document) != Ownership.APP
                        || matchedTargetIds.get(collection).contains(id)) {
                    continue;
                }
                String key = NaturalKeys.describe(targetKeys.keyOf(collection, document));
                Set<String> users = usedBy.get(collection).getOrDefault(id, Set.of());
                if (users.isEmpty()) {
                    deletions.get(collection).add(id);
                    changes.add(new EntityChange(collection, key, EntityOutcome.REMOVED,
                            "only the target has it and nothing else uses it", null, EntityChange.idText(id)));
                } else {
                    present.get(collection).add(id);
                    changes.add(new EntityChange(collection, key, EntityOutcome.KEPT_IN_USE,
                            "still used by " + String.join(", ", users), null, EntityChange.idText(id)));
                }
            }
        }
        return new MetadataMergePlan(application, profile.database(), changes, dedupe(warnings), writes, deletions,
                rollbackIds, present);
    }

    private static List<String> dedupe(List<String> warnings) {
        return new ArrayList<>(new LinkedHashSet<>(warnings));
    }

    private Map<String, Map<String, List<BsonValue>>> keysOf(MetadataIndex index, NaturalKeys keys) {
        Map<String, Map<String, List<BsonValue>>> byKey = new LinkedHashMap<>();
        for (String collection : index.collections()) {
            Map<String, List<BsonValue>> map = new HashMap<>();
            for (BsonDocument document : index.documents(collection)) {
                map.computeIfAbsent(NaturalKeys.text(keys.keyOf(collection, document)), k -> new ArrayList<>())
                        .add(document.get("_id"));
            }
            byKey.put(collection, map);
        }
        return byKey;
    }

    /** For every target document: which other applications' closures contain it. */
    private Map<String, Map<BsonValue, Set<String>>> usedByOtherApplications(MetadataIndex target, String application,
                                                                             CancellationToken cancel) {
        Map<String, Map<BsonValue, Set<String>>> usedBy = new LinkedHashMap<>();
        for (String collection : target.collections()) {
            usedBy.put(collection, new HashMap<>());
        }
        for (String other : new TreeSet<>(target.applicationNames())) {
            cancel.throwIfCancelled();
            if (other.equals(application)) {
                continue;
            }
            ApplicationSlice.of(target, other).forEach((collection, ids) -> {
                for (BsonValue id : ids) {
                    usedBy.get(collection).computeIfAbsent(id, i -> new TreeSet<>()).add(other);
                }
            });
        }
        return usedBy;
    }

    /** Full target documents of every matched entity whose content decides between identical and overwrite. */
    private Map<String, Map<BsonValue, BsonDocument>> fetchMatched(Map<String, Map<BsonValue, Decision>> decisions,
                                                                   MetadataIndex source, CancellationToken cancel) {
        Map<String, Map<BsonValue, BsonDocument>> fetched = new HashMap<>();
        decisions.forEach((collection, byId) -> {
            List<BsonValue> ids = new ArrayList<>();
            for (Decision decision : byId.values()) {
                if (decision.matched && source.policy(collection, decision.source) == ImportPolicy.REPLACE) {
                    ids.add(decision.targetId);
                }
            }
            fetched.put(collection, DocumentsById.read(database, collection, ids, cancel));
        });
        return fetched;
    }

    /** The profile's collections ordered so that a parent collection comes before its children. */
    private List<String> parentsFirst() {
        List<String> order = new ArrayList<>();
        for (String collection : profile.collections().keySet()) {
            addParentsFirst(collection, order, 0);
        }
        return order;
    }

    private void addParentsFirst(String collection, List<String> order, int depth) {
        if (order.contains(collection) || depth > profile.collections().size()) {
            return;
        }
        CollectionSpec spec = profile.collection(collection);
        if (spec.owner() == Ownership.PARENT) {
            addParentsFirst(spec.references().get(spec.parent()), order, depth + 1);
        }
        if (!order.contains(collection)) {
            order.add(collection);
        }
    }
}
