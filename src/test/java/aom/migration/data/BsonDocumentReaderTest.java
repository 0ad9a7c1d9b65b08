package aom.migration.data;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BsonDocumentReaderTest {

    private static byte[] bytes(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        return Arrays.copyOf(raw.getByteBuffer().array(), raw.getByteBuffer().remaining());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void readsDocumentsBackToBackUnchanged() throws Exception {
        byte[] first = bytes(new BsonDocument("_id", new BsonInt32(1)).append("name", new BsonString("Ada")));
        byte[] second = bytes(new BsonDocument("_id", new BsonInt32(2)));
        BsonDocumentReader reader = new BsonDocumentReader(new ByteArrayInputStream(concat(first, second)), "t.bson");
        assertThat(reader.nextBytes()).isEqualTo(first);
        assertThat(reader.next().getInt32("_id").getValue()).isEqualTo(2);
        assertThat(reader.next()).isNull();
        assertThat(reader.documents()).isEqualTo(2);
        assertThat(reader.bytes()).isEqualTo(first.length + second.length);
    }

    @Test
    void documentsReadIntoTheCallersBufferAreTheBytesOfTheStreamAndTruncationIsNamed() throws Exception {
        byte[] first = bytes(new BsonDocument("_id", new BsonInt32(1)).append("name", new BsonString("Ada")));
        byte[] second = bytes(new BsonDocument("_id", new BsonInt32(2)));
        byte[] stream = concat(first, second);
        BsonDocumentReader reader = new BsonDocumentReader(new ByteArrayInputStream(
                Arrays.copyOf(stream, stream.length - 2)), "dump/App/x.bson");
        byte[] buffer = new byte[100];

        assertThat(reader.nextLength()).isEqualTo(first.length);
        assertThatThrownBy(reader::nextLength).isInstanceOf(IllegalStateException.class);
        reader.readDocument(buffer, 7);
        assertThat(Arrays.copyOfRange(buffer, 7, 7 + first.length)).isEqualTo(first);
        assertThat(reader.documents()).isEqualTo(1);
        assertThat(reader.nextLength()).isEqualTo(second.length);
        assertThatThrownBy(() -> reader.readDocument(buffer, 0)).isInstanceOf(CorruptDataException.class)
                .hasMessage("dump/App/x.bson: the data ends in the middle of document 2 (byte "
                        + (stream.length - 2) + "); the file is truncated");
    }

    @Test
    void truncatedStreamIsNamedAsTruncated() {
        byte[] document = bytes(new BsonDocument("_id", new BsonInt32(1)));
        byte[] truncated = Arrays.copyOf(document, document.length - 3);
        BsonDocumentReader reader = new BsonDocumentReader(new ByteArrayInputStream(truncated), "dump/App/x.bson");
        assertThatThrownBy(reader::next).isInstanceOf(CorruptDataException.class)
                .hasMessage("dump/App/x.bson: the data ends in the middle of document 1 (byte "
                        + truncated.length + "); the file is truncated");
    }

    @Test
    void missingTerminatorIsRefused() {
        byte[] document = bytes(new BsonDocument("_id", new BsonInt32(1)));
        document[document.length - 1] = 7;
        BsonDocumentReader reader = new BsonDocumentReader(new ByteArrayInputStream(document), "x.bson");
        assertThatThrownBy(reader::next).hasMessageContaining("does not end with the BSON terminator");
    }

    @Test
    void impossibleAndOversizedLengthsAreRefusedBeforeAllocating() {
        byte[] huge = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(17 * 1024 * 1024).array();
        assertThatThrownBy(() -> new BsonDocumentReader(new ByteArrayInputStream(huge), "x.bson").next())
                .hasMessageContaining("more than MongoDB's 16 MiB limit");
        byte[] negative = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-5).array();
        assertThatThrownBy(() -> new BsonDocumentReader(new ByteArrayInputStream(negative), "x.bson").next())
                .hasMessageContaining("claims a length of 4294967291 bytes, which is impossible");
    }
}
