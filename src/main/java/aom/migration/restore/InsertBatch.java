package aom.migration.restore;

import aom.migration.data.BsonDocumentReader;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code insert} command of documents that stay raw bytes: the command is assembled as BSON while the
 * documents are read (the bytes of each document are copied once, into the command), and sent as it is. The
 * driver's {@code insertMany} builds an insert request, an index entry and an {@code _id} check per document and
 * writes the documents again into its message; for a bundle's documents, which are valid BSON with their
 * {@code _id}s, none of that is needed.
 *
 * <p>The command is {@code {insert: <collection>, ordered: false, bypassDocumentValidation: true, documents: [...]}},
 * with the documents inside it. A command may not be larger than a document (16 MiB), so a batch that would make
 * a larger one (a document close to 16 MiB, or batches configured larger than that) goes through the driver's
 * {@code insertMany} instead, which sends the documents beside the command; they are still not decoded.
 */
final class InsertBatch {

    private static final byte DOCUMENT = 0x03;
    private static final byte STRING = 0x02;
    private static final byte BOOLEAN = 0x08;
    private static final byte ARRAY = 0x04;
    private static final int FIRST_CAPACITY = 64 * 1024;
    private static final int DUPLICATE_KEY = 11000;
    /** The largest command sent as one: MongoDB's document size limit, which mongo-java-server applies to commands. */
    static final int MAX_COMMAND_BYTES = 16 * 1024 * 1024;
    private static final InsertManyOptions INSERT_MANY = new InsertManyOptions().ordered(false)
            .bypassDocumentValidation(true);

    private final String collection;
    private byte[] command;
    private int length;
    /** Where the documents array's length prefix is. */
    private final int arrayStart;
    private int documents;
    private long documentBytes;
    private boolean finished;
    private long sequence = -1;
    private long endDocument = -1;

    /** An empty batch for {@code collection}. */
    InsertBatch(String collection) {
        this(collection, FIRST_CAPACITY);
    }

    /** An empty batch for {@code collection} with room for about {@code capacity} bytes before it has to grow. */
    InsertBatch(String collection, int capacity) {
        this(collection, new byte[Math.max(FIRST_CAPACITY, capacity)]);
    }

    /**
     * An empty batch for {@code collection} that writes its command into {@code buffer} (whatever it holds) while it
     * has room: a buffer that an earlier batch gave back ({@link #buffer()}) once it was sent.
     */
    InsertBatch(String collection, byte[] buffer) {
        this.collection = collection;
        this.command = buffer;
        length = 4;
        byte[] name = collection.getBytes(StandardCharsets.UTF_8);
        element(STRING, "insert");
        int32(name.length + 1);
        bytes(name, 0, name.length);
        put((byte) 0);
        element(BOOLEAN, "ordered");
        put((byte) 0);
        element(BOOLEAN, "bypassDocumentValidation");
        put((byte) 1);
        element(ARRAY, "documents");
        arrayStart = length;
        length += 4;
    }

    /** Appends one whole document, {@code document[offset, offset + size)}. */
    void add(byte[] document, int offset, int size) {
        startDocument(size);
        System.arraycopy(document, offset, command, length, size);
        endDocument(size);
    }

    /**
     * Reads the next document of {@code reader}, whose length {@link BsonDocumentReader#nextLength} returned as
     * {@code size}, straight into the command.
     *
     * @return where the document starts in {@link #buffer()}
     */
    int add(BsonDocumentReader reader, int size) throws IOException {
        startDocument(size);
        int at = length;
        reader.readDocument(command, at);
        endDocument(size);
        return at;
    }

    /** The next array element's type and name, and room for its {@code size} bytes after them. */
    private void startDocument(int size) {
        if (finished) {
            throw new IllegalStateException("The batch for " + collection + " was already sent");
        }
        put(DOCUMENT);
        index(documents);
        ensure(size);
    }

    private void endDocument(int size) {
        length += size;
        documents++;
        documentBytes += size;
    }

    /** The array the command is written into; after {@link #send}, free for the next batch. */
    byte[] buffer() {
        return command;
    }

    int documents() {
        return documents;
    }

    /** The BSON bytes of the documents, without the command around them. */
    long documentBytes() {
        return documentBytes;
    }

    boolean isEmpty() {
        return documents == 0;
    }

    /**
     * Sends the command. When the connection breaks on the way, the server may or may not have applied the batch, so
     * it is sent once more on a new connection: that inserts what is missing, and what the first attempt inserted
     * comes back as duplicate keys, which are expected then (the staging collection is written by this import only,
     * and the read-back after the load counts and hashes every document, so a true duplicate cannot slip through).
     *
     * @throws InsertRefusedException when the server refused documents (a duplicate {@code _id}, a document it
     *                                cannot store) or the write concern failed
     * @throws com.mongodb.MongoException for everything else the driver reports (connection, command errors)
     */
    void send(MongoDatabase database) {
        send(database, false);
    }

