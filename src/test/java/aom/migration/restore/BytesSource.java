package aom.migration.restore;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/** A collection's raw BSON held in memory, as a test stand-in for a bundle entry or a dump file. */
record BytesSource(String database, String collection, CollectionMetadata metadata, byte[] bytes, long documents,
                   String sha256) implements CollectionSource {

    @Override
    public long expectedDocuments() {
        return documents;
    }

    @Override
    public long expectedBytes() {
        return bytes.length;
    }

    @Override
    public Optional<String> expectedSha256() {
        return Optional.ofNullable(sha256);
    }

    @Override
    public InputStream openDocuments() {
        return new ByteArrayInputStream(bytes);
    }

    /** The same source with one byte flipped at {@code offset} (the checksum stays the original's). */
    BytesSource withFlippedByte(int offset) {
        byte[] copy = bytes.clone();
        copy[offset] ^= 0x01;
        return new BytesSource(database, collection, metadata, copy, documents, sha256);
    }

    /** The same source with {@code document} appended, and the checksum and count that go with it. */
    BytesSource withDocument(byte[] document) throws java.security.NoSuchAlgorithmException {
        byte[] more = java.util.Arrays.copyOf(bytes, bytes.length + document.length);
        System.arraycopy(document, 0, more, bytes.length, document.length);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(more));
        return new BytesSource(database, collection, metadata, more, documents + 1, hash);
    }

    BytesSource withMetadata(CollectionMetadata other) {
        return new BytesSource(database, collection, other, bytes, documents, sha256);
    }
}
