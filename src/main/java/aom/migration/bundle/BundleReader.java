package aom.migration.bundle;

import aom.migration.data.CorruptDataException;
import aom.migration.model.ExtractionProfile;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Opens a bundle for preview and import. {@link #open} reads only the zip's central directory and the manifest, so
 * it is fast whatever the bundle's size, and refuses, with a message naming the problem, anything that is not a
 * complete bundle this build understands: not a zip or truncated, no or a foreign manifest, a newer format version,
 * absolute or {@code ..} paths, duplicate entries, entries the manifest does not list or lists but lacks, and sizes
 * that differ from the manifest. Reading an entry then checks its size and SHA-256 as it streams
 * ({@link VerifyingInputStream}); {@link #verifyChecksums} does that for every entry up front.
 *
 * <p>Thread-safe for reading: several collections can be streamed at once.
 */
public final class BundleReader implements AutoCloseable {

    private static final int STREAM_BUFFER = 256 * 1024;

    private final Path file;
    private final ZipFile zip;
    private final Manifest manifest;
    private final Map<String, ZipArchiveEntry> zipEntries;
    private final List<BundleCollection> collections;
    /** The decrypting channel of an encrypted bundle, else null. */
    private final AgeReader encrypted;
    private boolean authenticated;

    private BundleReader(Path file, ZipFile zip, Manifest manifest, Map<String, ZipArchiveEntry> zipEntries,
                         AgeReader encrypted) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
        this.zipEntries = zipEntries;
        this.encrypted = encrypted;
        this.collections = collectionsOf(manifest);
    }

    /** Whether {@code file} is an encrypted bundle (an age file): its first bytes tell, without a passphrase. */
    public static boolean isEncrypted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(AgeFormat.MAGIC.length), AgeFormat.MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens and checks a bundle's structure and manifest.
     *
     * @throws NoSuchFileException  when the file does not exist
     * @throws CorruptDataException when the file is not a complete, valid bundle of a format this build reads
     * @throws IOException          when the file cannot be read
     */
    public static BundleReader open(Path file) throws IOException {
        return open(file, null);
    }

    /**
     * Opens a bundle, plain or encrypted. An encrypted one is decrypted as it is read: opening derives the key from
     * {@code passphrase} and reads the zip's directory and the manifest only, like a plain one.
     *
     * @param passphrase for an encrypted bundle; ignored for a plain one
     * @throws PassphraseRequiredException when the bundle is encrypted and {@code passphrase} is null
     * @throws WrongPassphraseException    when the passphrase does not open it
     */
    public static BundleReader open(Path file, Passphrase passphrase) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "there is no such bundle file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CorruptDataException(file + " is not a bundle file (it is a directory or a device)");
        }
        AgeReader decrypted = null;
        if (isEncrypted(file)) {
            if (passphrase == null) {
                throw new PassphraseRequiredException(file + " is encrypted; its passphrase is needed to open it");
            }
            decrypted = AgeReader.open(file, passphrase);
        }
        ZipFile zip;
        try {
            zip = decrypted == null ? ZipFile.builder().setPath(file).setCharset(StandardCharsets.UTF_8).get()
                    : ZipFile.builder().setSeekableByteChannel(decrypted).setCharset(StandardCharsets.UTF_8).get();
        } catch (IOException | RuntimeException e) {
            if (decrypted != null) {
                decrypted.close();
            }
            if (e instanceof CorruptDataException corrupt) {
                throw corrupt;
            }
            throw new CorruptDataException(file + " is not a complete zip file, so not a readable bundle; it may be"
                    + " truncated or damaged (" + e.getMessage() + ")", e);
        }
        try {
            Map<String, ZipArchiveEntry> entries = BundleStructure.zipEntries(file, zip);
            Manifest manifest = BundleStructure.readManifest(file, zip, entries);
            BundleStructure.checkEntriesAgainstManifest(file, manifest, entries);
            return new BundleReader(file, zip, manifest, entries, decrypted);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** Whether this bundle is encrypted. */
    public boolean isEncrypted() {
        return encrypted != null;
    }

    /**
     * For an encrypted bundle, decrypts the whole file once and checks every chunk's authentication, so that a
     * changed byte anywhere is found before an import writes anything (its entries' checksums are checked as they
     * stream, which for a plain bundle is while loading). Done once per reader; nothing to do for a plain bundle.
     *
     * @throws CorruptDataException naming where the file fails
     */
    public synchronized void authenticate() throws IOException {
        if (encrypted != null && !authenticated) {
            encrypted.authenticateAll();
            authenticated = true;
        }
    }

    public Path file() {
        return file;
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * The extraction profile the closure was computed with.
     *
     * @throws CorruptDataException when the bundle has metadata but no profile (checked by {@link #open} already)
     */
    public ExtractionProfile profile() {
        if (manifest.profile() == null) {
            throw new CorruptDataException(file + ": the manifest holds no extraction profile");
        }
        return manifest.profile();
    }

    /** The metadata collections in the bundle, in the manifest's order. */
    public List<String> metadataCollections() {
        return manifest.entries(EntryKind.METADATA).stream().map(Manifest.Entry::collection).toList();
    }

    /**
     * One metadata collection's documents, streamed from its Extended JSON lines; empty when the bundle has none for
     * it. Close the stream. The stream verifies the entry's size and checksum and, at its end, the number of lines.
     */
    public Stream<RawBsonDocument> metadataDocuments(String collection) {
        Optional<Manifest.Entry> entry = manifest.entries(EntryKind.METADATA).stream()
                .filter(e -> collection.equals(e.collection())).findFirst();
        if (entry.isEmpty()) {
            return Stream.empty();
        }
        return lines(entry.get()).map(line -> new RawBsonDocument(ExtendedJson.toBson(line.text(),
                describe(entry.get().path()) + " line " + line.number())));
    }

    /** Natural keys, shared flags and parents of the metadata documents ({@code metadata/_keys.jsonl}). */
    public List<ClosureRecord> closure() {
        Optional<Manifest.Entry> entry = manifest.entries(EntryKind.KEYS).stream().findFirst();
        if (entry.isEmpty()) {
            return List.of();
        }
        try (Stream<NumberedLine> lines = lines(entry.get())) {
            String origin = describe(entry.get().path());
            return lines.map(line -> ClosureRecord.fromDocument(
                    new RawBsonDocument(ExtendedJson.toBson(line.text(), origin + " line " + line.number()))
                            .decode(new BsonDocumentCodec()), origin + " line " + line.number()))
                    .toList();
        }
    }

    /** Every collection of the bundle's {@code dump/} folder, in manifest order. */
    public List<BundleCollection> collections() {
        return collections;
    }

    /** The collections of one system's database. */
    public List<BundleCollection> collections(String system) {
        return collections.stream().filter(c -> system.equals(c.system())).toList();
    }

    public Optional<BundleCollection> collection(String database, String collection) {
        return collections.stream().filter(c -> c.database().equals(database) && c.collection().equals(collection))
                .findFirst();
    }

    /** The README's text. */
    public String readme() throws IOException {
        Optional<Manifest.Entry> entry = manifest.entry(BundlePaths.README);
        if (entry.isEmpty()) {
            return "";
        }
        try (InputStream in = openEntry(entry.get())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Opens an entry's uncompressed content, verified against the manifest while it streams (see
     * {@link VerifyingInputStream}). Buffered; close it.
     */
    public InputStream openEntry(Manifest.Entry entry) throws IOException {
        ZipArchiveEntry zipEntry = zipEntries.get(entry.path());
        if (zipEntry == null) {
            throw new CorruptDataException(describe(entry.path()) + " is missing");
        }
        InputStream raw;
        try {
            // The zip library's own stream for what it refuses (encryption and the like) or other methods.
            raw = zipEntry.getMethod() == ZipArchiveEntry.DEFLATED && zip.canReadEntryData(zipEntry)
                    ? EntryInflater.inflate(zip.getRawInputStream(zipEntry), STREAM_BUFFER)
                    : zip.getInputStream(zipEntry);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(describe(entry.path()) + " cannot be read: " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new CorruptDataException(describe(entry.path()) + " uses a compression method this build cannot"
                    + " read");
        }
        return new BufferedInputStream(new VerifyingInputStream(raw, describe(entry.path()), entry.bytes(),
                entry.sha256()), STREAM_BUFFER);
    }

    /**
     * Reads every entry and checks its size, SHA-256 and, for documents, that each BSON document is well-formed and
     * the count matches the manifest. Reports progress (phase VERIFY) per entry.
     *
     * @throws CorruptDataException listing every entry that failed
     * @throws aom.migration.progress.CancelledException when cancelled
     */
    public void verifyChecksums(ProgressListener listener, CancellationToken token) throws IOException {
        authenticate();
        List<String> problems = new BundleVerifier(this).verify(listener, token);
        if (!problems.isEmpty()) {
            throw new CorruptDataException(file + " is damaged: " + String.join("; ", problems));
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** {@code <file>: entry <path>}, for messages. */
    String describe(String path) {
        return file.getFileName() + ": " + path;
    }

    /** One line of a JSON-lines entry with its 1-based number. */
    record NumberedLine(long number, String text) {
    }

    /** The lines of a JSON-lines entry; at the end, checks that there were as many as the manifest says. */
    Stream<NumberedLine> lines(Manifest.Entry entry) {
        BufferedReader reader;
        try {
            reader = new BufferedReader(new InputStreamReader(openEntry(entry), StandardCharsets.UTF_8),
                    STREAM_BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Iterator<NumberedLine> iterator = new Iterator<>() {
            private long number;
            private String next = advance();

            private String advance() {
                try {
                    String line = reader.readLine();
                    while (line != null && line.isBlank()) {
                        line = reader.readLine();
                    }
                    if (line == null && number != entry.documents()) {
                        throw new CorruptDataException(describe(entry.path()) + " holds " + number
                                + " documents, but the manifest announces " + entry.documents());
                    }
                    return line;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public NumberedLine next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                NumberedLine line = new NumberedLine(++number, next);
                next = advance();
                return line;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private List<BundleCollection> collectionsOf(Manifest manifest) {
        Map<String, Manifest.Entry> documents = new HashMap<>();
        for (Manifest.Entry entry : manifest.entries(EntryKind.DOCUMENTS)) {
            documents.put(entry.database() + "\0" + entry.collection(), entry);
        }
        List<BundleCollection> result = new ArrayList<>();
        for (Manifest.Entry definition : manifest.entries(EntryKind.DEFINITION)) {
            result.add(new BundleCollection(this, definition.system(), definition,
                    documents.remove(definition.database() + "\0" + definition.collection())));
        }
        if (!documents.isEmpty()) {
            throw new CorruptDataException(file + ": " + documents.values().iterator().next().path()
                    + " has no collection definition (.metadata.json) in the bundle");
        }
        return List.copyOf(result);
    }
}
