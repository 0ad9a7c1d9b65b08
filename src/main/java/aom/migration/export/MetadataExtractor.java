package aom.migration.export;

import aom.migration.bundle.BundleWriter;
import aom.migration.bundle.ClosureRecord;
import aom.migration.bundle.EntryKind;
import aom.migration.bundle.EntrySpool;
import aom.migration.bundle.ExtendedJson;
import aom.migration.bundle.Manifest;
import aom.migration.bundle.SpooledEntry;
import aom.migration.model.ExtractionProfile;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressTracker;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes an application's metadata closure in the global metadata database, driven entirely by an
 * {@link ExtractionProfile} (DESIGN.md section 3), and writes it into a bundle: one {@code metadata/<collection>.jsonl}
 * entry per collection with the full documents as canonical Extended JSON, and {@code metadata/_keys.jsonl} with
 * each document's natural key, shared flag, parent and description ({@link ClosureRecord}).
 */
public final class MetadataExtractor {

    private static final int FETCH_BATCH = 500;

    private final MongoDatabase database;
    private final CompiledProfile profile;

    /**
     * @param database the metadata database ({@code profile.database()}, normally {@code apiomat})
     * @throws IllegalArgumentException when the profile is not valid
     */
    public MetadataExtractor(MongoDatabase database, ExtractionProfile profile) {
        this.database = database;
        this.profile = new CompiledProfile(profile);
    }

    /**
     * Walks the closure of {@code application}. Reads only the fields the profile names.
     *
     * @throws aom.migration.mongo.UnknownApplicationException when there is no such application, naming those
     *                                                          that exist
     * @throws aom.migration.progress.CancelledException        when cancelled
     */
    public MetadataClosure closure(String application, CancellationToken token) {
        ClosureGraph graph = new ClosureWalker(database, profile, token).walk(application);
        return new ClosureDescriber(profile, graph).describe();
    }

    /**
     * Writes the closure's documents and keys into the bundle: {@link #spool} and then {@link Spooled#addTo}.
     *
     * @return warnings found while writing (documents that disappeared since the closure was computed)
     */
    public List<String> write(MetadataClosure closure, BundleWriter writer, ProgressTracker tracker,
                              CancellationToken token) throws IOException {
        Spooled spooled = spool(closure, writer, tracker, token);
        spooled.addTo(writer);
        return spooled.warnings();
    }

    /**
     * Reads the closure's documents and keys into finished bundle entries that are not in the zip yet, so that this
     * can run while the zip is busy with other entries (the export does it alongside the instance data). Progress
     * goes to {@code tracker} under the namespace {@code <database>.<collection>}.
     */
    public Spooled spool(MetadataClosure closure, BundleWriter writer, ProgressTracker tracker,
                        CancellationToken token) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<Spooled.Part> parts = new ArrayList<>();
        try {
            for (Map.Entry<String, List<ClosureRecord>> entry : closure.records().entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    parts.add(spoolCollection(entry.getKey(), entry.getValue(), writer, tracker, token, warnings));
                }
            }
            token.throwIfCancelled();
            try (EntrySpool spool = writer.newEntry(EntryKind.KEYS.path(closure.database(), null))) {
                for (List<ClosureRecord> records : closure.records().values()) {
                    for (ClosureRecord record : records) {
                        spool.write((ExtendedJson.toLine(record.toDocument()) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                        spool.countDocuments(1);
                    }
                }
                parts.add(new Spooled.Part(spool.finish(), EntryKind.KEYS, closure.database(), null));
            }
            return new Spooled(parts, warnings);
        } catch (IOException | RuntimeException e) {
            parts.forEach(part -> part.entry().discard());
            throw e;
        }
    }

    /**
     * The closure's entries, finished but not yet in the zip, with the warnings found while reading them.
     */
    public record Spooled(List<Part> parts, List<String> warnings) {

        /** One finished entry and what the manifest records of it. */
        public record Part(SpooledEntry entry, EntryKind kind, String database, String collection) {
        }

        /** Adds every entry to {@code writer}, in order; frees what is left when that fails. */
        public void addTo(BundleWriter writer) throws IOException {
            for (int i = 0; i < parts.size(); i++) {
                Part part = parts.get(i);
                try {
                    writer.add(part.entry(), part.kind(), null, part.database(), part.collection());
                } catch (IOException | RuntimeException e) {
                    parts.subList(i + 1, parts.size()).forEach(rest -> rest.entry().discard());
                    throw e;
                }
            }
        }

        /** Frees the entries' memory and spool files, when they will not be added. */
        public void discard() {
            parts.forEach(part -> part.entry().discard());
        }
    }

    private Spooled.Part spoolCollection(String collection, List<ClosureRecord> records, BundleWriter writer,
                                         ProgressTracker tracker, CancellationToken token, List<String> warnings)
            throws IOException {
        String namespace = database.getName() + "." + collection;
        Set<BsonValue> missing = new HashSet<>();
        records.forEach(record -> missing.add(record.id()));
        Spooled.Part part;
        try (EntrySpool spool = writer.newEntry(EntryKind.METADATA.path(null, collection))) {
            for (int from = 0; from < records.size(); from += FETCH_BATCH) {
                token.throwIfCancelled();
                BsonArray ids = new BsonArray();
                records.subList(from, Math.min(records.size(), from + FETCH_BATCH))
                        .forEach(record -> ids.add(record.id()));
                try (MongoCursor<RawBsonDocument> cursor = database.getCollection(collection, RawBsonDocument.class)
                        .find(new BsonDocument("_id", new BsonDocument("$in", ids))).iterator()) {
                    while (cursor.hasNext()) {
                        token.throwIfCancelled();
                        RawBsonDocument document = cursor.next();
                        missing.remove(document.get("_id"));
                        byte[] line = (ExtendedJson.toLine(document) + "\n").getBytes(StandardCharsets.UTF_8);
                        spool.write(line);
                        spool.countDocuments(1);
                        // Documents only: the totals declared for the export count instance-data bytes, which metadata
                        // bytes would push past 100 %.
                        tracker.advance(namespace, 1, 0);
                    }
                }
            }
            part = new Spooled.Part(spool.finish(), EntryKind.METADATA, database.getName(), collection);
        }
        tracker.finish(namespace);
        if (!missing.isEmpty()) {
            warnings.add(missing.size() + " " + profile.spec(collection).label() + " document(s) of the closure"
                    + " disappeared from " + namespace + " while the export ran");
        }
        return part;
    }
}
