package aom.migration.comparison;

import aom.migration.bundle.ClosureRecord;
import aom.migration.export.MetadataClosure;
import aom.migration.export.MetadataExtractor;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.FieldPath;
import aom.migration.model.NaturalKeys;
import aom.migration.mongo.UnknownApplicationException;
import aom.migration.progress.CancellationToken;
import aom.migration.restore.DocumentsById;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares an application's metadata slice in two installations. Both closures are walked by the export's
 * {@link MetadataExtractor}; entities are matched by natural key, and each document is compared with its id left out
 * and every id reference replaced by the referenced entity's natural key, so that an import that gave entities new
 * ids (or kept the target's shared ones) still compares equal. Shared entities (customers, plans, {@code Basics})
 * compare by key only: an import keeps the target's version of them on purpose.
 */
final class MetadataSliceComparison {

    private final ExtractionProfile profile;

    MetadataSliceComparison(ExtractionProfile profile) {
        this.profile = profile;
    }

    /** Per metadata collection how the two slices compare, and the differences in words. */
    record Result(List<ComparisonReport.MetadataRow> rows, List<String> differences) {
    }

    /** One entity of a slice as it is compared. */
    private record Entity(String description, BsonDocument comparable, boolean shared) {
    }

    /**
     * @throws UnknownApplicationException when the source has no such application (a target without it is a
     *                                     difference)
     */
    Result compare(MongoDatabase source, MongoDatabase target, String application, CancellationToken cancel) {
        Map<String, Map<String, Entity>> from = slice(source, application, cancel);
        Map<String, Map<String, Entity>> to;
        List<String> differences = new ArrayList<>();
        try {
            to = slice(target, application, cancel);
        } catch (UnknownApplicationException e) {
            to = Map.of();
            differences.add("The target has no application " + application + " in its metadata");
        }
        List<ComparisonReport.MetadataRow> rows = new ArrayList<>();
        for (String collection : profile.collections().keySet()) {
            Map<String, Entity> a = from.getOrDefault(collection, Map.of());
            Map<String, Entity> b = to.getOrDefault(collection, Map.of());
            if (a.isEmpty() && b.isEmpty()) {
                continue;
            }
            int before = differences.size();
            int matching = 0;
            TreeSet<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String key : keys) {
                Entity mine = a.get(key);
                Entity theirs = b.get(key);
                String label = profile.collection(collection).label() + " "
                        + (mine != null ? mine.description() : theirs.description());
                if (mine == null) {
                    differences.add(label + " is only in the target's " + application);
                } else if (theirs == null) {
                    differences.add(label + " is missing in the target's " + application);
                } else if (mine.shared() || theirs.shared() || mine.comparable().equals(theirs.comparable())) {
                    matching++;
                } else {
                    differences.add(label + " differs");
                }
            }
            rows.add(new ComparisonReport.MetadataRow(collection, a.size(), b.size(), matching,
                    differences.size() == before));
        }
        return new Result(rows, differences);
    }

    /** The application's slice of one installation: collection -> key text -> entity. */
    private Map<String, Map<String, Entity>> slice(MongoDatabase database, String application,
                                                   CancellationToken cancel) {
        MetadataClosure closure = new MetadataExtractor(database, profile).closure(application, cancel);
        Map<String, Map<BsonValue, BsonDocument>> keys = new HashMap<>();
        closure.records().forEach((collection, records) -> {
            Map<BsonValue, BsonDocument> byId = new HashMap<>();
            records.forEach(record -> byId.put(record.id(), record.key()));
            keys.put(collection, byId);
        });
        Map<String, Map<String, Entity>> slice = new LinkedHashMap<>();
        closure.records().forEach((collection, records) -> {
            Map<BsonValue, BsonDocument> documents = DocumentsById.read(database, collection,
                    records.stream().map(ClosureRecord::id).toList(), cancel);
            Map<String, Entity> entities = new LinkedHashMap<>();
            for (ClosureRecord record : records) {
                BsonDocument document = documents.get(record.id());
                if (document != null) {
                    entities.put(NaturalKeys.text(record.key()), new Entity(NaturalKeys.describe(record.key()),
                            comparable(collection, document, keys), record.shared()));
                }
            }
            slice.put(collection, entities);
        });
        return slice;
    }

    /** The document without its id, every id reference replaced by the referenced entity's natural key. */
    private BsonDocument comparable(String collection, BsonDocument document,
                                    Map<String, Map<BsonValue, BsonDocument>> keys) {
        BsonDocument copy = document.clone();
        copy.remove("_id");
        profile.collection(collection).references().forEach((path, referenced) -> FieldPath.parse(path)
                .replace(copy, value -> {
                    BsonDocument key = keys.getOrDefault(referenced, Map.of()).get(value);
                    return key == null ? value : key;
                }));
        return copy;
    }
}
