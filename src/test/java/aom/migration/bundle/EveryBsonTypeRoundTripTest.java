package aom.migration.bundle;

import aom.migration.data.BsonDocumentReader;

import org.bson.BsonBinaryWriter;
import org.bson.BsonBinary;
import org.bson.BsonDbPointer;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundle writer and reader move every BSON type byte for byte, with no server involved. */
class EveryBsonTypeRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void documentOfEveryBsonTypeSurvivesTheDumpEntryByteForByte() throws IOException {
        List<byte[]> documents = List.of(everyType(), deeplyNested(90), unusualNames());
        for (Compression compression : Compression.values()) {
            Path file = BundleFixtures.bundle(dir.resolve(compression + ".aombundle"), compression, documents);
            try (BundleReader bundle = BundleReader.open(file)) {
                BundleCollection things = bundle.collection(BundleFixtures.DATABASE, "things").orElseThrow();
                try (InputStream in = things.openDocuments()) {
                    assertThat(in.readAllBytes()).as(compression.name()).isEqualTo(BundleFixtures.concat(documents));
                }
                try (InputStream in = things.openDocuments()) {
                    BsonDocumentReader reader = new BsonDocumentReader(in, "things");
                    for (byte[] expected : documents) {
                        assertThat(reader.nextBytes()).isEqualTo(expected);
                    }
                    assertThat(reader.nextBytes()).isNull();
                }
                bundle.verifyChecksums(event -> { }, aom.migration.progress.CancellationToken.none());
            }
        }
    }

    @Test
    void documentOfEveryBsonTypeSurvivesTheMetadataJsonLinesByteForByte() throws IOException {
        List<byte[]> documents = List.of(everyType(), deeplyNested(90), unusualNames());
        Path file = BundleFixtures.bundle(dir.resolve("json.aombundle"), Compression.FAST, documents);
        try (BundleReader bundle = BundleReader.open(file);
             Stream<RawBsonDocument> read = bundle.metadataDocuments("things")) {
            List<byte[]> lines = read.map(EveryBsonTypeRoundTripTest::bytes).toList();
            assertThat(lines).hasSize(3);
            for (int i = 0; i < documents.size(); i++) {
                assertThat(lines.get(i)).isEqualTo(documents.get(i));
            }
        }
    }

    @Test
    void negativeZeroAndNanKeepTheirBitsInExtendedJson() {
        byte[] document = write(writer -> {
            writer.writeDouble("negativeZero", -0.0);
            writer.writeDouble("nan", Double.NaN);
            writer.writeDouble("infinity", Double.NEGATIVE_INFINITY);
        });
        String line = ExtendedJson.toLine(document, 0, document.length);
        assertThat(line).contains("{\"$numberDouble\": \"-0.0\"}").contains("\"NaN\"").contains("\"-Infinity\"");
        assertThat(ExtendedJson.toBson(line, "test")).isEqualTo(document);
    }

    @Test
    void metadataLinesAreTheDriversCanonicalExtendedJsonToTheCharacter() {
        // The lines' binary values take a shorter path than the driver's; what they read must not change.
        byte[] jarChunk = new byte[300_000];
        new java.util.Random(7).nextBytes(jarChunk);
        byte[] document = write(writer -> {
            writer.writeBinaryData("data", new BsonBinary(jarChunk));
            writer.writeBinaryData("uuid", new BsonBinary((byte) 4, new byte[16]));
            writer.writeBinaryData("userDefined", new BsonBinary((byte) 0x80, new byte[] {1, 2, 3}));
            writer.writeBinaryData("empty", new BsonBinary(new byte[0]));
        });
        for (byte[] bson : List.of(document, everyType())) {
            String drivers = new RawBsonDocument(bson).toJson(org.bson.json.JsonWriterSettings.builder()
                    .outputMode(org.bson.json.JsonMode.EXTENDED).build());
            assertThat(ExtendedJson.toLine(bson, 0, bson.length)).isEqualTo(drivers);
        }
        assertThat(ExtendedJson.toLine(document, 0, document.length))
                .contains("\"userDefined\": {\"$binary\": {\"base64\": \"AQID\", \"subType\": \"80\"}}")
                .contains("\"empty\": {\"$binary\": {\"base64\": \"\", \"subType\": \"00\"}}");
    }

    /** One field of every BSON type, several binary subtypes and special numbers. */
    static byte[] everyType() {
        return write(writer -> {
            writer.writeObjectId("_id", new ObjectId("65e18c72a82fdab028163bc3"));
            writer.writeDouble("double", 1.5);
            writer.writeDouble("negativeZero", -0.0);
            writer.writeDouble("nan", Double.NaN);
            writer.writeDouble("infinity", Double.POSITIVE_INFINITY);
            writer.writeString("string", "héllo wörld \u2028 \"quoted\" \\ \n\t end");
            writer.writeStartDocument("document");
            writer.writeInt32("inner", 1);
            writer.writeEndDocument();
            writer.writeStartArray("array");
            writer.writeInt32(1);
            writer.writeString("two");
            writer.writeNull();
            writer.writeEndArray();
            for (byte subtype : new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x80, (byte) 0xff}) {
                writer.writeBinaryData("binary" + (subtype & 0xff), new BsonBinary(subtype, new byte[] {1, 2, 3, 0}));
            }
            writer.writeUndefined("undefined");
            writer.writeBoolean("true", true);
            writer.writeBoolean("false", false);
            writer.writeDateTime("date", 1_709_280_000_000L);
            writer.writeDateTime("dateBefore1970", -86_400_000L);
            writer.writeNull("null");
            writer.writeRegularExpression("regex", new BsonRegularExpression("^a.*b$", "imsx"));
            writer.writeDBPointer("dbPointer", new BsonDbPointer("db.collection",
                    new ObjectId("65e18c72a82fdab028163bc4")));
            writer.writeJavaScript("code", "function () { return 1; }");
            writer.writeSymbol("symbol", "aSymbol");
            writer.writeJavaScriptWithScope("codeWithScope", "function () { return x; }");
            new org.bson.codecs.BsonDocumentCodec().encode(writer, new BsonDocument("x",
                    new org.bson.BsonInt32(42)), org.bson.codecs.EncoderContext.builder().build());
            writer.writeInt32("int32", Integer.MIN_VALUE);
            writer.writeTimestamp("timestamp", new BsonTimestamp(1_709_280_000, 7));
            writer.writeInt64("int64", Long.MAX_VALUE);
            writer.writeDecimal128("decimal", Decimal128.parse("1234567890.123456789012345678901234"));
            writer.writeDecimal128("decimalNegativeZero", Decimal128.NEGATIVE_ZERO);
            writer.writeDecimal128("decimalNaN", Decimal128.NaN);
            writer.writeDecimal128("decimalMoney", new Decimal128(new BigDecimal("499.00")));
            writer.writeMinKey("minKey");
            writer.writeMaxKey("maxKey");
        });
    }

    static byte[] deeplyNested(int depth) {
        return write(writer -> {
            for (int i = 0; i < depth; i++) {
                if (i % 2 == 0) {
                    writer.writeStartDocument("level" + i);
                } else {
                    writer.writeStartArray("level" + i);
                    writer.writeStartDocument();
                }
            }
            writer.writeString("bottom", "reached");
            for (int i = depth - 1; i >= 0; i--) {
                writer.writeEndDocument();
                if (i % 2 == 1) {
                    writer.writeEndArray();
                }
            }
        });
    }

    static byte[] unusualNames() {
        return write(writer -> {
            writer.writeInt32("", 1);
            writer.writeInt32("$dollar", 2);
            writer.writeInt32("dotted.name", 3);
            writer.writeInt32("ünïcødé ☃ \uD83D\uDE00", 4);
            writer.writeInt32("with space\tand tab", 5);
            writer.writeInt32("duplicate", 6);
            writer.writeInt32("duplicate", 7);
            writer.writeInt32("_id", 8);
        });
    }

    private static byte[] write(java.util.function.Consumer<BsonBinaryWriter> fields) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            fields.accept(writer);
            writer.writeEndDocument();
        }
        return buffer.toByteArray();
    }

    private static byte[] bytes(RawBsonDocument document) {
        java.nio.ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
