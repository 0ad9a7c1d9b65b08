package aom.migration.restore;

import aom.migration.model.ExtractionProfile.CollectionSpec;
import aom.migration.model.ExtractionProfile.KeyReference;
import aom.migration.model.ExtractionProfile.Ownership;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closure of one application inside a {@link MetadataIndex} (DESIGN.md section 3): the application document,
 * every document it reaches through the profile's references and key references, transitively, and the children
 * of every included parent (a module's classes, a class's attributes, a jar's chunks).
 *
 * <p>The import uses it on the target: to know what belongs to the application there (and may be removed), and
 * what every other application uses (and must stay).
 *
 * <p>It follows the same rules as the export's {@code ClosureWalker} but does not reuse it, on purpose: the walker
 * queries the server round by round for one application, while the merge needs the slice of <em>every</em>
 * application of the target (who else uses a module) and already holds the target's identifying fields in a
 * {@link MetadataIndex}; walking that in memory costs no round trips, where the walker would cost a few queries per
 * collection, round and application.
 */
final class ApplicationSlice {

    private ApplicationSlice() {
    }

    /** The ids per collection (profile order) of everything {@code application} needs. */
    static Map<String, Set<BsonValue>> of(MetadataIndex index, String application) {
        Map<String, Set<BsonValue>> slice = new LinkedHashMap<>();
        for (String collection : index.collections()) {
            slice.put(collection, new LinkedHashSet<>());
        }
        Deque<MetadataIndex.Located> work = new ArrayDeque<>();
        String applications = index.profile().application().collection();
        for (BsonDocument app : index.applications(application)) {
            work.add(new MetadataIndex.Located(applications, app));
        }
        while (!work.isEmpty()) {
            MetadataIndex.Located next = work.poll();
            if (next.id() == null || !slice.get(next.collection()).add(next.id())) {
                continue;
            }
            follow(index, next, work);
        }
        return slice;
    }

    private static void follow(MetadataIndex index, MetadataIndex.Located located, Deque<MetadataIndex.Located> work) {
        CollectionSpec spec = index.spec(located.collection());
        BsonDocument document = located.document();
        spec.references().forEach((path, target) -> {
            for (BsonValue value : MetadataIndex.path(path).get(document)) {
                BsonDocument referenced = index.get(target, value);
                if (referenced != null) {
                    work.add(new MetadataIndex.Located(target, referenced));
                }
            }
        });
        for (Map.Entry<String, KeyReference> entry : spec.keyReferences().entrySet()) {
            KeyReference reference = entry.getValue();
            for (BsonValue value : MetadataIndex.path(entry.getKey()).get(document)) {
                if (value.isDocument()) {
                    for (BsonDocument referenced : index.matching(reference.collection(), reference.fields(),
                            value.asDocument())) {
                        work.add(new MetadataIndex.Located(reference.collection(), referenced));
                    }
                }
            }
        }
        for (String child : index.collections()) {
            CollectionSpec childSpec = index.spec(child);
            if (childSpec.owner() == Ownership.PARENT
                    && located.collection().equals(childSpec.references().get(childSpec.parent()))) {
                List<BsonDocument> children = index.children(child, located.id());
                for (BsonDocument childDocument : children) {
                    work.add(new MetadataIndex.Located(child, childDocument));
                }
            }
        }
    }
}
