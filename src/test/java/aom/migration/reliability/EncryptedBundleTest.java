package aom.migration.reliability;

import aom.migration.cli.CliRun;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 10, title = "Encrypted bundles",
        promise = "ConferenceApp exported with `export --encrypt` (passphrase from a file) is searched byte for byte"
                + " for what it holds in clear in a plain bundle, and imported with `import --yes` through a wire"
                + " proxy into the demo target that counts every write. A missing or wrong passphrase and a byte"
                + " flipped anywhere in the file (header, key, first, middle and last chunk) must be refused with"
                + " exit code 2 and one `Error:` line before any write reached the target; the right passphrase"
                + " imports it. Where the `age` command is installed, it decrypts the bundle by hand into a plain"
                + " bundle that this tool reads.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptedBundleTest {


    @TempDir
    static Path dir;

    private static EmbeddedServer server;
    private static WireProxy proxy;
    private static final List<WireProxy.Command> writes = new CopyOnWriteArrayList<>();
    private static Path bundle;
    private static Path passphrase;
    private static Map<String, Map<String, List<String>>> before;

    @BeforeAll
    static void startTarget() throws IOException {
        bundle = ConferenceBundle.encryptedFile();
        passphrase = Files.writeString(dir.resolve("passphrase.txt"), ConferenceBundle.PASSPHRASE + "\n");
        server = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(server.uri())) {
            DemoInstallation.writeTarget(client, DemoScale.TESTS);
        }
        proxy = WriteCounting.proxy(server.port(), writes);
        before = snapshot();
    }

    @AfterAll
    static void stopTarget() {
        proxy.close();
        server.close();
    }

    @BeforeEach
    void forgetWrites() {
        writes.clear();
    }

    @Order(1)
    @Test
    @DisplayName("nothing of the bundle readable in the encrypted file")
    void nothingInClear(Observed observed) throws IOException {
        byte[] raw = Files.readAllBytes(bundle);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (String clear : List.of("aom-migration-bundle", "manifest.json", "README.txt", "metadata/", "dump/",
                "ConferenceApp", "applicationName", "pbkdf2-sha256", "alice@conference.example", "userName",
                "PK\u0003\u0004", "_id")) {
            if (text.contains(clear)) {
                found.add(clear);
            }
        }
        assertThat(text).startsWith("age-encryption.org/v1\n-> scrypt ");
        assertThat(found).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle))).isEqualTo("rw-------");
        observed.note("The file is an age file (" + raw.length + " bytes, mode 0600): the header names scrypt and its"
                + " salt and work factor; no manifest, entry name, document, customer or password hash in clear.");
    }

    @Order(2)
    @Test
    @DisplayName("no passphrase, and a wrong one")
    void missingOrWrongPassphrase(Observed observed) throws IOException {
        CliRun missing = observed.cli(CliRun.of("import", "--target", proxy.uri("", ""), bundle.toString(), "--yes",
                "--no-progress"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines().toList()).hasSize(1);
        assertThat(missing.err()).contains("is encrypted: give its passphrase with --passphrase-file FILE or"
                + " AOM_BUNDLE_PASSPHRASE");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "Correct horse battery staple");
        CliRun wrongRun = observed.cli(importing(bundle, wrong));
        assertThat(wrongRun.exitCode()).isEqualTo(2);
        assertThat(wrongRun.err().lines().toList()).hasSize(1);
        assertThat(Observed.firstErrorLine(wrongRun)).contains("The passphrase does not open");
        assertThat(writes).isEmpty();
        CliRun inspect = CliRun.of("inspect", bundle.toString(), "--passphrase-file", wrong.toString());
        assertThat(inspect.exitCode()).isEqualTo(2);
        observed.note("Refused before any write, one line each.");
    }

    @Order(3)
    @Test
    @DisplayName("a byte flipped in the header, the key, the first, a middle and the last chunk")
    void flippedAnywhere(Observed observed) throws IOException {
        byte[] raw = Files.readAllBytes(bundle);
        String header = new String(raw, 0, Math.min(raw.length, 400), StandardCharsets.ISO_8859_1);
        int stanza = header.indexOf("-> scrypt ") + 12;
        int key = header.indexOf('\n', stanza) + 5;
        int mac = header.indexOf("--- ") + 6;
        int payload = header.indexOf('\n', mac) + 1;
        List<Integer> offsets = List.of(5, stanza, key, mac, payload + 3, payload + 16 + 100, raw.length / 2,
                raw.length - 20, raw.length - 1);
        List<String> messages = new ArrayList<>();
        for (int offset : offsets) {
            Path flipped = BundleSurgery.flip(bundle, dir.resolve("flipped-" + offset + ".aombundle"), offset, 0x10);
            CliRun run = observed.cli(importing(flipped, passphrase));
            assertThat(run.exitCode()).as("offset " + offset + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().lines().filter(line -> line.startsWith("Error: ")).count()).isEqualTo(1);
            assertThat(writes).as("writes after a flip at " + offset).isEmpty();
            messages.add(offset + ": " + Observed.firstErrorLine(run).replace(flipped.toString(), "<file>"));
        }
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
        observed.note(offsets.size() + " flips refused before any write: " + String.join(" / ", messages));
    }

    @Order(4)
    @Test
    @DisplayName("inspect --verify and import with the right passphrase")
    void rightPassphrase(Observed observed) {
        CliRun inspect = observed.cli(CliRun.of("inspect", bundle.toString(), "--verify", "--passphrase-file",
                passphrase.toString()));
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("encrypted (age, passphrase)").contains("Checksums    all");
        CliRun imported = observed.cli(importing(bundle, passphrase));
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        try (MongoClient client = MongoClients.create(server.uri())) {
            assertThat(ConferenceBundle.databases(client)).isEqualTo(ConferenceBundle.sourceDatabases());
        }
        assertThat(imported.out() + imported.err()).doesNotContain(ConferenceBundle.PASSPHRASE);
        observed.note("Verified and imported; the target's ConferenceApp databases equal the source's byte for"
                + " byte.");
    }

    @Order(5)
    @Test
    @DisplayName("opened by hand with the age command")
    void openedByHandWithAge(Observed observed) throws Exception {
        Path age = Path.of("/usr/bin/age");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(age), "the age command is not installed");
        Path plain = dir.resolve("by-hand.aombundle");
        // age reads a passphrase from the terminal only; `script` gives it one.
        Process process = new ProcessBuilder("script", "-qec", "age -d -o " + plain + " " + bundle, "/dev/null")
                .redirectErrorStream(true).start();
        process.getOutputStream().write((ConferenceBundle.PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        CliRun inspect = observed.cli(CliRun.of("inspect", plain.toString(), "--verify"));
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).doesNotContain("encrypted").contains("ConferenceApp");

        // And the other way: a plain bundle that age encrypted (its own work factor, 2^18) opens in the tool.
        Path byAge = dir.resolve("encrypted-by-age.aombundle");
        Process encrypt = new ProcessBuilder("script", "-qec", "age -p -o " + byAge + " " + ConferenceBundle.file(),
                "/dev/null").redirectErrorStream(true).start();
        String twice = ConferenceBundle.PASSPHRASE + "\n" + ConferenceBundle.PASSPHRASE + "\n";
        encrypt.getOutputStream().write(twice.getBytes(StandardCharsets.UTF_8));
        encrypt.getOutputStream().flush();
        assertThat(encrypt.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(encrypt.exitValue()).isZero();
        CliRun opened = CliRun.of("inspect", byAge.toString(), "--verify", "--passphrase-file", passphrase.toString());
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("encrypted (age, passphrase)").contains("Checksums    all");
        observed.note("`age -d` decrypted it into a plain bundle that `inspect --verify` accepts; a plain bundle"
                + " encrypted with `age -p` passes `inspect --verify` with the passphrase.");
    }

    private static CliRun importing(Path file, Path passphraseFile) {
        return CliRun.of("import", "--target", proxy.uri("", ""), file.toString(), "--yes", "--no-progress",
                "--passphrase-file", passphraseFile.toString());
    }

    private static Map<String, Map<String, List<String>>> snapshot() {
        try (MongoClient client = MongoClients.create(server.uri())) {
            return TargetSnapshot.of(client);
        }
    }
}
