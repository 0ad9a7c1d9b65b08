package aom.migration.dump;

import java.util.List;

/** One database of a dump as {@code inspect} shows it: its collections in name order. */
public record DatabaseSummary(String name, List<CollectionSummary> collections) {

    public DatabaseSummary {
        collections = List.copyOf(collections);
    }

    public long documents() {
        return collections.stream().mapToLong(CollectionSummary::documents).sum();
    }

    public long bytes() {
        return collections.stream().mapToLong(CollectionSummary::bytes).sum();
    }
}
