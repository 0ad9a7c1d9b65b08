package aom.migration.mongo;

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
 * Hands each document of a query reply to a {@link Sink} as its bytes, exactly as the server sent them: it skips over
 * the document to learn its length and lets the sink take that byte range straight from the reply. Cheaper than
 * {@link RawBsonDocumentCodec}, which re-writes every document through a BSON writer into an array of its own; the
 * export (which copies the bytes into blocks) and the verification (which hashes them) never need more than the
 * bytes. One codec per cursor, used by the thread that iterates the cursor. Decode only.
 */
public final class RawDocumentCodec implements Codec<RawDocumentCodec.Taken> {

    /** Where the documents go. Called on the thread that iterates the cursor. */
    public interface Sink {

        /** Takes the next {@code length} bytes of {@code input}: one whole document. */
        void append(BsonInput input, int length);

        /** Takes one whole document from {@code document[offset, offset + length)}. */
        void append(byte[] document, int offset, int length);
    }

    /** What the cursor yields for each document: only that the sink took it. */
    public enum Taken {
        DOCUMENT
    }

    private static final RawBsonDocumentCodec FALLBACK = new RawBsonDocumentCodec();

    private final Sink sink;

    public RawDocumentCodec(Sink sink) {
        this.sink = sink;
    }

    @Override
    public Taken decode(BsonReader reader, DecoderContext context) {
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
                sink.append(input, length);
                return Taken.DOCUMENT;
            }
        }
        RawBsonDocument document = FALLBACK.decode(reader, context);
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        sink.append(bytes, 0, bytes.length);
        return Taken.DOCUMENT;
    }

    @Override
    public void encode(BsonWriter writer, Taken value, EncoderContext context) {
        throw new UnsupportedOperationException("Documents are only read through this codec");
    }

    @Override
    public Class<Taken> getEncoderClass() {
        return Taken.class;
    }
}
