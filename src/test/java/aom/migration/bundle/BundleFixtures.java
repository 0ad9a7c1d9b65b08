package aom.migration.bundle;

import aom.migration.data.CollectionMetadata;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Builds small bundles without a server, and damaged copies of them. */
final class BundleFixtures {

    static final String DATABASE = "App";

    private BundleFixtures() {
    }

    static Manifest draft(List<String> warnings) {
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "2024-03-01T08:00:00Z",
                new Manifest.Tool("test", "1"), new Manifest.Source("db1:27017", "6.0.0", "standalone"),
                new Manifest.Application("App", "The App", "DASHED"),
                new Manifest.SelectionInfo(true, List.of("LIVE")),
                new Manifest.MetadataInfo("apiomat", Map.of(), BundlePaths.KEYS),
                List.of(new Manifest.DatabaseInfo("LIVE", DATABASE, 1, 0, 0)),
                new Manifest.Counts(0, 1, 1, 0, 0), warnings, ExtractionProfile.defaults(), List.of());
    }

    /** A bundle with one collection {@code App.things} holding {@code documents}, and one metadata line each. */
    static Path bundle(Path file, Compression compression, List<byte[]> documents) throws IOException {
        try (BundleWriter writer = BundleWriter.create(file, compression, 1 << 20, true)) {
            EntrySpool metadata = writer.newEntry(BundlePaths.metadata("things"));
            for (byte[] document : documents) {
                metadata.write((ExtendedJson.toLine(document, 0, document.length) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                metadata.countDocuments(1);
            }
            writer.add(metadata.finish(), Manifest.KIND_METADATA, null, "apiomat", "things");
            CollectionMetadata definition = new CollectionMetadata("things", "collection", null, List.of(), null,
                    null);
            writer.add(BundlePaths.definition(DATABASE, "things"),
                    definition.toJson().getBytes(StandardCharsets.UTF_8), Manifest.KIND_DEFINITION, SystemKind.LIVE,
                    DATABASE, "things", 0);
            EntrySpool data = writer.newEntry(BundlePaths.documents(DATABASE, "things"));
            for (byte[] document : documents) {
                data.write(document);
            }
            data.countDocuments(documents.size());
            writer.add(data.finish(), Manifest.KIND_DOCUMENTS, SystemKind.LIVE, DATABASE, "things");
            writer.finish(draft(List.of()));
        }
        return file;
    }

    /**
     * Copies a bundle entry by entry; {@code transform} gets each entry's name and content and returns the new content
     * or {@code null} to drop it; {@code extra} entries are appended (duplicates and hostile names allowed).
     */
    static Path rewrite(Path from, Path to, BiFunction<String, byte[], byte[]> transform,
                        Map<String, byte[]> extra) throws IOException {
        try (ZipFile source = new ZipFile(from.toFile());
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(to)) {
            for (ZipEntry entry : Collections.list(source.entries())) {
                byte[] content = transform.apply(entry.getName(),
                        source.getInputStream(entry).readAllBytes());
                if (content != null) {
                    out.putArchiveEntry(new ZipArchiveEntry(entry.getName()));
                    out.write(content);
                    out.closeArchiveEntry();
                }
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        return to;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(part -> out.write(part, 0, part.length));
        return out.toByteArray();
    }
}
