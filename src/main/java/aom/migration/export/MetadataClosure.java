package aom.migration.export;

import aom.migration.bundle.ClosureRecord;
import org.bson.BsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One application's metadata closure: which documents of the metadata database belong in the bundle, with their
 * natural keys and shared flags, and the warnings the support engineer should read (references that point at
 * nothing, modules the application uses without declaring them).
 *
 * @param database    the metadata database
 * @param application the application's name
 * @param displayName the name shown to people
 * @param records     the included documents per collection, in the profile's order (collections without documents
 *                    included, with an empty list)
 * @param warnings    in the order they were found
 */
public record MetadataClosure(String database, String application, String displayName,
                              Map<String, List<ClosureRecord>> records, List<String> warnings) {

    public MetadataClosure {
        Map<String, List<ClosureRecord>> copy = new LinkedHashMap<>();
        records.forEach((collection, list) -> copy.put(collection, List.copyOf(list)));
        records = java.util.Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /** Documents per collection, in the profile's order. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        records.forEach((collection, list) -> counts.put(collection, (long) list.size()));
        return counts;
    }

    /** All documents of the closure. */
    public long total() {
        return records.values().stream().mapToLong(List::size).sum();
    }

    /** The record of one document, if it is in the closure. */
    public Optional<ClosureRecord> find(String collection, BsonValue id) {
        return records.getOrDefault(collection, List.of()).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The descriptions of the documents of one collection, e.g. {@code Venues 1.0.0} for modules. */
    public List<String> descriptions(String collection) {
        return records.getOrDefault(collection, List.of()).stream().map(ClosureRecord::description).toList();
    }
}
