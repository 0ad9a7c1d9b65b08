package aom.migration.session;

import aom.migration.bundle.BundleReader;
import aom.migration.bundle.ClosureRecord;
import aom.migration.bundle.Manifest;
import aom.migration.bundle.Passphrase;
import aom.migration.model.ExtractionProfile;
import aom.migration.progress.CancellationToken;
import aom.migration.restore.BundleImport;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A bundle opened for the preview and the import: its reader (kept open until the wizard moves on to another
 * bundle), the manifest, the metadata closure's keys and the metadata documents. Opening reads the zip's directory
 * and the metadata entries only, never the instance data.
 */
public final class OpenedBundle implements AutoCloseable {

    private final BundleReader reader;
    private final long fileBytes;
    private final List<ClosureRecord> closure;
    private final Map<String, Map<BsonValue, RawBsonDocument>> metadata;

    private OpenedBundle(BundleReader reader, long fileBytes, List<ClosureRecord> closure,
                         Map<String, Map<BsonValue, RawBsonDocument>> metadata) {
        this.reader = reader;
        this.fileBytes = fileBytes;
        this.closure = List.copyOf(closure);
        this.metadata = metadata;
    }

    /**
     * Opens {@code file} and reads its metadata. Does file work: call it from a background task.
     *
     * @throws IOException naming what is wrong with the file (see {@link BundleReader#open})
     */
    public static OpenedBundle open(Path file, CancellationToken cancel) throws IOException {
        return open(file, null, cancel);
    }

    /**
     * {@link #open(Path, CancellationToken)} for a bundle that may be encrypted with {@code passphrase}.
     *
     * @throws aom.migration.bundle.PassphraseRequiredException when it is encrypted and {@code passphrase} is null
     * @throws aom.migration.bundle.WrongPassphraseException    when the passphrase does not open it
     */
    public static OpenedBundle open(Path file, Passphrase passphrase, CancellationToken cancel) throws IOException {
        BundleReader reader = BundleReader.open(file, passphrase);
        try {
            long size = Files.size(file);
            List<ClosureRecord> closure = reader.closure();
            Map<String, Map<BsonValue, RawBsonDocument>> documents = new LinkedHashMap<>();
            for (String collection : reader.metadataCollections()) {
                cancel.throwIfCancelled();
                Map<BsonValue, RawBsonDocument> byId = new HashMap<>();
                try (Stream<RawBsonDocument> stream = reader.metadataDocuments(collection)) {
                    stream.forEach(document -> byId.put(document.get("_id"), document));
                }
                documents.put(collection, Collections.unmodifiableMap(byId));
            }
            return new OpenedBundle(reader, size, closure, Collections.unmodifiableMap(documents));
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    public Path file() {
        return reader.file();
    }

    public BundleReader reader() {
        return reader;
    }

    public Manifest manifest() {
        return reader.manifest();
    }

    /** The size of the bundle file on disk (compressed). */
    public long fileBytes() {
        return fileBytes;
    }

    /** Natural keys, shared flags and parents of every metadata document. */
    public List<ClosureRecord> closure() {
        return closure;
    }

    /** The application's name as the bundle records it. */
    public String application() {
        return manifest().application().name();
    }

    /** Whether the bundle holds the metadata closure. */
    public boolean hasMetadata() {
        return manifest().selection() != null && manifest().selection().metadata();
    }

    /**
     * Where the extraction profile the bundle carries differs from {@code inForce}, one line each; the import follows
     * the one in force, never the bundle's (DESIGN.md section 4).
     */
    public List<String> profileDifferences(ExtractionProfile inForce) {
        return BundleImport.profileDifferences(reader, inForce);
    }

    /** One metadata document, by collection and {@code _id}. */
    public Optional<RawBsonDocument> document(String collection, BsonValue id) {
        return Optional.ofNullable(metadata.getOrDefault(collection, Map.of()).get(id));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
