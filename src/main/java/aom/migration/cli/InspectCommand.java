package aom.migration.cli;

import aom.migration.bundle.BundleReader;
import aom.migration.data.CorruptDataException;
import aom.migration.bundle.Passphrase;
import aom.migration.dump.DetectedFormat;
import aom.migration.dump.DumpContents;
import aom.migration.dump.DumpFormat;
import aom.migration.dump.DumpSummary;
import aom.migration.progress.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code inspect}: shows what a bundle, a mongodump directory or a mongodump archive (plain or gzip) holds, told
 * apart by content, without touching any server. {@code --verify} checks everything the format allows: a bundle's
 * SHA-256 per entry, an archive's CRC-64 per namespace, a directory's framing of every document (and the CRC-32 of
 * gzipped files); damage exits with 2 and names the entry, namespace or file.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a bundle, a mongodump directory or a mongodump archive (plain or gzip) holds.",
            "With --verify, check it completely."})
public class InspectCommand implements Callable<Integer> {

    private static final long PROGRESS_FROM_BYTES = 16L * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "PATH", description = {"A bundle file, a mongodump directory or a mongodump"
            + " archive; what it is comes from its content, not its name"})
    Path path;

    @Option(names = "--verify", description = {"Bundle: check every entry's size and SHA-256; archive: every"
            + " namespace's CRC-64; directory: every document's framing and every gzip file's CRC-32"})
    boolean verify;

    @Option(names = "--json", description = "Print JSON instead of text")
    boolean json;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(path)) {
            throw new UserError(ExitCode.BAD_INPUT, "There is no file or folder " + path.toAbsolutePath());
        }
        DetectedFormat detected = DumpFormat.detect(path);
        return switch (detected.format()) {
            case BUNDLE -> inspectBundle();
            case ARCHIVE, GZIP_ARCHIVE, DIRECTORY -> inspectDump(detected);
            case UNKNOWN -> throw new UserError(ExitCode.BAD_INPUT, detected.description());
        };
    }

    private Integer inspectBundle() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try (Passphrase key = passphrase.toOpen(path);
             BundleReader bundle = BundleReader.open(path, key)) {
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
            BundleReport report = new BundleReport(path, bundle, tree, verify, problem);
            return print(report::printText, report::printJson, problem);
        } catch (CorruptDataException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /** Reads a dump once; a damaged one is an error, reported as the outcome of the check with --verify. */
    private Integer inspectDump(DetectedFormat detected) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DumpSummary summary = null;
        String problem = null;
        // Small dumps are read in a blink; a bar (or, redirected, its log lines) would only be noise.
        boolean showProgress = !json && DumpReport.size(path) >= PROGRESS_FROM_BYTES;
        try (TerminalProgress progress = new TerminalProgress(verify ? "Verify" : "Read", err,
                TerminalProgress.isTerminal(), showProgress)) {
            summary = DumpContents.inspect(path, progress, CancellationToken.none());
        } catch (CorruptDataException e) {
            if (!verify) {
                throw new UserError(ExitCode.BAD_INPUT, e.getMessage() + " (inspect --verify " + path
                        + " checks it completely)");
            }
            problem = e.getMessage();
        }
        DumpReport report = new DumpReport(detected, summary, verify, problem);
        return print(report::printText, report::printJson, problem);
    }

    private Integer print(Printer text, Printer json, String problem) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        (this.json ? json : text).print(out);
        out.flush();
        if (problem != null) {
            err.println("Error: " + problem);
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.OK;
    }

    /** Prints a report to stdout. */
    @FunctionalInterface
    private interface Printer {
        void print(PrintWriter out) throws IOException;
    }
}
