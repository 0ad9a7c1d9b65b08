package aom.migration.dump;

import aom.migration.data.CollectionMetadata;

/**
 * One collection as an archive's prelude lists it. The prelude comes before any data, so a writer must know every
 * collection (and its metadata) up front.
 *
 * @param database     the database name
 * @param collection   the collection name (for a time-series collection its name, not the buckets collection)
 * @param metadataJson the collection's {@code metadata.json} text (canonical Extended JSON), or {@code ""}
 * @param size         the uncompressed size of its documents in bytes if known, else 0 (mongodump writes 0)
 * @param type         {@code ""} for a plain collection, {@code "view"} or {@code "timeseries"}
 */
public record ArchiveCollection(String database, String collection, String metadataJson, long size, String type) {

    public ArchiveCollection {
        if (collection == null || collection.isEmpty()) {
            throw new IllegalArgumentException("An archive collection needs a name");
        }
        database = database == null ? "" : database;
        metadataJson = metadataJson == null ? "" : metadataJson;
        type = type == null ? "" : type;
        size = Math.max(0, size);
    }

    /**
     * A prelude entry from a collection's metadata, written as mongodump's canonical Extended JSON.
     *
     * @param size the uncompressed bytes if known, otherwise any negative number
     */
    public static ArchiveCollection of(String database, String collection, CollectionMetadata metadata, long size) {
        String type = metadata.isView() ? "view" : "timeseries".equals(metadata.type()) ? "timeseries" : "";
        return new ArchiveCollection(database, collection, metadata.toJson(), size, type);
    }

    /** {@code database.collection}. */
    public String namespace() {
        return database + "." + collection;
    }

    /** The namespace whose blocks carry this collection's documents (the buckets collection for time series). */
    public String dataNamespace() {
        return database + "." + dataCollection();
    }

    String dataCollection() {
        return isTimeseries() ? ArchiveFormat.BUCKETS_PREFIX + collection : collection;
    }

    public boolean isView() {
        return "view".equals(type);
    }

    public boolean isTimeseries() {
        return "timeseries".equals(type);
    }
}
