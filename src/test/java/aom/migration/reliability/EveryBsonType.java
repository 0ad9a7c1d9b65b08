package aom.migration.reliability;

import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDbPointer;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Documents that hold every BSON type and the awkward values of each, written byte by byte with the driver's
 * {@link BsonBinaryWriter} (never through a server), so that tests can compare bytes before and after.
 */
final class EveryBsonType {

    /**
     * The values mongo-java-server 1.47.0 drops the connection on (VERSIONS.md names 2, 5, DBPointer, symbol and
     * code with scope; the tests found the others); a real mongod stores them all.
     */
    enum Unstorable {
        BINARY_SUBTYPE_1, BINARY_SUBTYPE_2, BINARY_SUBTYPE_5, BINARY_SUBTYPE_6, BINARY_SUBTYPE_7, BINARY_SUBTYPE_8,
        BINARY_SUBTYPE_9, BINARY_SUBTYPE_FF, UUID_OF_5_BYTES, DB_POINTER, SYMBOL, CODE_WITH_SCOPE
    }

    /** The values mongo-java-server silently changes on insert (VERSIONS.md). */
    enum Changed { BINARY_SUBTYPE_80, UNDEFINED }

    private static final UUID UUID_VALUE = UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962");

    private EveryBsonType() {
    }

    /** Named documents, each well-formed: every type in one, and the special shapes on their own. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("every type", document(id(1), writer -> {
            storableFields(writer);
            for (Unstorable type : Unstorable.values()) {
                unstorable(writer, type);
            }
            for (Changed value : Changed.values()) {
                changed(writer, value);
            }
        }));
        documents.putAll(storable());
        documents.put("NaN variants", nanVariants());
        return documents;
    }

    /**
     * A Decimal128 NaN with its sign bit set, a double NaN with its sign bit set and one with a payload: canonical
     * Extended JSON has one spelling for each NaN, so these cannot survive a trip through it.
     */
    static byte[] nanVariants() {
        return document(id(5), writer -> {
            writer.writeDecimal128("decimalNegativeNaN", Decimal128.NEGATIVE_NaN);
            writer.writeDouble("doubleNegativeNaN", Double.longBitsToDouble(0xfff8000000000000L));
            writer.writeDouble("doubleNaNWithPayload", Double.longBitsToDouble(0x7ff0000000000001L));
        });
    }

    /** What the embedded server stores unchanged: every other type, 100 levels of nesting, unusual field names. */
    static Map<String, byte[]> storable() {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("storable types", document(id(2), EveryBsonType::storableFields));
        documents.put("100 levels deep", document(id(3), writer -> nested(writer, 100)));
        documents.put("unusual field names", document(id(4), EveryBsonType::unusualNames));
        return documents;
    }

    static byte[] withUnstorable(Unstorable type) {
        return document(id(0x10 + type.ordinal()), writer -> unstorable(writer, type));
    }

    static byte[] withChanged(Changed value) {
        return document(id(0x30 + value.ordinal()), writer -> changed(writer, value));
    }

    private static ObjectId id(int n) {
        return new ObjectId(String.format("65e18c72a82fdab0281600%02x", n));
    }

    private static void storableFields(BsonBinaryWriter writer) {
        writer.writeDouble("double", 1.5);
        writer.writeDouble("doubleNegativeZero", -0.0);
        writer.writeDouble("doubleNaN", Double.NaN);
        writer.writeDouble("doubleInfinity", Double.POSITIVE_INFINITY);
        writer.writeDouble("doubleMinusInfinity", Double.NEGATIVE_INFINITY);
        writer.writeDouble("doubleTiny", Double.MIN_VALUE);
        writer.writeDouble("doubleHuge", Double.MAX_VALUE);
        writer.writeString("stringEmpty", "");
        writer.writeString("stringUnicode", "Grüße, 東京, مرحبا, é (e\u0301), \uD83D\uDE00 \uD83C\uDDE9\uD83C\uDDEA");
        writer.writeString("stringControl", "tab\t newline\n cr\r bell\u0007 del\u007f ls\u2028 bom\uFEFF");
        writer.writeString("stringQuotes", "\"quoted\" 'single' \\backslash\\ {\"$oid\": \"not an id\"}");
        writer.writeStartDocument("document");
        writer.writeInt32("inner", 1);
        writer.writeStartDocument("empty");
        writer.writeEndDocument();
        writer.writeEndDocument();
        writer.writeStartArray("array");
        writer.writeInt32(1);
        writer.writeString("two");
        writer.writeNull();
        writer.writeStartArray();
        writer.writeEndArray();
        writer.writeStartDocument();
        writer.writeBoolean("inArray", true);
        writer.writeEndDocument();
        writer.writeEndArray();
        writer.writeBinaryData("binary", new BsonBinary(new byte[] {1, 2, 3, 0, (byte) 0xff}));
        writer.writeBinaryData("binaryEmpty", new BsonBinary(new byte[0]));
        writer.writeBinaryData("uuidLegacy3", new BsonBinary(UUID_VALUE, UuidRepresentation.JAVA_LEGACY));
        writer.writeBinaryData("uuidStandard4", new BsonBinary(UUID_VALUE, UuidRepresentation.STANDARD));
        writer.writeObjectId("objectId", new ObjectId("65e18c72a82fdab028163bc4"));
        writer.writeBoolean("true", true);
        writer.writeBoolean("false", false);
        writer.writeDateTime("date", 1_709_280_000_000L);
        writer.writeDateTime("dateEpoch", 0L);
        writer.writeDateTime("dateBefore1970", -1L);
        writer.writeDateTime("dateYear1066", -28_502_755_200_000L);
        writer.writeDateTime("dateYear9999", 253_402_300_799_999L);
        writer.writeNull("null");
        writer.writeRegularExpression("regex", new BsonRegularExpression("^a.*b$", "imsux"));
        writer.writeRegularExpression("regexNoFlags", new BsonRegularExpression("\\d+/\\w+", ""));
        writer.writeJavaScript("javaScript", "function () { return 'é'; }");
        writer.writeInt32("int32Min", Integer.MIN_VALUE);
        writer.writeInt32("int32Max", Integer.MAX_VALUE);
        writer.writeTimestamp("timestamp", new BsonTimestamp(1_709_280_000, 7));
        writer.writeTimestamp("timestampMax", new BsonTimestamp(-1, -1));
        writer.writeInt64("int64Min", Long.MIN_VALUE);
        writer.writeInt64("int64Max", Long.MAX_VALUE);
        writer.writeDecimal128("decimal", Decimal128.parse("1234567890.123456789012345678901234"));
        writer.writeDecimal128("decimalMoney", new Decimal128(new BigDecimal("499.00")));
        writer.writeDecimal128("decimalNegativeZero", Decimal128.NEGATIVE_ZERO);
        writer.writeDecimal128("decimalNaN", Decimal128.NaN);
        writer.writeDecimal128("decimalInfinity", Decimal128.POSITIVE_INFINITY);
        writer.writeDecimal128("decimalMinusInfinity", Decimal128.NEGATIVE_INFINITY);
        writer.writeDecimal128("decimalExponent", Decimal128.parse("1E+6144"));
        writer.writeMinKey("minKey");
        writer.writeMaxKey("maxKey");
    }

