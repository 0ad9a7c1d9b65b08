package aom.migration.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;
import org.bson.io.BsonInput;

import java.io.ByteArrayOutputStream;

/** Collects what a reader hands over, document by document, for the readers' tests. */
final class CollectedDocuments implements RawDocumentCodec.Sink {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int documents;

    @Override
    public void append(BsonInput input, int length) {
        byte[] document = new byte[length];
        input.readBytes(document);
        append(document, 0, length);
    }

    @Override
    public void append(byte[] document, int offset, int length) {
        bytes.write(document, offset, length);
        documents++;
    }

    /** What the driver's own cursor reads of {@code collection}: the documents' bytes back to back, in order. */
    static byte[] throughTheDriver(MongoDatabase database, String collection) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find()) {
            byte[] bytes = new byte[document.getByteBuffer().remaining()];
            document.getByteBuffer().asNIO().get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
