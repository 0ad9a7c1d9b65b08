package aom.migration.reliability;

import aom.migration.data.BsonDocumentReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Damages copies of a bundle the way disks, networks and people do: rewrites entries (keeping the zip valid), forges
 * an entry together with its manifest record (so that only the content checks can tell), edits the manifest, and
 * flips bytes of the raw file at the offsets of zip structures.
 */
final class BundleSurgery {

    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One entry of a bundle with its uncompressed content. */
    record Entry(String name, byte[] content) {
    }

    private BundleSurgery() {
    }

    static List<Entry> entries(Path bundle) {
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            List<Entry> entries = new ArrayList<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.add(new Entry(entry.getName(), in.readAllBytes()));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code entries} as a zip (deflated), in order; duplicate and hostile names are written as given. */
    static Path write(Path to, List<Entry> entries) {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(to)) {
            for (Entry entry : entries) {
                out.putArchiveEntry(new ZipArchiveEntry(entry.name()));
                out.write(entry.content());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    static Path rewrite(Path from, Path to, UnaryOperator<List<Entry>> change) {
        return write(to, change.apply(new ArrayList<>(entries(from))));
    }

    /** The content of one entry. */
    static byte[] content(Path bundle, String name) {
        return entries(bundle).stream().filter(entry -> entry.name().equals(name)).findFirst().orElseThrow()
                .content();
    }

    /** Replaces one entry's content, leaving the manifest as it was (so the checksum no longer matches). */
    static Path replace(Path from, Path to, String name, UnaryOperator<byte[]> change) {
        return rewrite(from, to, entries -> {
            entries.replaceAll(entry -> entry.name().equals(name)
                    ? new Entry(name, change.apply(entry.content().clone())) : entry);
            return entries;
        });
    }

    /**
     * Replaces one entry's content and makes its manifest record agree (size, SHA-256 and, for BSON and JSON-lines
     * entries, the number of documents), as a forger would: only the checks of the content itself can object.
     */
    static Path forge(Path from, Path to, String name, UnaryOperator<byte[]> change) {
        return rewrite(from, to, entries -> {
            byte[] content = null;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).name().equals(name)) {
                    content = change.apply(entries.get(i).content().clone());
                    entries.set(i, new Entry(name, content));
                }
            }
            byte[] forged = content;
            return withManifest(entries, manifest -> {
                for (JsonNode record : manifest.withArray("entries")) {
                    if (record.path("path").asText().equals(name)) {
                        ((ObjectNode) record).put("bytes", forged.length).put("sha256", sha256(forged));
                        if (record.has("documents") && record.path("documents").asLong() > 0) {
                            ((ObjectNode) record).put("documents", documents(name, forged));
                        }
                    }
                }
            });
        });
    }

    /**
     * Renames a collection of the bundle, as a forger (or an export of a version that did not know working
     * collections) would: its two entries, the name in its metadata entry and the manifest's records of both.
     */
    static Path renameCollection(Path from, Path to, String database, String collection, String newName) {
        String prefix = "dump/" + database + "/";
        return rewrite(from, to, entries -> {
            Map<String, byte[]> renamed = new HashMap<>();
            entries.replaceAll(entry -> {
                for (String suffix : List.of(".bson", ".metadata.json")) {
                    if (entry.name().equals(prefix + collection + suffix)) {
                        byte[] content = suffix.equals(".bson") ? entry.content() : new String(entry.content(),
                                StandardCharsets.UTF_8).replace("\"" + collection + "\"", "\"" + newName + "\"")
                                .getBytes(StandardCharsets.UTF_8);
                        renamed.put(entry.name(), content);
                        return new Entry(prefix + newName + suffix, content);
                    }
                }
                return entry;
            });
            return withManifest(entries, manifest -> {
                for (JsonNode record : manifest.withArray("entries")) {
                    byte[] content = renamed.get(record.path("path").asText());
                    if (content != null) {
                        ObjectNode edited = (ObjectNode) record;
                        edited.put("path", record.path("path").asText().replace(prefix + collection + ".",
                                prefix + newName + ".")).put("collection", newName).put("bytes", content.length)
                                .put("sha256", sha256(content));
                    }
                }
            });
        });
    }

    /** Changes the manifest (as a JSON tree); everything else stays. */
    static Path editManifest(Path from, Path to, Consumer<ObjectNode> change) {
        return rewrite(from, to, entries -> withManifest(entries, change));
    }

    private static List<Entry> withManifest(List<Entry> entries, Consumer<ObjectNode> change) {
        entries.replaceAll(entry -> {
            if (!entry.name().equals(MANIFEST)) {
                return entry;
            }
            try {
                ObjectNode manifest = (ObjectNode) JSON.readTree(entry.content());
                change.accept(manifest);
                return new Entry(MANIFEST, JSON.writeValueAsBytes(manifest));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return entries;
    }

    /** A copy of {@code from} with the byte at {@code offset} XOR {@code mask}. */
    static Path flip(Path from, Path to, long offset, int mask) {
        try {
            byte[] bytes = Files.readAllBytes(from);
            bytes[(int) offset] ^= (byte) mask;
            return Files.write(to, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where an entry's (compressed) data starts in the file, and how long it is. */
    static long[] storedData(Path bundle, String name) {
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            ZipArchiveEntry entry = zip.getEntry(name);
            return new long[] {entry.getDataOffset(), entry.getCompressedSize(), entry.getLocalHeaderOffset()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offset of an entry's record in the central directory (signature PK\1\2 followed by its name). */
    static long centralRecord(Path bundle, String name) {
        byte[] bytes = read(bundle);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 46; i >= 0; i--) {
            if (buffer.getInt(i) == 0x02014b50 && (buffer.getShort(i + 28) & 0xffff) == wanted.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No central directory record for " + name);
    }

    /** The offset of the end-of-central-directory record. */
    static long endOfCentralDirectory(Path bundle) {
        byte[] bytes = read(bundle);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 22; i >= 0; i--) {
            if (buffer.getInt(i) == 0x06054b50) {
                return i;
            }
        }
        throw new IllegalArgumentException("No end of central directory in " + bundle);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Documents in a BSON entry (by length prefixes, whatever they say) or lines in a JSON-lines entry. */
    private static long documents(String name, byte[] content) {
        if (name.endsWith(".jsonl")) {
            return new String(content, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).count();
        }
        long count = 0;
        ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 4 <= content.length; count++) {
            int length = buffer.getInt(at);
            if (length < 5) {
                return count + 1;
            }
            at += length;
        }
        return count;
    }

    static byte[] concatenate(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Counts the well-formed documents of a BSON entry (to check a fixture). */
    static long wellFormedDocuments(byte[] content) throws IOException {
        BsonDocumentReader reader = new BsonDocumentReader(new ByteArrayInputStream(content), "fixture");
        while (reader.nextBytes() != null) {
            // counting
        }
        return reader.documents();
    }
}
