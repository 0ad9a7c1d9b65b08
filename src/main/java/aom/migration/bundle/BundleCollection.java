package aom.migration.bundle;

import aom.migration.data.CollectionSource;
import aom.migration.data.CollectionMetadata;
import aom.migration.data.CorruptDataException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One collection of a bundle's {@code dump/} folder, as the importer loads it. {@link #openDocuments()} verifies
 * while streaming: the stream throws a {@link CorruptDataException} at its end when the size or the SHA-256 differ
 * from the manifest, and as soon as the data runs past the announced size.
 */
public final class BundleCollection implements CollectionSource {

    private final BundleReader bundle;
    private final String system;
    private final Manifest.Entry definition;
    private final Manifest.Entry documents;
    private CollectionMetadata metadata;

    BundleCollection(BundleReader bundle, String system, Manifest.Entry definition, Manifest.Entry documents) {
        this.bundle = bundle;
        this.system = system;
        this.definition = definition;
        this.documents = documents;
    }

    /** The system (LIVE, STAGING or TEST) the database belongs to. */
    public String system() {
        return system;
    }

    @Override
    public String database() {
        return definition.database();
    }

    @Override
    public String collection() {
        return definition.collection();
    }

    /** Parsed on first use from the {@code .metadata.json} entry (verified against its checksum). */
    @Override
    public synchronized CollectionMetadata metadata() {
        if (metadata == null) {
            try (InputStream in = bundle.openEntry(definition)) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                metadata = CollectionMetadata.parse(json, bundle.describe(definition.path()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + definition.path() + " from " + bundle.file(), e);
            }
        }
        return metadata;
    }

    /** Whether the collection is a view (no documents, only its definition). */
    public boolean isView() {
        return documents == null || metadata().isView();
    }

    @Override
    public long expectedDocuments() {
        return documents == null ? 0 : documents.documents();
    }

    @Override
    public long expectedBytes() {
        return documents == null ? 0 : documents.bytes();
    }

    @Override
    public Optional<String> expectedSha256() {
        return documents == null ? Optional.empty() : Optional.of(documents.sha256());
    }

    /** The {@code .bson} entry's manifest record, if the collection has documents. */
    public Optional<Manifest.Entry> documentsEntry() {
        return Optional.ofNullable(documents);
    }

    public Manifest.Entry definitionEntry() {
        return definition;
    }

    @Override
    public InputStream openDocuments() throws IOException {
        return documents == null ? InputStream.nullInputStream() : bundle.openEntry(documents);
    }

    /** The entry stream checks size and SHA-256 against the manifest ({@link BundleReader#openEntry}). */
    @Override
    public boolean verifiesWhileReading() {
        return true;
    }

    @Override
    public String toString() {
        return namespace();
    }
}
