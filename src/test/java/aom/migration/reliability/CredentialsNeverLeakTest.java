package aom.migration.reliability;

import aom.migration.cli.CliRun;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.model.AppHome;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@Area(number = 8, title = "Credentials never leak",
        promise = "The demo source and target sit behind wire proxies that demand a user and password (SASL PLAIN"
                + " as with LDAP; the proxy checks the password the driver really sends). Every command runs with"
                + " connection strings that hold a password made for this run (one plain, one with characters"
                + " that must be %-encoded): apps, export, inspect, import (dry run and real), verify, an encrypted"
                + " export, inspect and import (whose passphrase is searched for too), the legacy"
                + " export (child JVM, password in AOM_SOURCE_URI), and failures: wrong password, unknown"
                + " application, refused port, unknown host, TLS to a plain server, a malformed connection string"
                + " and one typed in the wrong place. Then every place a password could end up is searched for it,"
                + " raw and %-encoded: stdout and stderr of every run, the log files, every bundle (raw bytes and"
                + " every entry unpacked), the reports, the rollback files and the messages of the exceptions the"
                + " engine threw.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialsNeverLeakTest {

    private static final String USER = "support";
    private static final String PLAIN_PASSWORD = "Cred" + Long.toHexString(System.nanoTime()) + "Secret";
    private static final String ODD_PASSWORD = "p@ss:w/rd%&?" + Long.toHexString(System.nanoTime()) + "#x";
    /** The passphrase of an encrypted bundle is searched for like a password. */
    private static final String PASSPHRASE = "Phrase" + Long.toHexString(System.nanoTime()) + " of words";

    @TempDir
    Path dir;

    @Order(1)
    @Test
    @DisplayName("every command and every failure with a password in the connection string")
    void noPasswordAnywhere(Observed observed) throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (DemoServers demo = DemoServers.start(DemoScale.TESTS);
             WireProxy source = new WireProxy(demo.source().port());
             WireProxy target = new WireProxy(demo.target().port())) {
            source.addRule(new FakeAuthentication(USER, PLAIN_PASSWORD));
            target.addRule(new FakeAuthentication(USER, ODD_PASSWORD));
            String sourceUri = uri(source, PLAIN_PASSWORD);
            String targetUri = uri(target, ODD_PASSWORD);
            Path bundle = dir.resolve("conference.aombundle");

            run(outputs, "apps", "apps", "--source", sourceUri);
            run(outputs, "export", "export", "--source", sourceUri, "--app", "ConferenceApp", "--out",
                    bundle.toString(), "--no-progress");
            assertThat(bundle).exists();
            run(outputs, "inspect", "inspect", bundle.toString(), "--verify");
            run(outputs, "import --dry-run", "import", "--target", targetUri, bundle.toString(), "--dry-run",
                    "--no-progress");
            CliRun imported = run(outputs, "import", "import", "--target", targetUri, bundle.toString(), "--yes",
                    "--reset-passwords", "--no-progress");
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            run(outputs, "verify", "verify", "--source", sourceUri, "--target", targetUri, "--app", "ConferenceApp");
            Path secret = Files.writeString(Files.createTempFile("passphrase", ".txt"), PASSPHRASE);
            Path encrypted = dir.resolve("encrypted.aombundle");
            run(outputs, "export --encrypt", "export", "--source", sourceUri, "--app", "ConferenceApp", "--out",
                    encrypted.toString(), "--no-progress", "--encrypt", "--passphrase-file", secret.toString());
            run(outputs, "inspect encrypted", "inspect", encrypted.toString(), "--verify", "--passphrase-file",
                    secret.toString());
            CliRun importedEncrypted = run(outputs, "import encrypted", "import", "--target", targetUri,
                    encrypted.toString(), "--yes", "--no-progress", "--passphrase-file", secret.toString());
            assertThat(importedEncrypted.exitCode()).as(importedEncrypted.err()).isZero();
            Files.delete(secret);

            assertThat(run(outputs, "wrong password", "apps", "--source", uri(source, ODD_PASSWORD)).exitCode())
                    .isEqualTo(1);
            run(outputs, "unknown application", "export", "--source", sourceUri, "--app", "Nope", "--out",
                    dir.resolve("nope.aombundle").toString());
            run(outputs, "refused port", "apps", "--source", "mongodb://" + USER + ":" + encode(PLAIN_PASSWORD)
                    + "@127.0.0.1:1/?serverSelectionTimeoutMS=500");
            run(outputs, "unknown host", "apps", "--source", "mongodb://" + USER + ":" + encode(ODD_PASSWORD)
                    + "@no-such-host.invalid/?serverSelectionTimeoutMS=500");
            run(outputs, "TLS to a plain server", "apps", "--source", sourceUri + "&tls=true"
                    + "&serverSelectionTimeoutMS=500");
            run(outputs, "malformed connection string", "apps", "--source", "mongodb://" + USER + ":"
                    + encode(PLAIN_PASSWORD) + "@db1/?readPreference=nonsense");
            run(outputs, "connection string in the wrong place", "import", targetUri, bundle.toString());

            legacyExport(outputs, files, sourceUri);
            exceptionMessages(outputs, source);
            files.add(bundle);
        }
        files.addAll(everyFile(AppHome.logs()));
        files.addAll(everyFile(AppHome.reports()));
        files.addAll(everyFile(AppHome.rollbacks()));
        files.addAll(everyFile(dir));

        // The search itself finds what it looks for.
        assertThat(find("a control", "x" + encode(ODD_PASSWORD) + "y")).isNotEmpty();
        assertThat(find("a control", "x" + PLAIN_PASSWORD + "y")).isNotEmpty();
        List<String> leaks = new ArrayList<>();
        outputs.forEach((what, text) -> leaks.addAll(find(what, text)));
        for (Path file : files) {
            leaks.addAll(find(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
            if (file.toString().endsWith(".aombundle") && !aom.migration.bundle.BundleReader.isEncrypted(file)) {
                for (BundleSurgery.Entry entry : BundleSurgery.entries(file)) {
                    leaks.addAll(find(file + "!" + entry.name(), new String(entry.content(), StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(leaks).as("places that hold a password").isEmpty();
        assertThat(files).anyMatch(file -> file.getFileName().toString().equals("migration.log"))
                .anyMatch(file -> file.getParent().equals(AppHome.reports()))
                .anyMatch(file -> file.getParent().equals(AppHome.rollbacks()));
        observed.note("Runs: " + String.join(", ", outputs.keySet()) + ".");
        observed.note("Searched " + outputs.size() + " outputs (stdout, stderr, exception texts) and " + files.size()
                + " files (" + files.stream().filter(file -> file.toString().endsWith(".aombundle")).count()
                + " bundles with every entry, logs, reports, rollback files): no password, raw or %-encoded.");
    }

    /** The legacy form reads the source from AOM_SOURCE_URI; its real stdout, stderr and log file are searched. */
    private void legacyExport(Map<String, String> outputs, List<Path> files, String sourceUri) throws Exception {
        Path work = Files.createDirectories(dir.resolve("legacy"));
        Path home = Files.createDirectories(dir.resolve("legacy-home"));
        ProcessBuilder builder = ChildJvm.command(home, "ConferenceApp").directory(work.toFile())
                .redirectOutput(dir.resolve("legacy-out.txt").toFile())
                .redirectError(dir.resolve("legacy-err.txt").toFile());
        builder.environment().put("AOM_SOURCE_URI", sourceUri);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("legacy-err.txt"))).isZero();
        outputs.put("legacy export stdout", Files.readString(dir.resolve("legacy-out.txt")));
        outputs.put("legacy export stderr", Files.readString(dir.resolve("legacy-err.txt")));
        files.addAll(everyFile(home));
        files.addAll(everyFile(work));
        assertThat(everyFile(work)).anyMatch(file -> file.toString().endsWith(".aombundle"));
    }

    /** What the engine throws when a connection fails, as message, toString and printed stack trace. */
    private static void exceptionMessages(Map<String, String> outputs, WireProxy source) {
        for (String password : List.of(ODD_PASSWORD, PLAIN_PASSWORD + "-wrong")) {
            Throwable failure = catchThrowable(() -> Installation.connect(ConnectionSettings.fromUri(
                    uri(source, password))).close());
            assertThat(failure).isNotNull();
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            outputs.put("exception for a wrong password", failure.getMessage() + "\n" + failure + "\n" + trace);
        }
        Throwable invalid = catchThrowable(() -> ConnectionSettings.fromUri("mongodb://" + USER + ":"
                + encode(PLAIN_PASSWORD) + "@db1:99999/"));
        outputs.put("exception for an invalid connection string", invalid.getMessage() + "\n" + invalid);
        outputs.put("settings as text", ConnectionSettings.fromUri(uri(source, PLAIN_PASSWORD)).toString()
                + "\n" + ConnectionSettings.fromUri(uri(source, PLAIN_PASSWORD)).redactedUri());
    }

    private static CliRun run(Map<String, String> outputs, String what, String... args) {
        CliRun run = CliRun.of(args);
        outputs.put(what + " (exit " + run.exitCode() + ")", run.out() + "\n" + run.err());
        return run;
    }

    private static List<String> find(String where, String text) {
        List<String> found = new ArrayList<>();
        for (String password : List.of(PLAIN_PASSWORD, ODD_PASSWORD, PASSPHRASE)) {
            for (String form : List.of(password, encode(password))) {
                if (text.contains(form)) {
                    found.add(where + " holds " + (form.equals(password) ? "a password" : "an encoded password"));
                }
            }
        }
        return found;
    }

    private static List<Path> everyFile(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static String uri(WireProxy proxy, String password) {
        return proxy.uri(USER + ":" + encode(password) + "@", "authMechanism=PLAIN&authSource=$external");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
