package aom.migration.cli;

import aom.migration.bundle.Compression;
import aom.migration.bundle.Manifest;
import aom.migration.bundle.Passphrase;
import aom.migration.export.ArchiveExport;
import aom.migration.export.ArchiveExportResult;
import aom.migration.export.ExportOptions;
import aom.migration.export.ExportResult;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CountDrift;
import aom.migration.session.BundleExport;
import aom.migration.session.ExportedBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code export}: writes one application's metadata and system databases into a bundle file, or with
 * {@code --format archive [--gzip]} its system databases into a mongodump archive for mongorestore, with a progress
 * bar on stderr; the file's path is the last line on stdout, so scripts can pick it up.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export one application (its metadata and LIVE/STAGING/TEST data) into a bundle file.",
            "With --format archive, its LIVE/STAGING/TEST data go into a mongodump archive for mongorestore instead.",
            "The file's path is printed as the last line."})
public class ExportCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Mixin
    SystemUriOptions systemUris;

    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", description = "The application to export (or --app)")
    String appArgument;

    @Option(names = "--app", paramLabel = "NAME", description = "The application to export")
    String app;

    @Option(names = "--systems", split = ",", paramLabel = "SYSTEM", converter = Converters.SystemName.class,
            description = "Systems to export, comma-separated (default: LIVE,STAGING,TEST)")
    List<SystemKind> systems;

    @Option(names = "--no-metadata", description = "Do not export the application's metadata")
    boolean noMetadata;

    @Option(names = "--out", paramLabel = "FILE", description = {"Output file (default: in the working directory,"
            + " <App>-<yyyyMMdd-HHmmss>.aombundle, .archive or .archive.gz)"})
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "bundle",
            description = {"bundle (default): metadata and data, for this tool's import;",
                "archive: the data only, as a mongodump archive for mongorestore --archive"})
    String format;

    @Option(names = "--gzip", description = "With --format archive: gzip the archive (mongorestore --gzip --archive)")
    boolean gzip;

    @Option(names = "--compression", paramLabel = "LEVEL", defaultValue = "fast",
            description = "Bundle compression: none, fast or best (default: ${DEFAULT-VALUE})")
    String compression;

    @Option(names = "--naming", paramLabel = "CONVENTION", converter = Converters.Naming.class,
            description = "DASHED or SUFFIXED: how the source names the application's databases, when their names"
                    + " do not tell")
    DatabaseNaming naming;

    @Option(names = "--profile", paramLabel = "FILE", description = "Extraction profile to use instead of the default")
    Path profile;

    @Option(names = "--parallel", paramLabel = "N", description = "Collections read at the same time, 1 to "
            + MAX_PARALLEL + " (default: the number of cores, at least 2 and at most 4)")
    Integer parallel;

    @Option(names = "--force", description = "Replace the output file if it exists")
    boolean force;

    @Option(names = "--encrypt", description = {"Encrypt the bundle with a passphrase (the age format: scrypt and"
            + " ChaCha20-Poly1305); you are asked for it twice, or give it with --passphrase-file or "
            + PassphraseOptions.ENVIRONMENT})
    boolean encrypt;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    @Option(names = "--no-progress", description = "Do not show a progress bar")
    boolean noProgress;

    @Option(names = "--during-import", description = {"Export even while an import of the application into the"
            + " source is in flight or was interrupted (refused otherwise: its data may be half swapped); the output"
            + " and the manifest warn"})
    boolean duringImport;

    /**
     * The most collections read at once: each takes a connection, a reading and a compressing thread and its share
     * of the spool memory, and the source server serves them all.
     */
    static final int MAX_PARALLEL = 16;

    /** How long Ctrl+C waits for the export to delete its unfinished file. */
    private static final Duration CTRL_C_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    /** Where a default bundle name goes; the legacy form and tests set it. */
    Path workingDirectory = Path.of("");
    /** The legacy form prints only the file name, as the old script did. */
    boolean printFileNameOnly;

    @Override
    public Integer call() throws Exception {
        app = ApplicationArgument.resolve(appArgument, app, "export", "export one at a time");
        boolean archive = archiveFormat();
        ConnectionSettings settings = source.settings();
        InstanceHosts hosts = systemUris.hosts();
        Selection selection = selection();
        ExportOptions options = ExportOptions.defaults().withCompression(Compression.parse(compression))
                .withOverwrite(force).withNaming(naming)
                .withDuringImport(duringImport);
        if (parallel != null) {
            if (parallel < 1 || parallel > MAX_PARALLEL) {
                throw new UserError(ExitCode.BAD_INPUT, "--parallel must be between 1 and " + MAX_PARALLEL + " (got "
                        + parallel + ")");
            }
            options = options.withParallelism(parallel);
        }
        return archive ? exportArchive(settings, hosts, selection, options)
                : exportBundle(settings, hosts, selection, options);
    }

    /** Checks {@code --format} and the options that belong to one format only; true for an archive. */
    private boolean archiveFormat() {
        String chosen = format == null ? "bundle" : format.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals("bundle") && !chosen.equals("archive")) {
            throw new UserError(ExitCode.BAD_INPUT, "Unknown format '" + format + "'; use bundle or archive");
        }
        boolean archive = chosen.equals("archive");
        if (!archive && gzip) {
            throw new UserError(ExitCode.BAD_INPUT, "--gzip applies to --format archive; a bundle is compressed with"
                    + " --compression");
        }
        if (archive && spec.commandLine().getParseResult().hasMatchedOption("--compression")) {
            throw new UserError(ExitCode.BAD_INPUT, "--compression applies to bundles; compress an archive with"
                    + " --gzip");
        }
        if (archive && encrypt) {
            throw new UserError(ExitCode.BAD_INPUT, "--encrypt applies to bundles; an archive is for mongorestore,"
                    + " which cannot decrypt");
        }
        if (archive && profile != null) {
            throw new UserError(ExitCode.BAD_INPUT, "An archive holds no metadata, so --profile does not apply");
        }
        return archive;
    }

    private Integer exportBundle(ConnectionSettings settings, InstanceHosts hosts, Selection selection,
                                 ExportOptions options)
            throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path output = out != null ? out
                : workingDirectory.resolve(BundleExport.defaultFileName(app, LocalDateTime.now()));
        OutputFile file = OutputFile.check(output, "bundle", force);
        ExtractionProfile extraction = profile == null ? ExtractionProfile.defaults() : ExtractionProfile.load(profile);
        Passphrase key = encrypt ? passphrase.toEncrypt() : null;
        BundleExport export = new BundleExport(settings, hosts, app, selection, output, extraction,
                options.withPassphrase(key));
        CancellationToken token = new CancellationToken();
        ExportedBundle exported;
        CountDrift drift;
        try (TerminalProgress progress = new TerminalProgress("Export " + app, stderr, TerminalProgress.isTerminal(),
                !noProgress); CancelOnCtrlC ctrlC = new CancelOnCtrlC(token, CTRL_C_GRACE, "export")) {
            drift = new CountDrift(progress);
            exported = ctrlC.run(() -> export.run(drift, token), stderr, () -> file.afterCancel("Export"));
        } catch (IOException e) {
            throw cannotWrite("bundle", output, e);
        } finally {
            if (key != null) {
                key.close();
            }
        }
        drift.note().ifPresent(note -> stderr.println("Note: " + note));
        stderr.flush();
        ExportResult result = exported.result();
        printSummary(stdout, exported, encrypt);
        stdout.println(printFileNameOnly ? result.bundle().getFileName().toString() : result.bundle().toString());
        stdout.flush();
        return ExitCode.OK;
    }

    private Integer exportArchive(ConnectionSettings settings, InstanceHosts hosts, Selection selection,
                                  ExportOptions options)
            throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (selection.systems().isEmpty()) {
            throw new UserError(ExitCode.BAD_INPUT, "Nothing to export: an archive holds instance data only, and"
                    + " --systems names none");
        }
        if (selection.metadata()) {
            stderr.println("Note: " + ArchiveExport.METADATA_LEFT_OUT);
            stderr.flush();
        }
        Path output = out != null ? out
                : workingDirectory.resolve(ArchiveExport.defaultFileName(app, LocalDateTime.now(), gzip));
        OutputFile file = OutputFile.check(output, "archive", force);
        ArchiveExport job = new ArchiveExport(settings, app, selection.systems(), output, gzip, options)
                .withInstanceHosts(hosts);
        CancellationToken token = new CancellationToken();
        ArchiveExportResult result;
        try (TerminalProgress progress = new TerminalProgress("Export " + app, stderr, TerminalProgress.isTerminal(),
                !noProgress); CancelOnCtrlC ctrlC = new CancelOnCtrlC(token, CTRL_C_GRACE, "export")) {
            result = ctrlC.run(() -> job.run(progress, token), stderr, () -> file.afterCancel("Export"));
        } catch (IOException e) {
            throw cannotWrite("archive", output, e);
        }
        printArchiveSummary(stdout, result);
        stdout.println(result.archive().toString());
        stdout.flush();
        return ExitCode.OK;
    }

    /** One sentence naming the file the disk refused; the writers have already deleted their part files. */
    private static UserError cannotWrite(String what, Path output, IOException e) {
        String file = "Cannot write the " + what + " " + output.toAbsolutePath() + ": ";
        if (e instanceof FileAlreadyExistsException exists) {
            if (!output.toAbsolutePath().toString().equals(exists.getFile())) {
                return new UserError(ExitCode.BAD_INPUT, file + exists.getFile() + " is a file, not a folder");
            }
            return new UserError(ExitCode.BAD_INPUT, output.toAbsolutePath() + " already exists; choose another --out"
                    + " or pass --force");
        }
        return new UserError(ExitCode.FAILED, file + e.getMessage() + ". Nothing was left behind.");
    }

    private Selection selection() {
        Set<SystemKind> chosen = EnumSet.noneOf(SystemKind.class);
        if (systems == null) {
            chosen.addAll(EnumSet.allOf(SystemKind.class));
        } else {
            systems.stream().filter(Objects::nonNull).forEach(chosen::add);
        }
        Selection selection = new Selection(!noMetadata, chosen);
        if (selection.isEmpty()) {
            throw new UserError(ExitCode.BAD_INPUT, "Nothing to export: --no-metadata and no --systems");
        }
        return selection;
    }

    private static void printSummary(PrintWriter out, ExportedBundle exported, boolean encrypted) {
        ExportResult result = exported.result();
        Manifest manifest = result.manifest();
        out.println("Exported " + manifest.application().name() + " (" + manifest.application().displayName()
                + ") from " + manifest.source().hosts() + " in " + seconds(result.elapsed().toMillis()));
        if (manifest.metadata() != null) {
            StringBuilder counts = new StringBuilder();
            for (Map.Entry<String, Long> entry : manifest.metadata().documents().entrySet()) {
                counts.append(counts.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ')
                        .append(entry.getValue());
            }
            out.println("  metadata  " + Sizes.count(manifest.metadata().total(), "document", "documents") + " ("
                    + counts + ")");
        }
        for (Manifest.DatabaseInfo database : manifest.databases()) {
            out.println(String.format("  %-8s  %s: %s, %s, %s", database.system(), database.name(),
                    Sizes.count(database.collections(), "collection", "collections"),
                    Sizes.count(database.documents(), "document", "documents"), Sizes.bytes(database.bytes())));
        }
        out.println("  bundle    " + Sizes.bytes(exported.fileBytes())
                + (encrypted ? ", encrypted (open it with this tool or age -d, with its passphrase)" : ""));
        if (!manifest.warnings().isEmpty()) {
            out.println("  " + Sizes.count(manifest.warnings().size(), "warning", "warnings")
                    + " (see stderr and the bundle's manifest)");
        }
    }

    private static void printArchiveSummary(PrintWriter out, ArchiveExportResult result) {
        out.println("Exported the data of " + result.databases().size() + " system database(s) from "
                + result.sourceHosts() + " in " + seconds(result.elapsed().toMillis()));
        for (Manifest.DatabaseInfo database : result.databases()) {
            out.println(String.format("  %-8s  %s: %s, %s, %s", database.system(), database.name(),
                    Sizes.count(database.collections(), "collection", "collections"),
                    Sizes.count(database.documents(), "document", "documents"), Sizes.bytes(database.bytes())));
        }
        try {
            out.println("  archive   " + Sizes.bytes(java.nio.file.Files.size(result.archive()))
                    + (result.gzip() ? " (gzip)" : "") + "; restore with: mongorestore "
                    + (result.gzip() ? "--gzip " : "") + "--archive=" + result.archive().getFileName());
        } catch (java.io.IOException e) {
            out.println("  archive   size unknown (" + e.getMessage() + ")");
        }
        if (!result.warnings().isEmpty()) {
            out.println("  " + Sizes.count(result.warnings().size(), "warning", "warnings") + " (see stderr)");
        }
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