    /**
     * Sends the command; with {@code duplicatesExpected} (a resumed load into a staging collection an earlier
     * attempt of the same import began) documents already there come back as duplicate keys, which are expected.
     */
    void send(MongoDatabase database, boolean duplicatesExpected) {
        RawBsonDocument command = finish();
        try {
            sendOnce(database, command, duplicatesExpected);
        } catch (MongoSocketException e) {
            sendOnce(database, command, true);
        }
    }

    /** Numbers the batch within its collection's load: the {@code sequence}-th, ending before document {@code end}. */
    void number(long sequence, long end) {
        this.sequence = sequence;
        this.endDocument = end;
    }

    long sequence() {
        return sequence;
    }

    /** The collection the batch goes into. */
    String collection() {
        return collection;
    }

    /** The number of the source's documents up to and including this batch's last. */
    long endDocument() {
        return endDocument;
    }

    private void sendOnce(MongoDatabase database, RawBsonDocument command, boolean retry) {
        if (length > MAX_COMMAND_BYTES) {
            try {
                database.getCollection(collection, RawBsonDocument.class).insertMany(documentsIn(), INSERT_MANY);
            } catch (MongoBulkWriteException e) {
                if (!retry || e.getWriteConcernError() != null
                        || !e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                    throw e;
                }
            }
            return;
        }
        RawBsonDocument reply = database.runCommand(command, RawBsonDocument.class);
        BsonValue writeErrors = reply.get("writeErrors");
        if (writeErrors != null && writeErrors.isArray()) {
            List<BsonDocument> refused = new ArrayList<>();
            for (BsonValue error : writeErrors.asArray()) {
                if (!retry || error.asDocument().getNumber("code").intValue() != DUPLICATE_KEY) {
                    refused.add(error.asDocument());
                }
            }
            if (!refused.isEmpty()) {
                BsonDocument first = refused.get(0);
                throw new InsertRefusedException(refused.size(), first.getNumber("code").intValue(),
                        first.getString("errmsg").getValue());
            }
        }
        BsonValue concern = reply.get("writeConcernError");
        if (concern != null && concern.isDocument()) {
            BsonDocument error = concern.asDocument();
            throw new InsertRefusedException(0, error.getNumber("code").intValue(),
                    error.getString("errmsg").getValue());
        }
    }

    /** Closes the array and the command and returns it; the batch cannot take more documents after this. */
    RawBsonDocument finish() {
        if (!finished) {
            finished = true;
            put((byte) 0);
            writeInt32At(arrayStart, length - arrayStart);
            put((byte) 0);
            writeInt32At(0, length);
        }
        return new RawBsonDocument(command, 0, length);
    }

    /** The documents of the finished command, each a view of its bytes. */
    private List<RawBsonDocument> documentsIn() {
        List<RawBsonDocument> list = new ArrayList<>(documents);
        int at = arrayStart + 4;
        int end = length - 2;
        while (at < end) {
            at++;
            while (this.command[at] != 0) {
                at++;
            }
            at++;
            int size = (this.command[at] & 0xff) | (this.command[at + 1] & 0xff) << 8
                    | (this.command[at + 2] & 0xff) << 16 | (this.command[at + 3] & 0xff) << 24;
            list.add(new RawBsonDocument(this.command, at, size));
            at += size;
        }
        return list;
    }

    private void element(byte type, String name) {
        put(type);
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        bytes(bytes, 0, bytes.length);
        put((byte) 0);
    }

    /** An array index as an element name: its decimal digits and the terminating zero, without a String. */
    private void index(int value) {
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10_000 ? 4 : value < 100_000 ? 5
                : Integer.toString(value).length();
        ensure(digits + 1);
        for (int i = length + digits - 1, rest = value; i >= length; i--, rest /= 10) {
            command[i] = (byte) ('0' + rest % 10);
        }
        length += digits;
        command[length++] = 0;
    }

    private void int32(int value) {
        ensure(4);
        writeInt32At(length, value);
        length += 4;
    }

    private void writeInt32At(int at, int value) {
        command[at] = (byte) value;
        command[at + 1] = (byte) (value >>> 8);
        command[at + 2] = (byte) (value >>> 16);
        command[at + 3] = (byte) (value >>> 24);
    }

    private void put(byte value) {
        ensure(1);
        command[length++] = value;
    }

    private void bytes(byte[] source, int offset, int size) {
        ensure(size);
        System.arraycopy(source, offset, command, length, size);
        length += size;
    }

    private void ensure(int more) {
        if (length + more > command.length) {
            command = Arrays.copyOf(command, Math.max(length + more, command.length * 2));
        }
    }

    /** The server refused documents of a batch, or the write concern failed. */
    static final class InsertRefusedException extends RuntimeException {

        private final int refused;
        private final int code;

        InsertRefusedException(int refused, int code, String message) {
            super(message);
            this.refused = refused;
            this.code = code;
        }

        /** Documents refused; 0 for a failed write concern. */
        int refused() {
            return refused;
        }

        int code() {
            return code;
        }
    }
}
