package aom.migration.mongo;

import com.mongodb.ClientSessionOptions;
import com.mongodb.ReadPreference;
import com.mongodb.client.ClientSession;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterType;
import org.bson.BsonArray;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonReader;
import org.bson.BsonSerializationException;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.io.BsonInput;
import org.bson.io.BsonInputMark;

import java.util.List;

/**
 * Reads one collection in natural order as a driver cursor does ({@code find}, then {@code getMore} until the server
 * has no more), but takes each reply's batch as a whole: the documents go to a {@link RawDocumentCodec.Sink} straight
 * out of the reply's bytes, found by their length prefixes. The driver's cursor instead decodes every document of a
 * batch through its codec registry into a list, which for small documents costs more CPU than the copy itself (and,
 * in a fresh JVM, the compilation of that path): on a machine whose cores the server shares, every such
 * millisecond is wall time.
 *
 * <p>Only where it reads exactly what the driver's cursor would ({@link #suits}): a standalone server or a replica
 * set read from its primary, where every command of the cursor reaches the same server. Elsewhere (a sharded
 * cluster behind several routers, another read preference) it reads through the driver's cursor, with
 * {@link RawDocumentCodec} handing each document's bytes to the same sink, a batch at a time as the cursor holds
 * them. Where the server has sessions, the commands share one, as the server requires of a cursor's
 * {@code getMore}.
 *
 * <p>One thread at a time. {@link #close} ends a cursor the server still holds.
 */
public final class RawFind implements AutoCloseable {

    private final MongoDatabase database;
    private final String collection;
    private final int batchSize;
    private final ClientSession session;
    /** The driver's cursor where the batches cannot be taken whole ({@link #suits}), else null. */
    private final MongoCursor<RawDocumentCodec.Taken> cursor;
    private long cursorId;
    private boolean started;

    private RawFind(MongoClient client, MongoDatabase database, String collection, int batchSize,
                    RawDocumentCodec.Sink sink) {
        this.collection = collection;
        this.batchSize = batchSize;
        if (suits(client, database)) {
            this.database = database.withCodecRegistry(CodecRegistries.fromRegistries(
                    CodecRegistries.fromCodecs(new BatchCodec(sink)), database.getCodecRegistry()));
            this.session = sessionOf(client);
            this.cursor = null;
        } else {
            this.database = database;
            this.session = null;
            this.cursor = driverCursor(database, collection, batchSize, sink);
        }
    }

