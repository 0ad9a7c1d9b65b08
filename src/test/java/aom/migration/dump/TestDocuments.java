package aom.migration.dump;

import org.bson.BsonBinary;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Raw BSON documents for tests, with a few unusual types so byte-for-byte copies are really checked. */
final class TestDocuments {

    private TestDocuments() {
    }

    static byte[] bytes(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        return bytes;
    }

    /** {@code count} documents of namespace {@code tag}, each a bit different. */
    static List<byte[]> documents(String tag, int count) {
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(bytes(new BsonDocument("_id", new BsonString(tag + "-" + i))
                    .append("n", new BsonInt32(i))
                    .append("big", new BsonInt64(1L << 40 | i))
                    .append("negativeZero", new BsonDouble(-0.0))
                    .append("price", new BsonDecimal128(Decimal128.parse("12.5" + i)))
                    .append("ts", new BsonTimestamp(i, 7))
                    .append("bin", new BsonBinary((byte) 0x80, new byte[] {1, 2, (byte) i}))
                    .append("low", new BsonMinKey())
                    .append("high", new BsonMaxKey())
                    .append("text", new BsonString("x".repeat(i % 50)))));
        }
        return documents;
    }

    static byte[] concat(List<byte[]> documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
