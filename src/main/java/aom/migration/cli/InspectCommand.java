package aom.migration.cli;

import aom.migration.bundle.BundleCollection;
import aom.migration.bundle.BundleReader;
import aom.migration.bundle.CorruptDataException;
import aom.migration.bundle.Manifest;
import aom.migration.progress.CancellationToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inspect}: shows what a bundle holds (manifest summary, metadata counts, a tree of modules and classes,
 * databases and collections) without touching any server; {@code --verify} reads every entry and checks its
 * checksum (exit 2 on a mismatch).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what a bundle file holds; with --verify, check every entry's checksum.")
public class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle file")
    Path file;

    @Option(names = "--verify", description = "Read every entry and check its size and SHA-256")
    boolean verify;

    @Option(names = "--json", description = "Print JSON instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (BundleReader bundle = open()) {
            String problem = null;
            if (verify) {
                try (TerminalProgress progress = new TerminalProgress("Verify", err, TerminalProgress.isTerminal(),
                        !json)) {
                    bundle.verifyChecksums(progress, CancellationToken.none());
                } catch (CorruptDataException e) {
                    problem = e.getMessage();
                }
            }
            List<BundleTree.Node> tree = bundle.manifest().metadata() == null ? List.of()
                    : BundleTree.build(bundle.closure(), bundle.profile());
            if (json) {
                printJson(out, bundle, tree, problem);
            } else {
                printText(out, bundle, tree, problem);
            }
            out.flush();
            if (problem != null) {
                err.println("Error: " + problem);
                err.flush();
                return ExitCode.BAD_INPUT;
            }
            return ExitCode.OK;
        } catch (CorruptDataException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    private BundleReader open() throws IOException {
        try {
            return BundleReader.open(file);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCode.BAD_INPUT, "There is no bundle file " + file.toAbsolutePath());
        } catch (CorruptDataException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    private void printText(PrintWriter out, BundleReader bundle, List<BundleTree.Node> tree, String problem)
            throws IOException {
        Manifest manifest = bundle.manifest();
        Manifest.Application app = manifest.application();
        out.println("Bundle       " + file.toAbsolutePath() + " (" + Sizes.bytes(Files.size(file)) + ")");
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
        if (verify) {
            out.println();
            out.println(problem == null ? "Checksums    all " + manifest.entries().size() + " entries verified"
                    : "Checksums    FAILED: " + problem);
        }
    }

    private void printJson(PrintWriter out, BundleReader bundle, List<BundleTree.Node> tree, String problem)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file.toAbsolutePath().toString());
        root.put("sizeBytes", Files.size(file));
        root.set("manifest", mapper.readTree(bundle.manifest().toJson()));
        root.set("tree", mapper.valueToTree(tree));
        if (verify) {
            ObjectNode verification = root.putObject("verification");
            verification.put("ok", problem == null);
            if (problem != null) {
                verification.put("problem", problem);
            }
        }
        out.println(mapper.writeValueAsString(root));
    }
}
