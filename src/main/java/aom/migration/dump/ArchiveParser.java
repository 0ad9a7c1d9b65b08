package aom.migration.dump;

import aom.migration.data.CorruptDataException;
import aom.migration.dump.ArchiveIndex.NamespaceBuilder;
import aom.migration.dump.ArchiveIndex.NamespaceData;
import aom.migration.progress.CancellationToken;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One validating pass over an uncompressed mongodump archive stream: checks the magic number, the prelude, every
 * block's structure and every document's framing, counts each namespace's documents, verifies each EOF block's
 * CRC-64 and records where each namespace's documents lie. Refuses anything else with a
 * {@link CorruptDataException} that names the archive, the byte offset, the namespace and the problem.
 *
 * <p>Interleaving is allowed as the format allows it: a namespace may have any number of segments, mixed with
 * other namespaces' segments, until its EOF block; after that it may not appear again.
 */
final class ArchiveParser {

    private static final int END = -2;
    private static final int TERMINATOR = -1;
    private static final long PROGRESS_EVERY_BYTES = 8L * 1024 * 1024;

    private final InputStream in;
    private final OutputStream copy;
    private final String name;
    private final CancellationToken cancel;
    private final Runnable progress;
    private final byte[] word = new byte[4];
    private byte[] buffer = new byte[64 * 1024];
    private long offset;
    private long nextProgress = PROGRESS_EVERY_BYTES;

    /**
     * @param in       the uncompressed archive, buffered by the caller
     * @param copy     receives every byte read (the unpacked copy of a gzipped archive), or {@code null}
     * @param name     names the archive in messages
     * @param progress called every few MiB, so the caller can report how far the pass is
     */
    ArchiveParser(InputStream in, OutputStream copy, String name, CancellationToken cancel, Runnable progress) {
        this.in = in;
        this.copy = copy;
        this.name = name;
        this.cancel = cancel;
        this.progress = progress;
    }

    ArchiveIndex parse() throws IOException {
        cancel.throwIfCancelled();
        readMagic();
        ArchiveHeader header = readHeader();
        List<ArchiveCollection> prelude = readPrelude();
        Map<String, ArchiveCollection> byDataNamespace = new LinkedHashMap<>();
        for (ArchiveCollection collection : prelude) {
            if (byDataNamespace.put(collection.dataNamespace(), collection) != null) {
                throw corrupt("its prelude lists namespace " + collection.dataNamespace() + " twice");
            }
        }
        Map<String, NamespaceBuilder> open = new LinkedHashMap<>();
        Map<String, NamespaceData> closed = new LinkedHashMap<>();
        while (readBlock(byDataNamespace, open, closed)) {
            cancel.throwIfCancelled();
        }
        if (!open.isEmpty()) {
            throw truncated("before the EOF block of namespace " + open.keySet().iterator().next());
        }
        for (ArchiveCollection collection : prelude) {
            if (!closed.containsKey(collection.dataNamespace())) {
                throw truncated("before namespace " + collection.dataNamespace() + " (listed in its prelude) "
                        + "was complete");
            }
        }
        return new ArchiveIndex(header, prelude, closed, offset);
    }

    private void readMagic() throws IOException {
        int read = readUpTo(word, 0, 4);
        if (read < 4) {
            throw new CorruptDataException(name + " is not a mongodump archive: it holds only " + read + " bytes");
        }
        if (ArchiveFormat.readInt(word, 0) != ArchiveFormat.MAGIC) {
            throw new CorruptDataException(name + " is not a mongodump archive: it starts with " + hexBytes(word)
                    + ", not the archive magic number 6d e2 99 81");
        }
    }

    private ArchiveHeader readHeader() throws IOException {
        long start = offset;
        int item = nextItem("the archive header");
        if (item == END) {
            throw truncated("right after the magic number, before the archive header");
        }
        if (item == TERMINATOR) {
            throw corrupt(start, "the archive header is missing (a terminator follows the magic number)");
        }
        BsonDocument header = ArchiveFormat.decode(Arrays.copyOf(buffer, item));
        String problem = name + ": archive header";
        return new ArchiveHeader(
                (int) ArchiveFormat.number(header, ArchiveFormat.CONCURRENT_COLLECTIONS, 1, problem),
                ArchiveFormat.string(header, ArchiveFormat.VERSION, problem),
                ArchiveFormat.string(header, ArchiveFormat.SERVER_VERSION, problem),
                ArchiveFormat.string(header, ArchiveFormat.TOOL_VERSION, problem));
    }

    private List<ArchiveCollection> readPrelude() throws IOException {
        List<ArchiveCollection> prelude = new ArrayList<>();
        while (true) {
            long start = offset;
            int item = nextItem("the prelude (collection " + (prelude.size() + 1) + ")");
            if (item == END) {
                throw truncated("inside the prelude, after " + prelude.size() + " collection entries");
            }
            if (item == TERMINATOR) {
                return prelude;
            }
            BsonDocument entry = ArchiveFormat.decode(Arrays.copyOf(buffer, item));
            String problem = name + ": prelude entry at byte " + start;
            String collection = ArchiveFormat.string(entry, ArchiveFormat.COLLECTION, problem);
            if (collection == null || collection.isEmpty()) {
                throw corrupt(start, "a prelude entry names no collection");
            }
            prelude.add(new ArchiveCollection(ArchiveFormat.string(entry, ArchiveFormat.DB, problem), collection,
                    ArchiveFormat.string(entry, ArchiveFormat.METADATA, problem),
                    ArchiveFormat.number(entry, ArchiveFormat.SIZE, 0, problem),
                    ArchiveFormat.string(entry, ArchiveFormat.TYPE, problem)));
        }
    }

