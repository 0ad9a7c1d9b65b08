package aom.migration.cli;

import aom.migration.dump.CollectionSummary;
import aom.migration.dump.DatabaseSummary;
import aom.migration.dump.DetectedFormat;
import aom.migration.dump.DumpCompression;
import aom.migration.dump.DumpFormat;
import aom.migration.dump.DumpSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What {@code inspect} prints about a mongodump directory or archive: format, compression, tool and server version
 * where recorded, databases, collections with document counts, bytes and index names, notes, and the outcome of
 * {@code --verify}; as text or as JSON.
 *
 * @param summary  what the reading pass found, or {@code null} when it failed ({@code problem} says why)
 * @param verified whether {@code --verify} was asked for
 * @param problem  the damage the pass found, or {@code null}
 */
record DumpReport(DetectedFormat detected, DumpSummary summary, boolean verified, String problem) {

    void printText(PrintWriter out) throws IOException {
        Path path = detected.path();
        out.println("Dump         " + path.toAbsolutePath() + " (" + Sizes.bytes(size(path)) + ")");
        boolean gzipFiles = summary != null && detected.format() == DumpFormat.DIRECTORY
                && summary.compression() != DumpCompression.NONE;
        out.println("Format       " + detected.description()
                + (gzipFiles ? ", compressed with " + summary.compression().label() : ""));
        if (summary != null) {
            String tool = summary.toolVersionIfKnown().map(version -> "tool " + version).orElse(null);
            String server = summary.serverVersionIfKnown().map(version -> "MongoDB " + version).orElse(null);
            if (tool != null || server != null) {
                out.println("Written by   " + (tool == null ? server : server == null ? tool : tool + ", from "
                        + server));
            }
            out.println("Contents     " + Sizes.count(summary.databases().size(), "database", "databases") + ", "
                    + Sizes.count(summary.collections(), "collection", "collections") + ", "
                    + Sizes.count(summary.documents(), "document", "documents") + ", " + Sizes.bytes(bytes()));
            printDatabases(out);
            if (!summary.notes().isEmpty()) {
                out.println();
                out.println("Notes");
                summary.notes().forEach(note -> out.println("  - " + note));
            }
        }
        if (verified) {
            out.println();
            String label = isArchive() ? "Checksums    " : "Framing      ";
            out.println(label + (problem != null ? "FAILED: " + problem : isArchive()
                    ? "CRC-64 of all " + Sizes.count(summary.collections(), "namespace", "namespaces") + " verified"
                    : "all " + Sizes.count(summary.documents(), "document", "documents") + " read back intact (a"
                    + " directory dump has no checksums; gzip files' CRC-32 checked)"));
        }
    }

    private void printDatabases(PrintWriter out) {
        for (DatabaseSummary database : summary.databases()) {
            out.println();
            out.println(database.name() + ": " + Sizes.count(database.collections().size(), "collection",
                    "collections") + ", " + Sizes.count(database.documents(), "document", "documents") + ", "
                    + Sizes.bytes(database.bytes()));
            for (CollectionSummary collection : database.collections()) {
                String kind = collection.type().equals("collection") ? "" : "  (" + collection.type() + ")";
                String indexes = collection.indexNames().isEmpty() ? ""
                        : "  indexes: " + String.join(", ", collection.indexNames());
                out.println(String.format("    %-32s %8d documents %10s%s%s", collection.name(),
                        collection.documents(), Sizes.bytes(collection.bytes()), kind, indexes));
            }
        }
    }

    void printJson(PrintWriter out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        Path path = detected.path();
        root.put("file", path.toAbsolutePath().toString());
        root.put("format", detected.format().name().toLowerCase(Locale.ROOT));
        root.put("description", detected.description());
        root.put("sizeBytes", size(path));
        if (summary != null) {
            root.put("compression", summary.compression().name().toLowerCase(Locale.ROOT));
            summary.toolVersionIfKnown().ifPresent(version -> root.put("toolVersion", version));
            summary.serverVersionIfKnown().ifPresent(version -> root.put("serverVersion", version));
            root.put("documents", summary.documents());
            root.put("bytes", bytes());
            ArrayNode databases = root.putArray("databases");
            for (DatabaseSummary database : summary.databases()) {
                ObjectNode db = databases.addObject();
                db.put("name", database.name());
                db.put("documents", database.documents());
                db.put("bytes", database.bytes());
                ArrayNode collections = db.putArray("collections");
                for (CollectionSummary collection : database.collections()) {
                    ObjectNode node = collections.addObject();
                    node.put("name", collection.name());
                    node.put("type", collection.type());
                    node.put("documents", collection.documents());
                    node.put("bytes", collection.bytes());
                    collection.indexNames().forEach(node.putArray("indexes")::add);
                }
            }
            summary.notes().forEach(root.putArray("notes")::add);
        }
        if (verified) {
            ObjectNode verification = root.putObject("verification");
            verification.put("ok", problem == null);
            verification.put("check", isArchive() ? "crc64" : "framing");
            if (problem != null) {
                verification.put("problem", problem);
            }
        }
        out.println(mapper.writeValueAsString(root));
    }

    private boolean isArchive() {
        return detected.format() == DumpFormat.ARCHIVE || detected.format() == DumpFormat.GZIP_ARCHIVE;
    }

    private long bytes() {
        return summary.databases().stream().mapToLong(DatabaseSummary::bytes).sum();
    }

    /** A file's size, or the total size of the files in a dump folder (two levels: databases and their files). */
    static long size(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (Stream<Path> files = Files.walk(path, 2)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
