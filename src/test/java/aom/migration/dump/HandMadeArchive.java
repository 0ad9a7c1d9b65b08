package aom.migration.dump;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a mongodump archive byte by byte as mongo-tools' spec.md lays it out, without the production writer, so
 * the reader is tested against the documented format rather than against our own writer. CRCs come from
 * {@link ReferenceCrc64}.
 */
final class HandMadeArchive {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, List<byte[]>> written = new HashMap<>();

    HandMadeArchive() {
        raw(0x6d, 0xe2, 0x99, 0x81);
    }

    HandMadeArchive header(int concurrent, String version, String server, String tool) {
        out.writeBytes(TestDocuments.bytes(new BsonDocument("concurrent_collections", new BsonInt32(concurrent))
                .append("version", new BsonString(version))
                .append("server_version", new BsonString(server))
                .append("tool_version", new BsonString(tool))));
        return this;
    }

    HandMadeArchive collection(String db, String collection, String metadata) {
        out.writeBytes(TestDocuments.bytes(new BsonDocument("db", new BsonString(db))
                .append("collection", new BsonString(collection))
                .append("metadata", new BsonString(metadata))
                .append("size", new BsonInt32(0))));
        return this;
    }

    HandMadeArchive view(String db, String collection, String metadata) {
        out.writeBytes(TestDocuments.bytes(new BsonDocument("db", new BsonString(db))
                .append("collection", new BsonString(collection))
                .append("metadata", new BsonString(metadata))
                .append("size", new BsonInt32(0))
                .append("type", new BsonString("view"))));
        return this;
    }

    HandMadeArchive terminator() {
        raw(0xff, 0xff, 0xff, 0xff);
        return this;
    }

    /** A namespace header, the documents, the terminator. */
    HandMadeArchive segment(String db, String collection, List<byte[]> documents) {
        namespaceHeader(db, collection, false, 0);
        documents.forEach(out::writeBytes);
        written.computeIfAbsent(db + "." + collection, ns -> new ArrayList<>()).addAll(documents);
        return terminator();
    }

    /** The EOF block with the CRC of every document written for the namespace so far. */
    HandMadeArchive eof(String db, String collection) {
        List<byte[]> documents = written.getOrDefault(db + "." + collection, List.of());
        return eof(db, collection, ReferenceCrc64.of(documents.toArray(new byte[0][])));
    }

    HandMadeArchive eof(String db, String collection, long crc) {
        namespaceHeader(db, collection, true, crc);
        return terminator();
    }

    HandMadeArchive namespaceHeader(String db, String collection, boolean eof, long crc) {
        out.writeBytes(TestDocuments.bytes(new BsonDocument("db", new BsonString(db))
                .append("collection", new BsonString(collection))
                .append("EOF", BsonBoolean.valueOf(eof))
                .append("CRC", new BsonInt64(crc))));
        return this;
    }

    HandMadeArchive raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    HandMadeArchive rawBytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    byte[] gzipped() {
        return gzip(bytes());
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
