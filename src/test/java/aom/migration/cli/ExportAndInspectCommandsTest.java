package aom.migration.cli;

import aom.migration.bundle.BundleReader;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportAndInspectCommandsTest {

    private static DemoServers servers;
    private static Path conferenceBundle;

    @TempDir
    static Path shared;

    @BeforeAll
    static void exportConferenceApp() {
        servers = DemoServers.start(DemoScale.TESTS);
        conferenceBundle = shared.resolve("conference.aombundle");
        Run run = cli("export", "--source", servers.source().uri(), "--app", "ConferenceApp", "--out",
                conferenceBundle.toString(), "--compression", "none");
        assertThat(run.code).as(run.err).isZero();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void exportPrintsTheBundlePathLastAndWarningsOnStderr(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("shop.aombundle");
        Run run = cli("export", "--source", servers.source().uri(), "--app", "ShopApp", "--out", out.toString(),
                "--no-progress");
        assertThat(run.code).isZero();
        assertThat(run.lastLine()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(run.out).contains("Exported ShopApp (Shop App)").contains("ShopAppTEST");
        assertThat(run.err).contains("Warning: ShopApp has no STAGING database (ShopAppSTAGING)");
        assertThat(Files.exists(out)).isTrue();
    }

    @Test
    void exportTakesTheApplicationAsItsArgumentToo(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("shop.aombundle");
        Run run = cli("export", "ShopApp", "--source", servers.source().uri(), "--out", out.toString(),
                "--no-progress", "--systems", "LIVE");
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.lastLine()).isEqualTo(out.toAbsolutePath().toString());
        try (BundleReader bundle = BundleReader.open(out)) {
            assertThat(bundle.manifest().application().name()).isEqualTo("ShopApp");
        }
        Run same = cli("export", "ShopApp", "--app", "ShopApp", "--source", servers.source().uri(), "--out",
                dir.resolve("same.aombundle").toString(), "--no-progress", "--systems", "LIVE");
        assertThat(same.code).as(same.err).isZero();

        Run two = cli("export", "ShopApp", "--app", "ConferenceApp", "--source", servers.source().uri(), "--out",
                dir.resolve("two.aombundle").toString());
        assertThat(two.code).isEqualTo(2);
        assertThat(two.err).isEqualTo("Error: Two applications given: 'ShopApp' and --app 'ConferenceApp'; export one"
                + " at a time" + System.lineSeparator());
        Run none = cli("export", "--source", servers.source().uri(), "--out", dir.resolve("none.aombundle").toString());
        assertThat(none.code).isEqualTo(2);
        assertThat(none.err).isEqualTo("Error: Name the application: export <App> (or --app <App>); the"
                + " apps command lists the source's applications" + System.lineSeparator());
        assertThat(dir.resolve("two.aombundle")).doesNotExist();
        assertThat(dir.resolve("none.aombundle")).doesNotExist();
    }

    @Test
    void exportOfAnUnknownApplicationExitsWithTwoAndNamesTheApplications(@TempDir Path dir) {
        Run run = cli("export", "--source", servers.source().uri(), "--app", "Nope", "--out",
                dir.resolve("x.aombundle").toString());
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("There is no application 'Nope'")
                .contains("Applications there: ConferenceApp, FleetTracker, ShopApp");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void exportHonoursSystemsAndNoMetadata(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("live.aombundle");
        Run run = cli("export", "--source", servers.source().uri(), "--app", "ConferenceApp", "--systems", "live",
                "--no-metadata", "--out", out.toString(), "--compression", "best");
        assertThat(run.code).as(run.err).isZero();
        try (BundleReader bundle = BundleReader.open(out)) {
            assertThat(bundle.manifest().selection().metadata()).isFalse();
            assertThat(bundle.manifest().selection().systems()).containsExactly("LIVE");
            assertThat(bundle.metadataCollections()).isEmpty();
        }
    }

    @Test
    void exportRefusesBadOptionsAndExistingFilesWithExitTwo(@TempDir Path dir) throws IOException {
        Run badSystem = cli("export", "--source", servers.source().uri(), "--app", "ShopApp", "--systems", "PROD");
        assertThat(badSystem.code).isEqualTo(2);
        assertThat(badSystem.err).contains("Unknown system 'PROD'");
        Run badCompression = cli("export", "--source", servers.source().uri(), "--app", "ShopApp",
                "--compression", "ultra");
        assertThat(badCompression.code).isEqualTo(2);
        assertThat(badCompression.err).contains("Unknown compression 'ultra'");
        Path existing = Files.writeString(dir.resolve("taken.aombundle"), "x");
        Run taken = cli("export", "--source", servers.source().uri(), "--app", "ShopApp", "--out",
                existing.toString());
        assertThat(taken.code).isEqualTo(2);
        assertThat(taken.err).contains("already exists");
        Run nothing = cli("export", "--source", servers.source().uri(), "--app", "ShopApp", "--no-metadata",
                "--systems", "");
        assertThat(nothing.code).isEqualTo(2);
        assertThat(nothing.err).contains("Nothing to export");
        for (String parallel : List.of("0", "17")) {
            Path out = dir.resolve("parallel-" + parallel + ".aombundle");
            Run badParallel = cli("export", "--source", servers.source().uri(), "--app", "ShopApp", "--parallel",
                    parallel, "--out", out.toString());
            assertThat(badParallel.code).isEqualTo(2);
            assertThat(badParallel.err).isEqualTo("Error: --parallel must be between 1 and 16 (got " + parallel + ")"
                    + System.lineSeparator());
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void inspectShowsSummaryCountsTreeAndCollections() {
        Run run = cli("inspect", conferenceBundle.toString());
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("Application  ConferenceApp (Conference App), dashed naming")
                .contains("Selection    metadata, LIVE, STAGING, TEST")
                .contains("Source       127.0.0.1:" + servers.source().port())
                .containsPattern("modules\\s+5")
                .contains("module Basics 1.0.0 (shared)")
                .contains("module Venues 1.0.0")
                .contains("class Room (2 attributes)")
                .contains("module jar ConferenceCore 2.1.0 (2 module jar chunks)")
                .contains("LIVE     ConferenceApp: 11 collections")
                .containsPattern("images\\.chunks\\s+\\d+ documents")
                .contains("module Venues 1.0.0 is not declared by ConferenceApp");
        assertThat(run.out).doesNotContain("Checksums");
    }

    @Test
    void inspectVerifyChecksEveryEntry() {
        Run run = cli("inspect", conferenceBundle.toString(), "--verify");
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).containsPattern("Checksums    all \\d+ entries verified");
    }

    @Test
    void inspectVerifyExitsWithTwoOnAFlippedByte(@TempDir Path dir) throws IOException {
        long offset;
        try (ZipFile zip = ZipFile.builder().setPath(conferenceBundle).get()) {
            ZipArchiveEntry entry = zip.getEntry("dump/ConferenceApp/Basics_User.bson");
            offset = entry.getDataOffset() + entry.getSize() / 2;
        }
        byte[] bytes = Files.readAllBytes(conferenceBundle);
        bytes[(int) offset] ^= 0x04;
        Path flipped = Files.write(dir.resolve("flipped.aombundle"), bytes);
        Run plain = cli("inspect", flipped.toString());
        assertThat(plain.code).isZero();
        Run run = cli("inspect", flipped.toString(), "--verify");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("dump/ConferenceApp/Basics_User.bson does not match its SHA-256 checksum");
        assertThat(run.out).contains("Checksums    FAILED");
    }

    @Test
    void inspectJsonIsMachineReadable() throws IOException {
        Run run = cli("inspect", conferenceBundle.toString(), "--json", "--verify");
        assertThat(run.code).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out);
        assertThat(json.at("/manifest/application/name").asText()).isEqualTo("ConferenceApp");
        assertThat(json.at("/manifest/formatVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/verification/ok").asBoolean()).isTrue();
        assertThat(json.at("/tree").size()).isEqualTo(5);
    }

    @Test
    void inspectRefusesMissingAndForeignFilesWithExitTwo(@TempDir Path dir) throws IOException {
        Run missing = cli("inspect", dir.resolve("none.aombundle").toString());
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).contains("There is no file or folder");
        Path text = Files.writeString(dir.resolve("text.aombundle"), "hello");
        Run foreign = cli("inspect", text.toString());
        assertThat(foreign.code).isEqualTo(2);
        assertThat(foreign.err).contains("is neither a migration bundle, a mongodump archive");
        byte[] bundle = Files.readAllBytes(conferenceBundle);
        Path truncated = Files.write(dir.resolve("truncated.aombundle"),
                java.util.Arrays.copyOf(bundle, bundle.length / 2));
        Run cut = cli("inspect", truncated.toString());
        assertThat(cut.code).isEqualTo(2);
        assertThat(cut.err).contains("is not a complete zip file");
    }

    @Test
    void legacyFormExportsFromTheEnvironmentAndPrintsTheFileNameLast(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LegacyCommand.run(new String[] {"FleetTracker"}, new PrintWriter(out, true),
                new PrintWriter(err, true), Map.of("AOM_SOURCE_URI", servers.source().uri()), dir);
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        String name = lines.get(lines.size() - 1);
        assertThat(name).matches("FleetTracker-\\d{8}-\\d{6}\\.aombundle");
        assertThat(dir.resolve(name)).exists();
    }

    @Test
    void legacyImportFormIsRoutedToImport() {
        Run run = cli("ConferenceApp", "true", "some.aombundle");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("some.aombundle does not exist");
        Run bad = cli("ConferenceApp", "maybe");
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("'ConferenceApp' is not a command");
    }

    @Test
    void exportAndInspectAreRegisteredCommands() {
        assertThat(MigrationCli.commandNames()).contains("export", "inspect", "apps", "demo");
        Run help = cli("--help");
        assertThat(help.out).contains("export").contains("inspect").contains("Legacy forms");
    }

    @Test
    void everyCommandInTheHelpIsSummedUpInAWholeSentence() {
        // The command list shows only the first line of each command's description.
        String out = cli("--help").out;
        String commands = out.substring(out.indexOf("Commands:") + "Commands:".length(), out.indexOf("Legacy forms"));
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        for (String line : commands.lines().toList()) {
            java.util.regex.Matcher entry = java.util.regex.Pattern.compile("^  (\\w+)\\s+(.*)$").matcher(line);
            if (entry.matches()) {
                current = entry.group(1);
                summaries.put(current, entry.group(2).strip());
            } else if (current != null && !line.isBlank()) {
                summaries.merge(current, line.strip(), (a, b) -> a + " " + b);
            }
        }
        assertThat(summaries).containsKeys("apps", "export", "inspect", "import", "verify", "demo");
        summaries.forEach((command, summary) -> assertThat(summary).as(command).endsWith("."));
        assertThat(summaries.get("export")).isEqualTo("Export one application (its metadata and LIVE/STAGING/TEST"
                + " data) into a bundle file.");
    }

    private record Run(int code, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MigrationCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
