package aom.migration.bundle;

import aom.migration.data.CorruptDataException;

import org.bson.BsonBinary;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;
import org.bson.json.JsonWriter;
import org.bson.json.JsonWriterSettings;
import org.bson.json.StrictJsonWriter;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Converts between raw BSON and one line of canonical Extended JSON (v2), the form of the bundle's
 * {@code metadata/*.jsonl} files. Both directions stream the BSON events one by one (no {@code Document} in
 * between), so field order, duplicate names and every type's exact value survive: parsing a line gives back the
 * bytes it was written from. Known limits of canonical Extended JSON itself: NaN payload bits and the order of
 * regular-expression options are not kept.
 */
public final class ExtendedJson {

    /**
     * Canonical Extended JSON on one line. Binary values are written as the driver writes them, except that their
     * base64 text goes out in one piece: base64 has no character that JSON escapes, and the driver's string writer
     * looks at every character on its own, which for the module jars' chunks (hundreds of KB each) took more CPU in
     * an export than the rest of the metadata together.
     */
    public static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).indent(false).binaryConverter(ExtendedJson::writeBinary).build();

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

    private static void writeBinary(BsonBinary value, StrictJsonWriter writer) {
        String base64 = Base64.getEncoder().encodeToString(value.getData());
        writer.writeStartObject();
        writer.writeStartObject("$binary");
        writer.writeRaw("base64", '"' + base64 + '"');
        writer.writeString("subType", String.format("%02X", value.getType()));
        writer.writeEndObject();
        writer.writeEndObject();
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