    private static MongoCursor<RawDocumentCodec.Taken> driverCursor(MongoDatabase database, String collection,
                                                                   int batchSize, RawDocumentCodec.Sink sink) {
        MongoCollection<RawDocumentCodec.Taken> documents = database.getCollection(collection,
                RawDocumentCodec.Taken.class);
        FindIterable<RawDocumentCodec.Taken> find = documents.withCodecRegistry(CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new RawDocumentCodec(sink)), documents.getCodecRegistry())).find();
        return (batchSize > 0 ? find.batchSize(batchSize) : find).iterator();
    }

    /**
     * True when the batches can be taken whole on {@code database}: the client reaches one server or a replica set,
     * and reads from its primary.
     */
    static boolean suits(MongoClient client, MongoDatabase database) {
        ClusterType type = client.getClusterDescription().getType();
        return (type == ClusterType.STANDALONE || type == ClusterType.REPLICA_SET)
                && database.getReadPreference().equals(ReadPreference.primary());
    }

    /**
     * A reader of {@code collection} in the database named {@code database} of {@code client}, in batches of
     * {@code batchSize} documents (0: as many as the server sends, up to 16 MB), each document handed to
     * {@code sink}. Taking the batches whole, nothing is read before the first {@link #next}; through the driver's
     * cursor, the first batch is asked for at once.
     */
    public static RawFind open(MongoClient client, String database, String collection, int batchSize,
                               RawDocumentCodec.Sink sink) {
        return new RawFind(client, client.getDatabase(database), collection, batchSize, sink);
    }

    /**
     * Reads the next batch into the sink.
     *
     * @return the number of documents in it (a batch may be empty while more follow), or -1 when the collection has
     *         been read to its end
     */
    public int next() {
        if (cursor != null) {
            return nextFromCursor();
        }
        if (started && cursorId == 0) {
            return -1;
        }
        BsonDocument command = started
                ? new BsonDocument("getMore", new BsonInt64(cursorId)).append("collection", new BsonString(collection))
                : new BsonDocument("find", new BsonString(collection));
        if (batchSize > 0) {
            command.append("batchSize", new BsonInt32(batchSize));
        }
        Batch batch = session != null ? database.runCommand(session, command, Batch.class)
                : database.runCommand(command, Batch.class);
        started = true;
        cursorId = batch.cursorId();
        return batch.documents();
    }

    /** Through the driver's cursor: the documents it holds without asking the server again, at least one. */
    private int nextFromCursor() {
        if (!cursor.hasNext()) {
            return -1;
        }
        int documents = 0;
        do {
            cursor.next();
            documents++;
        } while (cursor.available() > 0);
        return documents;
    }

    /** The server's cursor: 0 before the first batch and after the last. */
    long cursorId() {
        return cursorId;
    }

    /** Ends the server's cursor if the collection was not read to its end, and the session. */
    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            return;
        }
        try {
            if (cursorId != 0) {
                BsonDocument kill = new BsonDocument("killCursors", new BsonString(collection))
                        .append("cursors", new BsonArray(List.of(new BsonInt64(cursorId))));
                cursorId = 0;
                try {
                    if (session != null) {
                        database.runCommand(session, kill, BsonDocument.class);
                    } else {
                        database.runCommand(kill, BsonDocument.class);
                    }
                } catch (RuntimeException ignored) {
                    // The server ends idle cursors itself after ten minutes.
                }
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private static ClientSession sessionOf(MongoClient client) {
        if (client.getClusterDescription().getLogicalSessionTimeoutMinutes() == null) {
            // A server without sessions (the embedded one): its cursors do not belong to a session.
            return null;
        }
        return client.startSession(ClientSessionOptions.builder().causallyConsistent(false).build());
    }

    /** What one reply said: the cursor to continue with (0 at the end) and how many documents it held. */
    record Batch(long cursorId, int documents) {
    }

    /**
     * Decodes a {@code find} or {@code getMore} reply: the cursor's id, and the batch's documents handed to the sink
     * one by one as byte ranges of the reply.
     */
    private static final class BatchCodec implements Codec<Batch> {

        private final RawDocumentCodec.Sink sink;

        BatchCodec(RawDocumentCodec.Sink sink) {
            this.sink = sink;
        }

        @Override
        public Batch decode(BsonReader reader, DecoderContext context) {
            if (!(reader instanceof BsonBinaryReader binary)) {
                throw new BsonSerializationException("A cursor's reply can only be read from its bytes");
            }
            long id = -1;
            int documents = -1;
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (!reader.readName().equals("cursor") || reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                    reader.skipValue();
                    continue;
                }
                reader.readStartDocument();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    String name = reader.readName();
                    if (name.equals("id")) {
                        id = switch (reader.getCurrentBsonType()) {
                            case INT64 -> reader.readInt64();
                            case INT32 -> reader.readInt32();
                            default -> throw new BsonSerializationException("The cursor's id is not a number");
                        };
                    } else if ((name.equals("firstBatch") || name.equals("nextBatch"))
                            && reader.getCurrentBsonType() == BsonType.ARRAY) {
                        documents = take(binary);
                    } else {
                        reader.skipValue();
                    }
                }
                reader.readEndDocument();
            }
            reader.readEndDocument();
            if (id < 0 || documents < 0) {
                throw new BsonSerializationException("The server's reply has no cursor with a batch of documents");
            }
            return new Batch(id, documents);
        }

        /** Hands the documents of the batch array the reader is positioned at to the sink; returns their number. */
        private int take(BsonBinaryReader reader) {
            BsonInput input = reader.getBsonInput();
            BsonInputMark start = input.getMark(Integer.MAX_VALUE);
            int from = input.getPosition();
            reader.skipValue();
            int end = input.getPosition();
            start.reset();
            input.readInt32();
            int documents = 0;
            while (true) {
                byte type = input.readByte();
                if (type == 0) {
                    break;
                }
                if (type != BsonType.DOCUMENT.getValue()) {
                    throw new BsonSerializationException("The server sent a batch element that is not a document");
                }
                input.skipCString();
                BsonInputMark document = input.getMark(4);
                int length = input.readInt32();
                document.reset();
                if (length < 5 || input.getPosition() + length > end) {
                    throw new BsonSerializationException("The server sent a document whose length does not fit its "
                            + "batch");
                }
                sink.append(input, length);
                documents++;
            }
            if (input.getPosition() != end) {
                throw new BsonSerializationException("The batch of " + (end - from) + " bytes ended early");
            }
            return documents;
        }

        @Override
        public void encode(BsonWriter writer, Batch value, EncoderContext context) {
            throw new UnsupportedOperationException("Replies are only read");
        }

        @Override
        public Class<Batch> getEncoderClass() {
            return Batch.class;
        }
    }
}