    /** Reads one block (segment or EOF block); returns false at the clean end of the archive. */
    private boolean readBlock(Map<String, ArchiveCollection> known, Map<String, NamespaceBuilder> open,
                              Map<String, NamespaceData> closed) throws IOException {
        long start = offset;
        int item = nextItem("a namespace header");
        if (item == END) {
            return false;
        }
        if (item == TERMINATOR) {
            throw corrupt(start, "two terminators in a row (a block without a namespace header)");
        }
        BsonDocument header = ArchiveFormat.decode(Arrays.copyOf(buffer, item));
        String problem = name + ": namespace header at byte " + start;
        String collection = ArchiveFormat.string(header, ArchiveFormat.COLLECTION, problem);
        if (collection == null || collection.isEmpty()) {
            throw corrupt(start, "a namespace header names no collection");
        }
        String database = ArchiveFormat.string(header, ArchiveFormat.DB, problem);
        String namespace = (database == null ? "" : database) + "." + collection;
        if (!known.containsKey(namespace)) {
            throw corrupt(start, "the archive holds data for namespace " + namespace
                    + ", which its prelude does not list");
        }
        if (closed.containsKey(namespace)) {
            throw corrupt(start, "namespace " + namespace + " has another block after its EOF block");
        }
        NamespaceBuilder data = open.computeIfAbsent(namespace, NamespaceBuilder::new);
        if (isEof(header, start, namespace)) {
            closeNamespace(namespace, data, ArchiveFormat.number(header, ArchiveFormat.CRC, 0, problem));
            open.remove(namespace);
            closed.put(namespace, data.build());
        } else {
            readSegment(namespace, data);
        }
        return true;
    }

    private boolean isEof(BsonDocument header, long start, String namespace) {
        BsonValue eof = header.get(ArchiveFormat.EOF);
        if (eof == null || eof.isNull()) {
            return false;
        }
        if (!eof.isBoolean()) {
            throw corrupt(start, "the header of namespace " + namespace + " has an EOF field of type "
                    + eof.getBsonType() + " instead of a boolean");
        }
        return eof.asBoolean().getValue();
    }

    private void closeNamespace(String namespace, NamespaceBuilder data, long recorded) throws IOException {
        long start = offset;
        int item = nextItem("the EOF block of namespace " + namespace);
        if (item == END) {
            throw truncated("inside the EOF block of namespace " + namespace);
        }
        if (item != TERMINATOR) {
            throw corrupt(start, "the EOF block of namespace " + namespace
                    + " is followed by a document instead of the terminator");
        }
        long computed = data.crc();
        if (computed != recorded) {
            throw new CorruptDataException(name + ": CRC-64 mismatch for namespace " + namespace + ": its EOF block "
                    + "records " + Crc64.hex(recorded) + ", its " + data.documents() + " documents give "
                    + Crc64.hex(computed) + "; the archive is damaged");
        }
    }

    private void readSegment(String namespace, NamespaceBuilder data) throws IOException {
        long dataStart = offset;
        while (true) {
            int item = nextItem("a document of namespace " + namespace);
            if (item == END) {
                throw truncated("inside a block of namespace " + namespace + " (after "
                        + data.documents() + " of its documents)");
            }
            if (item == TERMINATOR) {
                data.segment(dataStart, offset - 4 - dataStart);
                return;
            }
            data.document(buffer, item);
        }
    }

    /**
     * Reads a terminator or a whole document (into {@link #buffer}).
     *
     * @return {@link #END} at the clean end of the stream, {@link #TERMINATOR}, or the document's length
     */
    private int nextItem(String what) throws IOException {
        long start = offset;
        int read = readUpTo(word, 0, 4);
        if (read == 0) {
            return END;
        }
        if (read < 4) {
            throw truncated("in the middle of " + what + " (byte " + start + ")");
        }
        int length = ArchiveFormat.readInt(word, 0);
        if (length == ArchiveFormat.TERMINATOR) {
            return TERMINATOR;
        }
        if (length < ArchiveFormat.MIN_DOCUMENT_BYTES || length > ArchiveFormat.MAX_DOCUMENT_BYTES) {
            throw corrupt(start, "where " + what + " should start, " + Integer.toUnsignedString(length)
                    + " is neither a BSON document length nor the terminator ff ff ff ff");
        }
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, Math.min(buffer.length * 2, ArchiveFormat.MAX_DOCUMENT_BYTES))];
        }
        System.arraycopy(word, 0, buffer, 0, 4);
        if (readUpTo(buffer, 4, length - 4) < length - 4) {
            throw truncated("in the middle of " + what + " (byte " + start + ")");
        }
        if (buffer[length - 1] != 0) {
            throw corrupt(start, what + " does not end with the BSON terminator byte");
        }
        return length;
    }

    private int readUpTo(byte[] target, int from, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int read = in.read(target, from + done, length - done);
            if (read < 0) {
                break;
            }
            done += read;
        }
        if (copy != null && done > 0) {
            copy.write(target, from, done);
        }
        offset += done;
        if (offset >= nextProgress) {
            nextProgress = offset + PROGRESS_EVERY_BYTES;
            progress.run();
        }
        return done;
    }

    private CorruptDataException corrupt(long at, String problem) {
        return new CorruptDataException(name + ": byte " + at + ": " + problem);
    }

    private CorruptDataException corrupt(String problem) {
        return new CorruptDataException(name + ": " + problem);
    }

    private CorruptDataException truncated(String where) {
        return new CorruptDataException(name + ": the archive ends " + where + " (after " + offset
                + " bytes); the file is truncated", new EOFException());
    }

    private static String hexBytes(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xff));
        }
        return text.toString();
    }
}
