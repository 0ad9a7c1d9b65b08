package aom.migration.bundle;

import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;
import org.bson.json.JsonWriter;
import org.bson.json.JsonWriterSettings;

import java.io.StringWriter;
import java.nio.ByteBuffer;

/**
 * Converts between raw BSON and one line of canonical Extended JSON (v2), the form of the bundle's
 * {@code metadata/*.jsonl} files. Both directions stream the BSON events one by one (no {@code Document} in
 * between), so field order, duplicate names and every type's exact value survive: parsing a line gives back the
 * bytes it was written from. Known limits of canonical Extended JSON itself: NaN payload bits and the order of
 * regular-expression options are not kept.
 */
public final class ExtendedJson {

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).indent(false).build();

    private ExtendedJson() {
    }

    /** One document as a single line of canonical Extended JSON, without a line break. */
    public static String toLine(byte[] bson, int offset, int length) {
        StringWriter text = new StringWriter(length * 2);
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bson, offset, length).slice())) {
            new JsonWriter(text, CANONICAL).pipe(reader);
        }
        return text.toString();
    }

    /** One document as a single line of canonical Extended JSON, without a line break. */
    public static String toLine(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        return toLine(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }

    /** A decoded document as a single line of canonical Extended JSON. */
    public static String toLine(org.bson.BsonDocument document) {
        return document.toJson(CANONICAL);
    }

    /**
     * Parses one line back into the BSON bytes it was written from.
     *
     * @throws CorruptDataException naming {@code origin} when the line is not one Extended JSON document
     */
    public static byte[] toBson(String line, String origin) {
        BasicOutputBuffer out = new BasicOutputBuffer(Math.max(64, line.length()));
        try (JsonReader reader = new JsonReader(line); BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            writer.pipe(reader);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException | org.bson.BsonSerializationException e) {
            throw new CorruptDataException(origin + " is not a valid Extended JSON document: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
