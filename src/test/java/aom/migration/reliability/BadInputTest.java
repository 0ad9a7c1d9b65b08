package aom.migration.reliability;

import aom.migration.cli.CliRun;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.demo.EmbeddedServer;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 7, title = "Bad input: connections, applications, permissions, disks",
        promise = "Every case goes through the command line (`apps`, `export`, `import`, `verify`) and must end with"
                + " the right exit code (2 bad input, 1 failed) and one readable `Error:` line that says what is"
                + " wrong, without a password; an export leaves no partial bundle, an import leaves the target as it"
                + " was. Servers that mongo-java-server cannot imitate (authentication, missing permissions) are"
                + " played by the wire proxy in front of it, answering as a real mongod does (error 18"
                + " AuthenticationFailed, error 13 Unauthorized).")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    private static final String PASSWORD = "Pw-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    private static DemoServers demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @Order(1)
    @ParameterizedTest(name = "malformed connection string: {0}")
    @CsvSource(delimiter = '|', value = {
        "mongodb://|names no host",
        "http://alice:PASSWORD@db1/|must start with mongodb:// or mongodb+srv://",
        "mongodb://db1:99999/|Port must be 1-65535 (got 99999)",
        "mongodb://alice:PASSWORD@db1/?serverSelectionTimeoutMS=soon|'soon' is not a valid integer",
        "mongodb://alice:%zz@db1/|malformed %-escape",
        "mongodb://alice:PASSWORD@db1/?readPreference=bogus|No match for read preference of bogus",
        "mongodb+srv://db1.example.com:27017/|takes a host name without a port",
        "mongodb://alice@db1/|User 'alice' has no password",
        "mongodb://alice:PASSWORD@db1/?authMechanism=BOGUS|Unsupported authMechanism: BOGUS",
        "mongodb://db1/?tls|has no value (expected name=value)"})
    void malformedConnectionString(String uri, String expected, Observed observed) {
        String withPassword = uri.replace("PASSWORD", PASSWORD);
        for (String[] command : List.of(new String[] {"import", "--target", withPassword, bundle()},
                new String[] {"export", "--source", withPassword, "--app", "ConferenceApp", "--out",
                    dir.resolve("x.aombundle").toString()},
                new String[] {"apps", "--source", withPassword})) {
            CliRun run = observed.cli(CliRun.of(command));
            assertThat(run.exitCode()).as(command[0] + ": " + run.err()).isEqualTo(2);
            assertOneErrorLine(run, expected);
        }
        observed.note("The same for import, export and apps.");
    }

    @Order(2)
    @Test
    @DisplayName("unknown host")
    void unknownHost(Observed observed) {
        CliRun run = observed.cli(CliRun.of("apps", "--source",
                "mongodb://alice:" + PASSWORD + "@no-such-host.invalid:27017/?serverSelectionTimeoutMS=1000"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertOneErrorLine(run, "Unknown host no-such-host.invalid:27017: the name does not resolve");
    }

    @Order(3)
    @Test
    @DisplayName("refused port")
    void refusedPort(Observed observed) {
        int port = closedPort();
        CliRun run = observed.cli(CliRun.of("import", "--target", "mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=1000", bundle(), "--yes"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertOneErrorLine(run, "Connection refused by 127.0.0.1:" + port + ": nothing listens on that port");
    }

    @Order(4)
    @ParameterizedTest(name = "wrong password ({0})")
    @ValueSource(strings = {"default mechanism", "authMechanism=SCRAM-SHA-256"})
    void wrongPassword(String mechanism, Observed observed) throws IOException {
        try (WireProxy proxy = new WireProxy(demo.source().port())) {
            proxy.addRule(FakeAuthentication.rejectingEveryone());
            String options = mechanism.startsWith("authMechanism") ? mechanism : "";
            CliRun run = observed.cli(CliRun.of("apps", "--source", proxy.uri("alice:" + PASSWORD + "@", options)));
            assertThat(run.exitCode()).isEqualTo(1);
            assertOneErrorLine(run, "Authentication failed for user 'alice' on database 'admin' at 127.0.0.1:"
                    + proxy.port() + ": check the user name, password and authentication database");
        }
        observed.note("The proxy answers saslStart as mongod does for a wrong password: error 18"
                + " AuthenticationFailed.");
    }

    @Order(5)
    @Test
    @DisplayName("user and password for a server without authentication (the embedded server)")
    void credentialsForAServerWithoutAuthentication(Observed observed) {
        CliRun run = observed.cli(CliRun.of("apps", "--source", "mongodb://alice:" + PASSWORD + "@127.0.0.1:"
                + demo.source().port() + "/"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertOneErrorLine(run, "127.0.0.1:" + demo.source().port() + " does not support authentication (it does"
                + " not know saslStart): connect without a user name and password");
        observed.note("mongo-java-server answers saslStart with error 59 CommandNotFound, which the driver reports"
                + " as a failed authentication; the tool said \"Authentication failed ... check the user name,"
                + " password\" until this was fixed.");
    }

    @Order(6)
    @Test
    @DisplayName("TLS to a server that does not speak TLS")
    void tlsToAPlainServer(Observed observed) {
        CliRun run = observed.cli(CliRun.of("apps", "--source", "mongodb://127.0.0.1:" + demo.source().port()
                + "/?tls=true&serverSelectionTimeoutMS=1000"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertOneErrorLine(run, "No answer from 127.0.0.1:" + demo.source().port(),
                "and whether the server really speaks TLS");
    }

    @Order(7)
    @Test
    @DisplayName("unknown application: export, verify, and import naming another application than the bundle's")
    void unknownApplication(Observed observed) {
        CliRun export = observed.cli(CliRun.of("export", "--source", demo.source().uri(), "--app", "Nope", "--out",
                dir.resolve("nope.aombundle").toString(), "--no-progress"));
        assertThat(export.exitCode()).isEqualTo(2);
        assertOneErrorLine(export, "There is no application 'Nope'", "Applications there: ConferenceApp");
        assertThat(dir).isEmptyDirectory();
        CliRun verify = CliRun.of("verify", "--source", demo.source().uri(), "--target", demo.target().uri(),
                "--app", "Nope");
        assertThat(verify.exitCode()).isEqualTo(2);
        assertOneErrorLine(verify, "There is no application 'Nope'");
        CliRun imported = CliRun.of("import", "--target", demo.target().uri(), bundle(), "--app", "Nope", "--yes");
        assertThat(imported.exitCode()).isEqualTo(2);
        assertOneErrorLine(imported, "The bundle holds the application ConferenceApp, not Nope");
        observed.note("verify: `" + Observed.firstErrorLine(verify) + "`; import: `"
                + Observed.firstErrorLine(imported) + "`.");
    }

    @Order(8)
    @ParameterizedTest(name = "application name MongoDB forbids in database names: export --app ''{0}''")
    @ValueSource(strings = {"a.b", "a b", "a$b", "a/b", "a\"b"})
    void forbiddenApplicationNameOnExport(String name, Observed observed) {
        CliRun run = observed.cli(CliRun.of("export", "--source", demo.source().uri(), "--app", name, "--out",
                dir.resolve("x.aombundle").toString(), "--no-progress"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertOneErrorLine(run, name);
        assertThat(dir).isEmptyDirectory();
    }

    @Order(9)
    @ParameterizedTest(name = "dump imported under an application name MongoDB forbids: --app ''{0}''")
    @ValueSource(strings = {"Conference.App", "Conference App", "Conference$App",
        "ConferenceApplicationWithANameMuchLongerThanMongoDBAllowsForADatabase"})
    void forbiddenApplicationNameOnImport(String name, Observed observed) throws IOException {
        Path dump = Files.createDirectories(dir.resolve("dump").resolve("ConferenceApp"));
        for (String suffix : List.of(".bson", ".metadata.json")) {
            Files.write(dump.resolve("Basics_Role" + suffix), BundleSurgery.content(ConferenceBundle.file(),
                    "dump/ConferenceApp/Basics_Role" + suffix));
        }
        try (EmbeddedServer target = freshTarget(); MongoClient client = MongoClients.create(target.uri())) {
            Map<String, Map<String, List<String>>> before = TargetSnapshot.of(client);
            CliRun run = observed.cli(CliRun.of("import", "--target", target.uri(), dir.resolve("dump").toString(),
                    "--app", name, "--map", "ConferenceApp=LIVE", "--yes", "--no-progress"));
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertOneErrorLine(run, "The application name '" + name + "'", name.length() > 50
                    ? "its database names would exceed MongoDB's limit" : "which MongoDB does not allow in database"
                    + " names");
            assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(client))).isEmpty();
        }
    }

    @Order(10)
    @Test
    @DisplayName("bundle whose manifest names an application MongoDB forbids (forged)")
    void bundleWithAForbiddenApplicationName(Observed observed) {
        Path forged = BundleSurgery.editManifest(ConferenceBundle.file(), dir.resolve("forged.aombundle"),
                manifest -> manifest.with("application").put("name", "Conference.App"));
        try (EmbeddedServer target = freshTarget(); MongoClient client = MongoClients.create(target.uri())) {
            Map<String, Map<String, List<String>>> before = TargetSnapshot.of(client);
            CliRun run = observed.cli(CliRun.of("import", "--target", target.uri(), forged.toString(), "--yes",
                    "--no-progress"));
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertOneErrorLine(run, "its manifest is invalid: The application name 'Conference.App' contains"
                    + " '.'");
            assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(client))).isEmpty();
        }
    }

    @Order(11)
    @ParameterizedTest(name = "target without write permission: error 13 from the first {0}")
    @ValueSource(strings = {"update", "insert", "create", "renameCollection"})
    void targetWithoutWritePermission(String command, Observed observed) throws IOException {
        try (EmbeddedServer target = freshTarget(); MongoClient client = MongoClients.create(target.uri());
             WireProxy proxy = new WireProxy(target.port())) {
            Map<String, Map<String, List<String>>> before = TargetSnapshot.of(client);
            proxy.addRule(unauthorized(Set.of(command)));
            CliRun run = observed.cli(CliRun.of("import", "--target", proxy.uri("", ""), bundle(), "--yes",
                    "--no-progress"));
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            if (command.equals("create")) {
                // The first create is a staging collection's: the import had begun, and rolls back.
                assertOneErrorLine(run, "not authorized on", "The target was restored to its state before the"
                        + " import; checked: ");
            } else {
                // The journal's first write (update), the rename check's insert and rename come first.
                assertOneErrorLine(run, "The import of ConferenceApp cannot start: 127.0.0.1:" + proxy.port()
                        + " answered with error 13 (Unauthorized): not authorized on "
                        + switch (command) {
                            case "update" -> "apiomat";
                            case "renameCollection" -> "admin";
                            default -> "ConferenceApp";
                        }, "Nothing was changed.");
            }
            assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(client))).isEmpty();
            observed.note("The proxy answers every " + command + " with error 13 Unauthorized; the target is byte"
                    + " for byte as before.");
        }
    }

    @Order(12)
    @Test
    @DisplayName("source without read permission: error 13 from find")
    void sourceWithoutReadPermission(Observed observed) throws IOException {
        try (WireProxy proxy = new WireProxy(demo.source().port())) {
            proxy.addRule(unauthorized(Set.of("find", "aggregate")));
            CliRun run = observed.cli(CliRun.of("export", "--source", proxy.uri("", ""), "--app", "ConferenceApp",
                    "--out", dir.resolve("conference.aombundle").toString(), "--no-progress"));
            assertThat(run.exitCode()).isEqualTo(1);
            assertOneErrorLine(run, "Without a user name, 127.0.0.1:" + proxy.port() + " does not allow this: not"
                    + " authorized on apiomat");
            assertThat(dir).isEmptyDirectory();
        }
    }

    @Order(13)
    @Test
    @DisplayName("source whose user may read but not list the metadata's collections: error 13 from listCollections")
    void sourceThatMayNotListTheMetadataCollections(Observed observed) throws IOException {
        try (WireProxy proxy = new WireProxy(demo.source().port())) {
            proxy.addRule(command -> command.name().equals("listCollections") && command.database().equals("apiomat")
                    ? WireProxy.Action.answer(WireProxy.error(13, "Unauthorized", "not authorized on apiomat to"
                    + " execute command { listCollections: 1 }")) : WireProxy.Action.FORWARD);
            Path bundle = dir.resolve("conference.aombundle");
            CliRun run = observed.cli(CliRun.of("export", "--source", proxy.uri("", ""), "--app", "ConferenceApp",
                    "--out", bundle.toString(), "--no-progress"));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().strip()).endsWith(bundle.toString());
            assertThat(bundle).isNotEmptyFile();
            observed.note("The check whether the source has an 'apiomat' database lists its collections; refused,"
                    + " the export reads the metadata as it would otherwise.");
        }
    }

    @Order(13)
    @Test
    @DisplayName("target whose user may not list the metadata's collections: error 13 from listCollections")
    void targetThatMayNotListTheMetadataCollections(Observed observed) throws IOException {
        try (EmbeddedServer target = freshTarget(); WireProxy proxy = new WireProxy(target.port())) {
            proxy.addRule(command -> command.name().equals("listCollections") && command.database().equals("apiomat")
                    ? WireProxy.Action.answer(WireProxy.error(13, "Unauthorized", "not authorized on apiomat to"
                    + " execute command { listCollections: 1 }")) : WireProxy.Action.FORWARD);
            CliRun run = observed.cli(CliRun.of("import", "--target", proxy.uri("", ""), bundle(), "--dry-run",
                    "--no-progress"));
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertOneErrorLine(run, "Without a user name, 127.0.0.1:" + proxy.port() + " does not allow this: not"
                    + " authorized on apiomat to execute command { listCollections: 1 }");
            assertThat(run.err()).doesNotContain("MongoCommandException");
            observed.note("The plan needs to list the metadata's collections (to find an interrupted import and to"
                    + " merge); refused, it stops with one sentence before anything is written.");
        }
    }

    @Order(14)
    @Test
    @DisplayName("disk full while writing a bundle (a 64 KiB file size limit, ulimit -f)")
    void diskFullWhileWritingABundle(Observed observed) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ProcessBuilder export = ChildJvm.command(Files.createDirectories(dir.resolve("home")), "export",
                "--source", demo.source().uri(), "--app", "ConferenceApp", "--out",
                out.resolve("conference.aombundle").toString(), "--no-progress");
        List<String> limited = new ArrayList<>(List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "bash"));
        limited.addAll(export.command());
        Process process = new ProcessBuilder(limited).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> stderr = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        List<String> errors = stderr.stream().filter(line -> line.startsWith("Error: ")).toList();
        observed.exitCode(process.exitValue());
        observed.message(errors.isEmpty() ? String.join(" / ", stderr) : errors.get(0));
        assertThat(process.exitValue()).as(String.join("\n", stderr)).isEqualTo(1);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("Cannot write the bundle " + out.resolve("conference.aombundle"),
                "File too large");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).as("files left in the output folder").isEmpty();
        }
        observed.note("The export ran in a child JVM whose files may not grow past 64 KiB, as on a full disk;"
                + " it left no bundle, no part file and no spool file.");
    }

    @Order(15)
    @Test
    @DisplayName("bundle path whose folder is a file")
    void outputFolderIsAFile(Observed observed) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun run = observed.cli(CliRun.of("export", "--source", demo.source().uri(), "--app", "ConferenceApp",
                "--out", file.resolve("conference.aombundle").toString(), "--no-progress"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertOneErrorLine(run, "Cannot write the bundle", file + " is a file, not a folder");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Order(16)
    @Test
    @DisplayName("bundle that does not exist")
    void bundleThatDoesNotExist(Observed observed) {
        CliRun run = observed.cli(CliRun.of("import", "--target", demo.target().uri(),
                dir.resolve("missing.aombundle").toString(), "--yes"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertOneErrorLine(run, "missing.aombundle does not exist");
    }

    @Order(17)
    @Test
    @DisplayName("connection string typed where the command expects something else")
    void connectionStringInTheWrongPlace(Observed observed) {
        CliRun run = observed.cli(CliRun.of("apps", "mongodb://alice:" + PASSWORD + "@db1/"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 1: 'mongodb://alice:*****@db1/'")
                .doesNotContain(PASSWORD);
        observed.message(run.err().lines().findFirst().orElse(""));
        CliRun legacy = CliRun.of("mongodb://alice:" + PASSWORD + "@db1/", "extra");
        assertThat(legacy.exitCode()).isEqualTo(2);
        assertThat(legacy.err()).contains("'mongodb://alice:*****@db1/' is not a command").doesNotContain(PASSWORD);
        observed.note("Picocli quotes arguments it cannot match, the legacy form quotes its first argument: both"
                + " now go through the redaction.");
    }

    @Order(18)
    @ParameterizedTest(name = "the real stderr of a failed command (child JVM): {0}")
    @ValueSource(strings = {"refused port", "target without write permission"})
    void realStderrHoldsOneLine(String failure, Observed observed) throws Exception {
        try (EmbeddedServer target = freshTarget(); WireProxy proxy = new WireProxy(target.port())) {
            proxy.addRule(unauthorized(Set.of("insert")));
            String uri = failure.equals("refused port")
                    ? "mongodb://127.0.0.1:" + closedPort() + "/?serverSelectionTimeoutMS=1000" : proxy.uri("", "");
            Process process = ChildJvm.command(Files.createDirectories(dir.resolve("home")), "import", "--target",
                    uri, bundle(), "--yes", "--no-progress").redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            List<String> stderr = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("Warning: ")).toList();
            observed.exitCode(process.exitValue());
            observed.message(String.join(" / ", stderr));
            assertThat(stderr).hasSize(1).allMatch(line -> line.startsWith("Error: "));
        }
        observed.note("Before the fix the console also showed the failure logged at WARN and ERROR with a stack"
                + " trace (7 lines for a refused port).");
    }

    /** A rule answering the given commands with error 13, as mongod does for a user without the role. */
    private static WireProxy.Rule unauthorized(Set<String> commands) {
        return command -> commands.contains(command.name()) ? WireProxy.Action.answer(WireProxy.error(13,
                "Unauthorized", "not authorized on " + command.database() + " to execute command { "
                        + command.name() + ": \"" + command.collection() + "\" }")) : WireProxy.Action.FORWARD;
    }

    private static void assertOneErrorLine(CliRun run, String... expected) {
        List<String> errors = run.err().lines().filter(line -> line.startsWith("Error: ")).toList();
        assertThat(errors).as(run.err()).hasSize(1);
        assertThat(errors.get(0)).contains(expected).doesNotContain(PASSWORD);
        assertThat(run.out()).doesNotContain(PASSWORD);
    }

    private static String bundle() {
        return ConferenceBundle.file().toString();
    }

    private static EmbeddedServer freshTarget() {
        EmbeddedServer server = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(server.uri())) {
            DemoInstallation.writeTarget(client, DemoScale.TESTS);
        }
        return server;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
