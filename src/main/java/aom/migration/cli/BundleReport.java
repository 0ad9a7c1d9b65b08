package aom.migration.cli;

import aom.migration.bundle.BundleCollection;
import aom.migration.bundle.BundleReader;
import aom.migration.bundle.Manifest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code inspect} prints about a bundle: manifest summary, metadata counts, the tree of modules and classes,
 * databases and collections, warnings, and the outcome of {@code --verify}; as text or as JSON.
 *
 * @param problem the checksum failure {@code --verify} found, or {@code null}
 */
record BundleReport(Path file, BundleReader bundle, List<BundleTree.Node> tree, boolean verified, String problem) {

    void printText(PrintWriter out) throws IOException {
        Manifest manifest = bundle.manifest();
        Manifest.Application app = manifest.application();
        out.println("Bundle       " + file.toAbsolutePath() + " (" + Sizes.bytes(Files.size(file)) + ")"
                + (bundle.isEncrypted() ? ", encrypted (age, passphrase)" : ""));
        out.println("Format       " + manifest.format() + " version " + manifest.formatVersion() + ", written "
                + manifest.createdAt() + " by " + manifest.tool().name() + " " + manifest.tool().version());
        out.println("Source       " + manifest.source().hosts() + ", MongoDB " + manifest.source().serverVersion()
                + " (" + manifest.source().topology() + ")");
        out.println("Application  " + app.name() + " (" + app.displayName() + ")"
                + (app.naming() == null ? "" : ", " + app.naming().toLowerCase() + " naming"));
        out.println("Selection    " + (manifest.selection().metadata() ? "metadata" : "no metadata")
                + (manifest.selection().systems().isEmpty() ? "" : ", "
                + String.join(", ", manifest.selection().systems())));
        if (manifest.metadata() != null) {
            out.println();
            out.println("Metadata     " + Sizes.count(manifest.metadata().total(), "document", "documents")
                    + " from '" + manifest.metadata().database() + "'");
            for (Map.Entry<String, Long> entry : manifest.metadata().documents().entrySet()) {
                out.println(String.format("  %-22s %6d", entry.getKey(), entry.getValue()));
            }
            if (!tree.isEmpty()) {
                out.println();
                out.println("Modules and classes");
                BundleTree.print(tree, out);
            }
        }
        if (!manifest.databases().isEmpty()) {
            out.println();
            out.println("Databases");
            for (Manifest.DatabaseInfo database : manifest.databases()) {
                out.println(String.format("  %-8s %s: %s, %s, %s", database.system(), database.name(),
                        Sizes.count(database.collections(), "collection", "collections"),
                        Sizes.count(database.documents(), "document", "documents"), Sizes.bytes(database.bytes())));
                for (BundleCollection collection : bundle.collections(database.system())) {
                    out.println(String.format("    %-32s %8d documents %10s%s", collection.collection(),
                            collection.expectedDocuments(), Sizes.bytes(collection.expectedBytes()),
                            collection.documentsEntry().isEmpty() ? "  (view)" : ""));
                }
            }
        }
        if (!manifest.warnings().isEmpty()) {
            out.println();
            out.println("Warnings");
            manifest.warnings().forEach(warning -> out.println("  - " + warning));
        }
        if (verified) {
            out.println();
            out.println(problem == null ? "Checksums    all " + manifest.entries().size() + " entries verified"
                    : "Checksums    FAILED: " + problem);
        }
    }

    void printJson(PrintWriter out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file.toAbsolutePath().toString());
        root.put("format", "bundle");
        root.put("encrypted", bundle.isEncrypted());
        root.put("sizeBytes", Files.size(file));
        root.set("manifest", mapper.readTree(bundle.manifest().toJson()));
        root.set("tree", mapper.valueToTree(tree));
        if (verified) {
            ObjectNode verification = root.putObject("verification");
            verification.put("ok", problem == null);
            if (problem != null) {
                verification.put("problem", problem);
            }
        }
        out.println(mapper.writeValueAsString(root));
    }
}
