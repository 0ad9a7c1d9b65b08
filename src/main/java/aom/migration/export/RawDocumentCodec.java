package aom.migration.export;

import org.bson.BsonBinaryReader;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.RawBsonDocumentCodec;
import org.bson.io.BsonInput;
import org.bson.io.BsonInputMark;

import java.nio.ByteBuffer;

/**
 * Takes each document of a query reply as its bytes, exactly as the server sent them: it skips over the document to
 * learn its length and copies that byte range. Cheaper than {@link RawBsonDocumentCodec}, which re-writes every
 * document through a BSON writer, and the export never needs more than the bytes.
 */
final class RawDocumentCodec implements Codec<RawDocumentCodec.RawDocument> {

    /** One document's bytes. */
    record RawDocument(byte[] bytes) {
    }

    private static final RawBsonDocumentCodec FALLBACK = new RawBsonDocumentCodec();

    @Override
    public RawDocument decode(BsonReader reader, DecoderContext context) {
        if (reader instanceof BsonBinaryReader binary) {
            BsonInput input = binary.getBsonInput();
            BsonInputMark start = input.getMark(Integer.MAX_VALUE);
            int from = input.getPosition();
            boolean skipped;
            try {
                binary.skipValue();
                skipped = true;
            } catch (BsonInvalidOperationException e) {
                // Not positioned at a value (a top-level document): let the driver's codec read it.
                skipped = false;
            }
            if (skipped) {
                int length = input.getPosition() - from;
                start.reset();
                byte[] bytes = new byte[length];
                input.readBytes(bytes);
                return new RawDocument(bytes);
            }
        }
        RawBsonDocument document = FALLBACK.decode(reader, context);
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new RawDocument(bytes);
    }

    @Override
    public void encode(BsonWriter writer, RawDocument value, EncoderContext context) {
        FALLBACK.encode(writer, new RawBsonDocument(value.bytes()), context);
    }

    @Override
    public Class<RawDocument> getEncoderClass() {
        return RawDocument.class;
    }
}