    private static void unstorable(BsonBinaryWriter writer, Unstorable type) {
        switch (type) {
            case BINARY_SUBTYPE_1, BINARY_SUBTYPE_6, BINARY_SUBTYPE_7, BINARY_SUBTYPE_8, BINARY_SUBTYPE_9,
                 BINARY_SUBTYPE_FF -> {
                String hex = type.name().substring("BINARY_SUBTYPE_".length());
                writer.writeBinaryData("binary" + hex, new BsonBinary((byte) Integer.parseInt(hex, 16),
                        new byte[] {1, 2, 3, 0, (byte) 0xff}));
            }
            case UUID_OF_5_BYTES -> writer.writeBinaryData("uuidShort", new BsonBinary(
                    BsonBinarySubType.UUID_STANDARD, new byte[] {1, 2, 3, 4, 5}));
            case BINARY_SUBTYPE_2 -> writer.writeBinaryData("binaryOld", new BsonBinary(
                    BsonBinarySubType.OLD_BINARY, new byte[] {1, 2, 3}));
            case BINARY_SUBTYPE_5 -> writer.writeBinaryData("binaryMd5", new BsonBinary(BsonBinarySubType.MD5,
                    new byte[16]));
            case DB_POINTER -> writer.writeDBPointer("dbPointer", new BsonDbPointer("db.collection",
                    new ObjectId("65e18c72a82fdab028163bc5")));
            case SYMBOL -> writer.writeSymbol("symbol", "aSymbol");
            case CODE_WITH_SCOPE -> {
                writer.writeJavaScriptWithScope("codeWithScope", "function () { return x; }");
                new BsonDocumentCodec().encode(writer, new BsonDocument("x", new BsonInt32(42)),
                        EncoderContext.builder().build());
            }
        }
    }

    private static void changed(BsonBinaryWriter writer, Changed value) {
        switch (value) {
            case BINARY_SUBTYPE_80 -> writer.writeBinaryData("binaryUser80", new BsonBinary((byte) 0x80,
                    new byte[] {4, 5}));
            case UNDEFINED -> writer.writeUndefined("undefined");
        }
    }

    private static void nested(BsonBinaryWriter writer, int depth) {
        for (int level = 1; level <= depth; level++) {
            if (level % 2 == 0) {
                writer.writeStartArray("level" + level);
                writer.writeStartDocument();
            } else {
                writer.writeStartDocument("level" + level);
            }
        }
        writer.writeString("bottom", "reached");
        for (int level = depth; level >= 1; level--) {
            writer.writeEndDocument();
            if (level % 2 == 0) {
                writer.writeEndArray();
            }
        }
    }

    private static void unusualNames(BsonBinaryWriter writer) {
        writer.writeInt32("", 1);
        writer.writeInt32("dotted.name.a.b", 2);
        writer.writeInt32("ünïcødé ☃ \uD83D\uDE00 名前", 3);
        writer.writeInt32("with space\tand tab", 4);
        writer.writeInt32("x".repeat(10_000), 5);
        writer.writeStartDocument("nested");
        writer.writeInt32("$dollar", 6);
        writer.writeInt32("$set", 7);
        writer.writeStartDocument("$inner");
        writer.writeInt32("a.b", 8);
        writer.writeEndDocument();
        writer.writeEndDocument();
        writer.writeStartArray("array");
        writer.writeStartDocument();
        writer.writeInt32("$inArray", 9);
        writer.writeEndDocument();
        writer.writeEndArray();
    }

    private static byte[] document(ObjectId id, Consumer<BsonBinaryWriter> fields) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeObjectId("_id", id);
            fields.accept(writer);
            writer.writeEndDocument();
        }
        return buffer.toByteArray();
    }
}
