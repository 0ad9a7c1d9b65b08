package aom.migration.dump;

import aom.migration.data.BsonDocumentReader;
import aom.migration.data.CollectionSource;
import aom.migration.bundle.DirectWriteChannel;
import aom.migration.model.PrivateFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a mongodump archive (optionally gzipped) that {@code mongorestore --archive [--gzip]} 100.x and
 * {@link ArchiveReader} read: magic number, header, the prelude of every collection's metadata, then each
 * namespace's documents in segments and an EOF block with their CRC-64.
 *
 * <p>The prelude comes first, so every collection must be named up front. Then either stream one collection at a
 * time ({@link #beginNamespace}, {@link #writeDocument}, {@link #endNamespace}, or {@link #writeCollection}), or
 * open several namespaces at once with {@link #openNamespace} (one thread each) and the writer interleaves their
 * segments as mongodump does, buffering up to {@value #SEGMENT_BYTES} bytes per namespace. Never more namespaces
 * are open at once than the header's {@code concurrentCollections}, because mongorestore needs a worker per
 * interleaved namespace. Namespaces never written get an empty EOF block at {@link #finish()} (views, empty
 * collections). Documents are written as the raw bytes given.
 *
 * <p>Writing to a file goes to {@code <file>.part}, renamed when {@link #finish()} completes; {@link #close()}
 * without {@code finish()} (a cancel or a failure) deletes it, so no half archive is ever left behind.
 */
public final class ArchiveWriter implements Closeable {

    /** How much one namespace buffers before its segment goes out when namespaces interleave. */
    static final int SEGMENT_BYTES = 1024 * 1024;
    private static final byte[] TERMINATOR = ArchiveFormat.intBytes(ArchiveFormat.TERMINATOR);

    private final OutputStream out;
    private final Path partFile;
    /** Whether {@link #finish()} may replace a file that exists under the target's name. */
    private boolean replace;
    private final Path target;
    private final ArchiveHeader header;
    private final Map<String, ArchiveCollection> prelude = new LinkedHashMap<>();
    private final Set<String> written = new LinkedHashSet<>();
    private final Map<String, NamespaceWriter> open = new LinkedHashMap<>();
    private String currentSegment;
    private NamespaceWriter sequential;
    private boolean finished;
    private boolean closed;

    private ArchiveWriter(OutputStream out, Path partFile, Path target, ArchiveHeader header,
                          List<ArchiveCollection> collections) {
        this.out = out;
        this.partFile = partFile;
        this.target = target;
        this.header = header;
        for (ArchiveCollection collection : collections) {
            if (prelude.put(collection.dataNamespace(), collection) != null) {
                throw new IllegalArgumentException("Namespace " + collection.dataNamespace() + " is listed twice");
            }
        }
        if (header.concurrentCollections() < 1) {
            throw new IllegalArgumentException("concurrentCollections must be at least 1");
        }
    }

    /**
     * Starts an archive file: writes a part file of its own beside it ({@link PrivateFiles#partFile}, owner-only)
     * now and moves it to {@code file} on {@link #finish()}, where a file that exists by then is left alone.
     *
     * @param collections every collection the archive will hold, in prelude order
     */
    public static ArchiveWriter create(Path file, boolean gzip, ArchiveHeader header,
                                       List<ArchiveCollection> collections) throws IOException {
        return create(file, gzip, header, collections, false);
    }

    /**
     * {@link #create(Path, boolean, ArchiveHeader, List)}, replacing a file of that name at the end when
     * {@code replace}.
     */
    public static ArchiveWriter create(Path file, boolean gzip, ArchiveHeader header,
                                       List<ArchiveCollection> collections, boolean replace) throws IOException {
        PrivateFiles.folder(file.toAbsolutePath().getParent());
        Path part = PrivateFiles.partFile(file);
        OutputStream stream = Channels.newOutputStream(DirectWriteChannel.create(part));
        try {
            ArchiveWriter writer = new ArchiveWriter(buffered(stream, gzip), part, file, header, collections);
            writer.replace = replace;
            writer.writePrelude();
            return writer;
        } catch (IOException | RuntimeException e) {
            stream.close();
            Files.deleteIfExists(part);
            throw e;
        }
    }

    /** Starts an archive on a stream; {@link #finish()} and {@link #close()} close the stream. */
    public static ArchiveWriter create(OutputStream stream, boolean gzip, ArchiveHeader header,
                                       List<ArchiveCollection> collections) throws IOException {
        ArchiveWriter writer = new ArchiveWriter(buffered(stream, gzip), null, null, header, collections);
        writer.writePrelude();
        return writer;
    }

    /**
     * Writes {@code sources} one after another into a new archive file: their metadata makes the prelude, their
     * documents are copied as they are.
     */
    public static void write(Path file, boolean gzip, ArchiveHeader header, List<? extends CollectionSource> sources)
            throws IOException {
        List<ArchiveCollection> collections = new ArrayList<>();
        for (CollectionSource source : sources) {
            collections.add(ArchiveCollection.of(source.database(), source.collection(), source.metadata(),
                    source.expectedBytes()));
        }
        try (ArchiveWriter writer = create(file, gzip, header, collections)) {
            for (CollectionSource source : sources) {
                writer.writeCollection(source);
            }
            writer.finish();
        }
    }

    /**
     * Opens a namespace of the prelude for writing; several may be open at once (one thread each).
     *
     * @param collection the collection's name (for a time-series collection, its name or its buckets collection)
     */
    public synchronized NamespaceWriter openNamespace(String database, String collection) {
        checkWritable();
        ArchiveCollection entry = entry(database, collection);
        String namespace = entry.dataNamespace();
        if (written.contains(namespace) || open.containsKey(namespace)) {
            throw new IllegalStateException("Namespace " + namespace + " was already written to this archive");
        }
        if (open.size() >= header.concurrentCollections()) {
            throw new IllegalStateException("The archive header allows " + header.concurrentCollections()
                    + " namespaces at once (mongorestore restores that many in parallel); " + open.keySet()
                    + " are still open");
        }
        NamespaceWriter writer = new NamespaceWriter(entry);
        open.put(namespace, writer);
        return writer;
    }

    /** Starts the one namespace the sequential methods write to. */
    public void beginNamespace(String database, String collection) {
        if (sequential != null) {
            throw new IllegalStateException("Namespace " + sequential.namespace() + " is still being written");
        }
        sequential = openNamespace(database, collection);
    }

    /** Appends one raw BSON document to the namespace begun with {@link #beginNamespace}. */
    public void writeDocument(byte[] document) throws IOException {
        if (sequential == null) {
            throw new IllegalStateException("No namespace begun");
        }
        sequential.write(document);
    }

    /** Ends the namespace begun with {@link #beginNamespace}: writes its EOF block. */
    public void endNamespace() throws IOException {
        if (sequential == null) {
            throw new IllegalStateException("No namespace begun");
        }
        NamespaceWriter current = sequential;
        sequential = null;
        current.close();
    }

    /** Copies one whole collection (it must be in the prelude) without interleaving. */
    public void writeCollection(CollectionSource source) throws IOException {
        try (NamespaceWriter writer = openNamespace(source.database(), source.collection());
             InputStream in = new BufferedInputStream(source.openDocuments(), 256 * 1024)) {
            BsonDocumentReader documents = new BsonDocumentReader(in, source.namespace());
            for (byte[] document = documents.nextBytes(); document != null; document = documents.nextBytes()) {
                writer.write(document);
            }
        }
    }

    /**
     * Completes the archive: an empty EOF block for every namespace never written, then flushes, closes and (for a
     * file) renames {@code .part} to the final name.
     *
     * @throws IllegalStateException if a namespace is still open
     */
    public synchronized void finish() throws IOException {
        checkWritable();
        if (!open.isEmpty()) {
            throw new IllegalStateException("Namespaces still open: " + open.keySet());
        }
        for (ArchiveCollection entry : prelude.values()) {
            if (!written.contains(entry.dataNamespace())) {
                writeEof(entry, new Crc64().value());
            }
        }
        out.close();
        if (partFile != null) {
            // On failure (a file of that name appeared meanwhile) close() deletes the part file, which is ours.
            PrivateFiles.publish(partFile, target, replace);
        }
        finished = true;
    }

    /** After {@link #finish()} does nothing; otherwise abandons the archive and deletes its {@code .part} file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (finished) {
            return;
        }
        try {
            out.close();
        } finally {
            if (partFile != null) {
                Files.deleteIfExists(partFile);
            }
        }
    }

    private void writePrelude() throws IOException {
        out.write(ArchiveFormat.intBytes(ArchiveFormat.MAGIC));
        out.write(ArchiveFormat.encode(ArchiveFormat.headerDocument(header)));
        for (ArchiveCollection entry : prelude.values()) {
            out.write(ArchiveFormat.encode(ArchiveFormat.preludeDocument(entry)));
        }
        out.write(TERMINATOR);
    }

    /** Writes documents of one namespace, starting a segment (closing the previous one) when it changes. */
    private synchronized void writeSegment(ArchiveCollection entry, byte[] bytes, int length) throws IOException {
        checkWritable();
        String namespace = entry.dataNamespace();
        if (!namespace.equals(currentSegment)) {
            if (currentSegment != null) {
                out.write(TERMINATOR);
            }
            out.write(ArchiveFormat.encode(ArchiveFormat.namespaceHeader(entry, false, 0)));
            currentSegment = namespace;
        }
        out.write(bytes, 0, length);
    }

    private synchronized boolean isAlone(NamespaceWriter writer) {
        return open.size() == 1 && open.containsKey(writer.namespace());
    }

    private synchronized void endNamespace(NamespaceWriter writer, long crc) throws IOException {
        checkWritable();
        open.remove(writer.namespace());
        writeEof(writer.entry, crc);
    }

    private void writeEof(ArchiveCollection entry, long crc) throws IOException {
        if (currentSegment != null) {
            out.write(TERMINATOR);
            currentSegment = null;
        }
        out.write(ArchiveFormat.encode(ArchiveFormat.namespaceHeader(entry, true, crc)));
        out.write(TERMINATOR);
        written.add(entry.dataNamespace());
    }

    private ArchiveCollection entry(String database, String collection) {
        String namespace = database + "." + collection;
        ArchiveCollection entry = prelude.get(namespace);
        if (entry == null) {
            entry = prelude.values().stream().filter(candidate -> candidate.namespace().equals(namespace))
                    .findFirst().orElse(null);
        }
        if (entry == null) {
            throw new IllegalArgumentException("Namespace " + namespace + " is not in the archive's prelude");
        }
        return entry;
    }

    private void checkWritable() {
        if (finished || closed) {
            throw new IllegalStateException("The archive is already " + (finished ? "finished" : "closed"));
        }
    }

    private static OutputStream buffered(OutputStream stream, boolean gzip) throws IOException {
        return new BufferedOutputStream(gzip ? new FastGzipOutputStream(stream) : stream, 256 * 1024);
    }

    /**
     * gzip at the fastest level. Compression runs on one thread under the writer's lock, so it sets the export's
     * pace: on the demo data the fastest level is about five times quicker than gzip's default (mongodump's) for
     * about a third more bytes. mongorestore reads any level.
     */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /**
     * Writes one namespace's documents; used by one thread. Closing it writes the namespace's EOF block with the
     * CRC-64 of everything written.
     */
    public final class NamespaceWriter implements Closeable {
        private final ArchiveCollection entry;
        private final Crc64 crc = new Crc64();
        private byte[] buffer = new byte[64 * 1024];
        private int buffered;
        private long documents;
        private long bytes;
        private boolean ended;

        private NamespaceWriter(ArchiveCollection entry) {
            this.entry = entry;
        }

        /** {@code database.collection} as the blocks name it. */
        public String namespace() {
            return entry.dataNamespace();
        }

        /** Appends one raw BSON document. */
        public void write(byte[] document) throws IOException {
            if (ended) {
                throw new IllegalStateException("Namespace " + namespace() + " is already closed");
            }
            checkDocument(document);
            crc.update(document);
            documents++;
            bytes += document.length;
            if (buffered > 0 && buffered + document.length > SEGMENT_BYTES) {
                flush();
            }
            if (buffered == 0 && (document.length >= SEGMENT_BYTES || isAlone(this))) {
                writeSegment(entry, document, document.length);
                return;
            }
            if (buffered + document.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(SEGMENT_BYTES, Math.max(buffer.length * 2,
                        buffered + document.length)));
            }
            System.arraycopy(document, 0, buffer, buffered, document.length);
            buffered += document.length;
        }

        public long documents() {
            return documents;
        }

        public long bytes() {
            return bytes;
        }

        /** Writes what is buffered and the EOF block. */
        @Override
        public void close() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            flush();
            endNamespace(this, crc.value());
        }

        private void flush() throws IOException {
            if (buffered > 0) {
                writeSegment(entry, buffer, buffered);
                buffered = 0;
            }
        }

        private void checkDocument(byte[] document) {
            if (document.length < ArchiveFormat.MIN_DOCUMENT_BYTES || document.length
                    > ArchiveFormat.MAX_DOCUMENT_BYTES || ArchiveFormat.readInt(document, 0) != document.length
                    || document[document.length - 1] != 0) {
                throw new IllegalArgumentException("Not one BSON document (" + document.length + " bytes) for "
                        + namespace());
            }
        }
    }
}
