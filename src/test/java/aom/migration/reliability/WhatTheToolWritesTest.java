package aom.migration.reliability;

import aom.migration.bundle.BundleReader;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 11, title = "What the tool writes",
        promise = "Real tool processes (child JVMs) export and import the demo ConferenceApp. With a umask of 000,"
                + " every file and folder they create must still be readable by their user only (files 0600,"
                + " folders 0700). On a full disk (a file size limit, ulimit -f) no report or rollback file may be"
                + " left cut off under its name. A password with unencoded reserved characters must not reach the"
                + " output or the log file in pieces. Two exports to one file at once (and one of them killed"
                + " with kill -9) must each end with a complete bundle of their own or a clear error, never with"
                + " a report of success for a file they did not write.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WhatTheToolWritesTest {

    @TempDir
    static Path dir;

    private static DemoServers demo;

    @BeforeAll
    static void start() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** One finished child run: exit code, stdout and stderr. */
    record Ran(int exitCode, String out, String err) {
    }

    /** Runs the tool in a child JVM with {@code home}, in a shell that first runs {@code shell} (umask, ulimit). */
    private static Ran run(Path home, String shell, String... args) throws Exception {
        ProcessBuilder tool = ChildJvm.command(home, args);
        List<String> command = new ArrayList<>(List.of("bash", "-c", shell + " && exec \"$@\"", "bash"));
        command.addAll(tool.command());
        String name = "run-" + System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile())
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), Files.readString(dir.resolve(name + ".out")),
                Files.readString(dir.resolve(name + ".err")));
    }

    @Order(1)
    @Test
    @DisplayName("umask 000: bundle, home folder, logs, report and rollback file owner-only")
    void ownerOnlyWhateverTheUmask(Observed observed) throws Exception {
        Path home = dir.resolve("home-umask");
        Path out = dir.resolve("umask-out");
        Path bundle = out.resolve("conference.aombundle");
        Ran export = run(home, "umask 000", "export", "--source", demo.source().uri(), "--app", "ConferenceApp",
                "--out", bundle.toString(), "--no-progress");
        assertThat(export.exitCode()).as(export.err()).isZero();
        Ran imported = run(home, "umask 000", "import", "--target", demo.target().uri(), bundle.toString(), "--yes",
                "--no-progress");
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        Map<String, String> modes = new TreeMap<>();
        modes.put(out.toString(), mode(out));
        modes.put(bundle.toString(), mode(bundle));
        try (Stream<Path> everything = Files.walk(home)) {
            for (Path path : everything.toList()) {
                modes.put(path.toString(), mode(path));
            }
        }
        assertThat(modes).allSatisfy((path, mode) -> assertThat(mode).as(path)
                .isEqualTo(Files.isDirectory(Path.of(path)) ? "rwx------" : "rw-------"));
        assertThat(modes.keySet()).anyMatch(path -> path.endsWith("migration.log"))
                .anyMatch(path -> path.contains("/reports/") && path.endsWith(".json"))
                .anyMatch(path -> path.contains("/rollback/") && path.endsWith(".jsonl"));
        observed.note(modes.size() + " files and folders checked after an export and an import with umask 000"
                + " (the bundle and its folder, the home folder, logs, reports, the rollback file): all 0600 or"
                + " 0700.");
    }

    @Order(2)
    @Test
    @DisplayName("disk full during an import: no report or rollback file cut off under its name")
    void noCutOffFilesOnAFullDisk(Observed observed) throws Exception {
        Path home = dir.resolve("home-full");
        Path bundle = ConferenceBundle.file();
        // 8 KiB: the log file, the rollback file and the report outgrow it at some point of the import.
        Ran imported = run(home, "ulimit -f 8", "import", "--target", demo.target().uri(), bundle.toString(), "--yes",
                "--no-progress");
        List<String> checked = new ArrayList<>();
        for (String folder : List.of("reports", "rollback")) {
            Path path = home.resolve(folder);
            if (!Files.isDirectory(path)) {
                continue;
            }
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    assertThat(name).as("a part file left behind").doesNotEndWith(".part");
                    complete(file);
                    checked.add(folder + "/" + name);
                }
            }
        }
        observed.exitCode(imported.exitCode());
        observed.note("The import (exit " + imported.exitCode() + ") ran in a child JVM whose files may not grow past"
                + " 8 KiB. Complete files under their names: " + (checked.isEmpty() ? "none" : checked)
                + "; nothing cut off, no part file left.");
    }

    @Order(3)
    @Test
    @DisplayName("password with an unencoded '/', '?' or ':': not in the output or the log, in any piece")
    void passwordPiecesNeverShown(Observed observed) throws Exception {
        Path home = dir.resolve("home-password");
        List<String> messages = new ArrayList<>();
        for (String uri : List.of("mongodb://alice:Tr0ub4dor/horse@127.0.0.1/",
                "mongodb://alice:Tr0ub4dor:horse/x@127.0.0.1/", "mongodb://alice:Tr0ub4dor?horse@127.0.0.1/")) {
            Ran ran = run(home, "true", "apps", "--source", uri);
            assertThat(ran.exitCode()).isEqualTo(2);
            assertThat(ran.err()).contains("Percent-encode reserved characters in the user name and password");
            assertThat(ran.out() + ran.err()).doesNotContain("Tr0ub4dor").doesNotContain("horse");
            messages.add(ran.err().strip());
        }
        Ran maybe = run(home, "true", "apps", "--source", "mongodb://127.0.0.1/?tls=maybe");
        assertThat(maybe.exitCode()).isEqualTo(2);
        assertThat(maybe.err()).contains("an option the driver would ignore");
        String log = Files.readString(home.resolve("logs").resolve("migration.log"));
        assertThat(log).contains("Percent-encode").doesNotContain("Tr0ub4dor").doesNotContain("horse");
        observed.note("Exit 2 each, and the log file holds no piece: " + messages.get(0) + " / ?tls=maybe: "
                + maybe.err().strip());
    }

    @Order(4)
    @Test
    @DisplayName("two exports to one file at once, and one of them killed with kill -9")
    void twoExportsToOneFile(Observed observed) throws Exception {
        Path out = Files.createDirectories(dir.resolve("two")).resolve("same.aombundle");
        List<String> outcomes = new ArrayList<>();
        for (boolean kill : new boolean[] {false, true}) {
            Files.deleteIfExists(out);
            Process first = start(dir.resolve("home-a"), out, "a" + kill);
            Process second = start(dir.resolve("home-b"), out, "b" + kill);
            if (kill) {
                Thread.sleep(1500);
                second.destroyForcibly();
            }
            assertThat(first.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
            int a = first.exitValue();
            int b = second.exitValue();
            String errA = Files.readString(dir.resolve("a" + kill + ".err"));
            String errB = Files.readString(dir.resolve("b" + kill + ".err"));
            List<Integer> successes = new ArrayList<>();
            if (a == 0) {
                successes.add(0);
            }
            if (!kill && b == 0) {
                successes.add(1);
            }
            // Exactly one can have written the file; the other failed with one clear line (or was killed).
            assertThat(successes).hasSize(1);
            if (a != 0) {
                assertThat(errA).contains("already exists; choose another --out or pass --force");
            }
            if (!kill && b != 0) {
                assertThat(errB).contains("already exists; choose another --out or pass --force");
            }
            try (BundleReader reader = BundleReader.open(out)) {
                reader.verifyChecksums(aom.migration.progress.ProgressListener.NONE,
                        aom.migration.progress.CancellationToken.none());
            }
            outcomes.add((kill ? "second killed: " : "together: ") + "exit codes " + a + " and " + (kill ? "killed"
                    : b) + ", the bundle is complete and verified");
        }
        observed.note(String.join("; ", outcomes) + ". Each export writes a part file of its own and moves it"
                + " into place only where no file of that name exists.");
    }

    @Order(5)
    @Test
    @DisplayName("two exports to the default name at once (within one second)")
    void twoExportsToTheDefaultName(Observed observed) throws Exception {
        Path work = Files.createDirectories(dir.resolve("default-name"));
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("x", "y")) {
            processes.add(ChildJvm.command(dir.resolve("home-" + name), "export", "--source", demo.source().uri(),
                    "--app", "ConferenceApp", "--no-progress").directory(work.toFile())
                    .redirectOutput(dir.resolve(name + ".out").toFile())
                    .redirectError(dir.resolve(name + ".err").toFile()).start());
        }
        List<String> outcomes = new ArrayList<>();
        int succeeded = 0;
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String name = i == 0 ? "x" : "y";
            List<String> out = Files.readAllLines(dir.resolve(name + ".out"));
            String err = Files.readString(dir.resolve(name + ".err"));
            if (process.exitValue() == 0) {
                // Its bundle, complete: the path it printed last.
                Path bundle = Path.of(out.get(out.size() - 1));
                try (BundleReader reader = BundleReader.open(bundle)) {
                    reader.verifyChecksums(aom.migration.progress.ProgressListener.NONE,
                            aom.migration.progress.CancellationToken.none());
                }
                succeeded++;
                outcomes.add("exit 0 with " + bundle.getFileName());
            } else {
                assertThat(process.exitValue()).as(err).isEqualTo(2);
                assertThat(err).contains("already exists; choose another --out or pass --force");
                outcomes.add("exit 2: " + err.strip().replace(work.toString(), "<dir>"));
            }
        }
        assertThat(succeeded).isGreaterThanOrEqualTo(1);
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(path -> path.getFileName().toString()).toList()).hasSize(succeeded)
                    .allMatch(name -> name.matches("ConferenceApp-\\d{8}-\\d{6}\\.aombundle"));
        }
        observed.note(String.join("; ", outcomes) + " (the same second gives one bundle and one clear error,"
                + " different seconds two bundles); no part file left.");
    }

    private static Process start(Path home, Path out, String name) throws IOException {
        return ChildJvm.command(home, "export", "--source", demo.source().uri(), "--app", "ConferenceApp", "--out",
                out.toString(), "--no-progress").redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    /** A report parses as JSON, a rollback file line by line as Extended JSON: nothing cut off. */
    private static void complete(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        if (file.toString().endsWith(".json")) {
            new ObjectMapper().readTree(content);
        } else if (file.toString().endsWith(".jsonl")) {
            assertThat(content).endsWith("\n");
            content.lines().filter(line -> !line.isBlank()).forEach(BsonDocument::parse);
        } else {
            assertThat(content).isNotEmpty();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
