package aom.migration.export;

import aom.migration.data.CollectionMetadata;
import aom.migration.model.SystemKind;

/**
 * One collection (or view) the export will copy, with its definition as mongodump writes it and its size as the
 * server reported it before the export started.
 *
 * @param system             the system whose database it is in
 * @param database           the database on the source
 * @param definition         name, type, options, indexes and UUID
 * @param expectedDocuments  document count from collStats, or -1 when unknown
 * @param expectedBytes      BSON bytes from collStats, or -1 when unknown
 * @param averageDocumentBytes average document size from collStats, or 0 when unknown
 */
public record CollectionPlan(SystemKind system, String database, CollectionMetadata definition,
                             long expectedDocuments, long expectedBytes, long averageDocumentBytes) {

    public String collection() {
        return definition.collectionName();
    }

    /** {@code database.collection}, the namespace progress is reported under. */
    public String namespace() {
        return database + "." + collection();
    }

    /** Views are exported as their definition only. */
    public boolean isView() {
        return definition.isView();
    }
}
