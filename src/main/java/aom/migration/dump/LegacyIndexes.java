package aom.migration.dump;

import aom.migration.data.BsonDocumentReader;
import aom.migration.data.CorruptDataException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a 2.x dump's {@code system.indexes.bson}: one document per index, each naming its collection in
 * {@code ns} ({@code db.collection}), in the same shape as the index specifications of a later
 * {@code metadata.json}. A collection's metadata file, where there is one, wins over these.
 */
final class LegacyIndexes {

    private LegacyIndexes() {
    }

    /** The index specifications by collection name. */
    static Map<String, List<BsonDocument>> read(DumpFile file) throws IOException {
        Map<String, List<BsonDocument>> byCollection = new LinkedHashMap<>();
        try (InputStream in = file.gzip() ? GzipFileStream.open(file.path())
                : new BufferedInputStream(Files.newInputStream(file.path()))) {
            BsonDocumentReader reader = new BsonDocumentReader(in, file.path().toString());
            for (RawBsonDocument raw = reader.next(); raw != null; raw = reader.next()) {
                BsonDocument spec = raw.decode(new BsonDocumentCodec());
                BsonValue ns = spec.get("ns");
                if (ns == null || !ns.isString() || ns.asString().getValue().indexOf('.') < 0
                        || !spec.isDocument("key")) {
                    throw new CorruptDataException(file.path() + ": index " + reader.documents()
                            + " has no 'ns' of the form db.collection or no 'key'");
                }
                String namespace = ns.asString().getValue();
                byCollection.computeIfAbsent(namespace.substring(namespace.indexOf('.') + 1), c -> new ArrayList<>())
                        .add(spec);
            }
        }
        return byCollection;
    }
}
