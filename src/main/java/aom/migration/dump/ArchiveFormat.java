package aom.migration.dump;

import aom.migration.data.CorruptDataException;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Facts of the mongodump archive format (mongo-tools {@code common/archive/spec.md}) shared by the reader and the
 * writer:
 * <pre>
 * archive   = magic header collection-metadata* terminator (namespace-segment | namespace-eof)*
 * magic     = 0x8199e26d, little-endian on disk: 6d e2 99 81
 * header    = {concurrent_collections: int32, version: "0.1", server_version: string, tool_version: string}
 * metadata  = {db, collection, metadata: metadata.json text, size: int, [type: "view" | "timeseries"]}
 * segment   = {db, collection, EOF: false, CRC: int64 0} document+ terminator
 * eof       = {db, collection, EOF: true, CRC: int64 crc64(all documents of the namespace)} terminator
 * terminator = ff ff ff ff
 * </pre>
 */
final class ArchiveFormat {

    static final int MAGIC = 0x8199e26d;
    static final int TERMINATOR = 0xffffffff;
    static final String FORMAT_VERSION = "0.1";
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    static final int MIN_DOCUMENT_BYTES = 5;

    static final String CONCURRENT_COLLECTIONS = "concurrent_collections";
    static final String VERSION = "version";
    static final String SERVER_VERSION = "server_version";
    static final String TOOL_VERSION = "tool_version";
    static final String DB = "db";
    static final String COLLECTION = "collection";
    static final String METADATA = "metadata";
    static final String SIZE = "size";
    static final String TYPE = "type";
    static final String EOF = "EOF";
    static final String CRC = "CRC";

    /** The prefix under which a time-series collection's data travels ({@code system.buckets.<name>}). */
    static final String BUCKETS_PREFIX = "system.buckets.";

    private ArchiveFormat() {
    }

    static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }

    static byte[] intBytes(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    /** The header document: field order and types as mongodump writes them. */
    static BsonDocument headerDocument(ArchiveHeader header) {
        return new BsonDocument()
                .append(CONCURRENT_COLLECTIONS, new BsonInt32(header.concurrentCollections()))
                .append(VERSION, new BsonString(header.formatVersion()))
                .append(SERVER_VERSION, new BsonString(header.serverVersion()))
                .append(TOOL_VERSION, new BsonString(header.toolVersion()));
    }

    /**
     * One prelude entry. {@code size} is a Go {@code int}, which Go's BSON encoder writes as int32 when it fits;
     * {@code type} is written only for views and time series, as mongodump 100.x up to 100.5 leaves it out and
     * later versions leave it empty for plain collections.
     */
    static BsonDocument preludeDocument(ArchiveCollection entry) {
        BsonDocument document = new BsonDocument()
                .append(DB, new BsonString(entry.database()))
                .append(COLLECTION, new BsonString(entry.collection()))
                .append(METADATA, new BsonString(entry.metadataJson()))
                .append(SIZE, entry.size() == (int) entry.size() ? new BsonInt32((int) entry.size())
                        : new BsonInt64(entry.size()));
        if (!entry.type().isEmpty()) {
            document.append(TYPE, new BsonString(entry.type()));
        }
        return document;
    }

    /** A namespace header (EOF false, CRC 0) or an EOF header with the namespace's CRC-64. */
    static BsonDocument namespaceHeader(ArchiveCollection entry, boolean eof, long crc) {
        return new BsonDocument()
                .append(DB, new BsonString(entry.database()))
                .append(COLLECTION, new BsonString(entry.dataCollection()))
                .append(EOF, BsonBoolean.valueOf(eof))
                .append(CRC, new BsonInt64(crc));
    }

    /** Encodes a small control document (header, prelude entry, namespace header) in field order. */
    static byte[] encode(BsonDocument document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(256);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
        }
        return buffer.toByteArray();
    }

    static BsonDocument decode(byte[] bytes) {
        return new RawBsonDocument(bytes);
    }

    /** A string field, or {@code null} when absent; any other type is refused with {@code problem}. */
    static String string(BsonDocument document, String field, String problem) {
        BsonValue value = document.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new CorruptDataException(problem + ": '" + field + "' is a " + value.getBsonType()
                    + ", not a string");
        }
        return value.asString().getValue();
    }

    /** A numeric field as a long (Go writes int32 or int64 depending on the value), or {@code fallback}. */
    static long number(BsonDocument document, String field, long fallback, String problem) {
        BsonValue value = document.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new CorruptDataException(problem + ": '" + field + "' is a " + value.getBsonType()
                    + ", not a number");
        }
        return value.isDouble() ? (long) value.asDouble().getValue() : value.asNumber().longValue();
    }
}
