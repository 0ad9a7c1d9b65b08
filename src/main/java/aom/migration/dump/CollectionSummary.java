package aom.migration.dump;

import java.util.List;

/**
 * One collection of a dump as {@code inspect} shows it.
 *
 * @param name       the collection name
 * @param type       {@code collection}, {@code view} or {@code timeseries}
 * @param documents  the number of documents (counted, not estimated)
 * @param bytes      the uncompressed size of its documents
 * @param indexNames the names of its index definitions, {@code _id_} included when the dump lists it
 */
public record CollectionSummary(String name, String type, long documents, long bytes, List<String> indexNames) {

    public CollectionSummary {
        indexNames = List.copyOf(indexNames);
    }

    /** The number of index definitions the dump holds for it ({@code _id_} included when listed). */
    public int indexes() {
        return indexNames.size();
    }
}
