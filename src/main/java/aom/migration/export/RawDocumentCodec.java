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
 * Takes each document of a query reply as its bytes, exactly as the server sent them, and appends them to a
 * collection's {@link DocumentBlocks}: it skips over the document to learn its length and copies that byte range
 * straight into the current block. Cheaper than {@link RawBsonDocumentCodec}, which re-writes every document
 * through a BSON writer into an array of its own; the export never needs more than the bytes. One codec per cursor,
 * used by the thread that iterates the cursor. Decode only: the export never writes documents.
 */
final class RawDocumentCodec implements Codec<RawDocumentCodec.Appended> {

    /** What the cursor yields for each document: only that it was appended; the bytes are in the blocks. */
    enum Appended {
        DOCUMENT
    }

    private static final RawBsonDocumentCodec FALLBACK = new RawBsonDocumentCodec();

    private final DocumentBlocks blocks;

    RawDocumentCodec(DocumentBlocks blocks) {
        this.blocks = blocks;
    }

    @Override
    public Appended decode(BsonReader reader, DecoderContext context) {
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
                blocks.append(input, length);
                return Appended.DOCUMENT;
            }
        }
        RawBsonDocument document = FALLBACK.decode(reader, context);
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        blocks.append(bytes, 0, bytes.length);
        return Appended.DOCUMENT;
    }

    @Override
    public void encode(BsonWriter writer, Appended value, EncoderContext context) {
        throw new UnsupportedOperationException("The export only reads documents");
    }

    @Override
    public Class<Appended> getEncoderClass() {
        return Appended.class;
    }
}
