package aom.migration.reliability;

import aom.migration.bundle.BundleReader;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 9, title = "Two tool processes at one target: suspended imports, clocks, exports",
        promise = "Real tool processes (`migration import --yes` in child JVMs) against the demo target in an"
                + " in-memory server in the test's JVM. Import A runs through the wire proxy, which suspends it"
                + " with SIGSTOP at the named command (as Ctrl+Z or a closed laptop lid would) and lets the command"
                + " through. A second process then imports, exports or recovers; `-Daom.machine` makes a process"
                + " play another computer (whose imports are judged by their lease on the target's clock, here 3"
                + " s), `-Daom.clockOffset` a computer whose clock is off. Every case ends with the target equal to"
                + " the bundle or to its state before, no working collection left, and every message true; a"
                + " process that was taken for dead and wakes up stops at its next step and touches nothing.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoProcessesTest extends ImportFaults {

    private static final String LEASE_SECONDS = "3";

    /** Where import A is suspended. */
    enum Suspension {
        LOAD(STAGING_INSERT, 6, "the 6th insert into a staging collection"),
        INDEXES(INDEX_BUILD, 4, "the 4th createIndexes"),
        MERGE(METADATA_WRITE, 5, "the 5th metadata write"),
        SWAP(SWAP_RENAME, 8, "the 8th rename of the swap"),
        VERIFY(afterTheSwap(c -> c.name().equals("listCollections") && c.database().startsWith("ConferenceApp")),
                1, "the verification's first listing of a database"),
        CLEANUP(DROP_SET_ASIDE, 2, "the 2nd drop of a set-aside collection, after the commit");

        final Predicate<WireProxy.Command> command;
        final int nth;
        final String description;

        Suspension(Predicate<WireProxy.Command> command, int nth, String description) {
            this.command = command;
            this.nth = nth;
            this.description = description;
        }

        /** Matches {@code command} once the swap has renamed a collection: nothing but the verification follows. */
        private static Predicate<WireProxy.Command> afterTheSwap(Predicate<WireProxy.Command> command) {
            AtomicBoolean swapped = new AtomicBoolean();
            return c -> {
                if (SWAP_RENAME.test(c)) {
                    swapped.set(true);
                    return false;
                }
                return swapped.get() && command.test(c);
            };
        }
    }

    /** A finished tool process: its exit code and what it printed. */
    record Run(int exitCode, String out, String err) {
        String firstErrorLine() {
            return err.lines().filter(line -> line.startsWith("Error: ")).findFirst().orElse(err.strip());
        }
    }

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();
    private final AtomicInteger processes = new AtomicInteger();

    @Override
    int startServer() {
        return startInMemory();
    }

    @AfterEach
    void stopProcesses() {
        for (Process process : started) {
            signal(process, "CONT");
            process.destroyForcibly();
        }
    }

    @Order(1)
    @ParameterizedTest(name = "suspended during {0} past its lease; an import from another computer takes over")
    @EnumSource(Suspension.class)
    void suspendedPastItsLease(Suspension point, Observed observed) throws Exception {
        Process first = importThroughProxy("computer-a", point.command, point.nth);
        observed.note("Import A was suspended at " + point.description + "; after its 3 s lease import B ran from"
                + " another computer.");
        Thread.sleep(4_000);

        Run second = finish(start(List.of("-Daom.machine=computer-b"), "import", "--target", targetUri(),
                ConferenceBundle.file().toString(), "--yes", "--no-progress"));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("Recovered: Found the journal of an import of ConferenceApp")
                .contains("PASSED");
        if (point != Suspension.CLEANUP) {
            assertThat(second.out()).contains("Recovered: The target was restored to its state before that import;"
                    + " checked: 31 collection(s) in 3 database(s)");
        }
        assertBundleInTarget();
        observed.note("B: exit 0; it took A's journal over, " + (point == Suspension.CLEANUP
                ? "finished A's committed import," : "restored the target and checked it,") + " imported and"
                + " verified.");

        signal(first, "CONT");
        Run woken = finish(first);
        observed.exitCode(woken.exitCode());
        observed.message(point == Suspension.CLEANUP ? woken.err().lines().filter(line -> line.contains("clean-up"))
                .findFirst().orElse(woken.err()) : woken.firstErrorLine());
        if (point == Suspension.CLEANUP) {
            // A had verified and committed before it was suspended; only its clean-up was left, which B did.
            assertThat(woken.exitCode()).as(woken.err()).isZero();
            assertThat(woken.err()).contains("the clean-up failed (This import of ConferenceApp no longer owns the"
                    + " target");
        } else {
            assertThat(woken.exitCode()).as(woken.out() + woken.err()).isEqualTo(1);
            // The loss first: what A met on its way (a collection gone, a duplicate key) is B's work, not a fault.
            assertThat(woken.firstErrorLine()).startsWith("Error: This import of ConferenceApp no longer owns the"
                    + " target")
                    .contains("It stopped at once and changed nothing more")
                    .doesNotContain("restored to its state before");
        }
        assertBundleInTarget();
        observed.note("When A woke up it found its journal gone at its next step and stopped; the target still"
                + " holds B's verified import, with no working collection.");
    }

    @Order(2)
    @Test
    @DisplayName("suspended, then an import on the same computer: refused while the suspended one exists")
    void suspendedOnThisComputer(Observed observed) throws Exception {
        Process first = importThroughProxy(null, SWAP_RENAME, 8);
        Thread.sleep(4_000);

        Run second = finish(start(List.of(), "import", "--target", targetUri(), ConferenceBundle.file().toString(),
                "--yes", "--no-progress"));
        observed.exitCode(second.exitCode());
        observed.message(second.firstErrorLine());
        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(3);
        assertThat(second.firstErrorLine()).contains("is running in process " + first.pid() + " on this computer,"
                + " which is suspended").contains("This import did not start and changed nothing");

        signal(first, "CONT");
        Run woken = finish(first);
        assertThat(woken.exitCode()).as(woken.err()).isZero();
        assertThat(woken.out()).contains("PASSED");
        assertBundleInTarget();
        observed.note("A's lease had run out, but its process still existed on this computer, so B left it alone."
                + " Resumed, A finished and verified.");
    }

    @Order(3)
    @Test
    @DisplayName("two imports started together")
    void twoImportsStartedTogether(Observed observed) throws Exception {
        // The first to load anything is held a moment there, so that the other surely meets it at work.
        proxy.addRule(WireProxy.Rule.atNth(STAGING_INSERT, 1, command -> sleep(3_000)));
        Process one = start(List.of(), "import", "--target", proxy.uri("", ""), ConferenceBundle.file().toString(),
                "--yes", "--no-progress");
        Process two = start(List.of(), "import", "--target", proxy.uri("", ""), ConferenceBundle.file().toString(),
                "--yes", "--no-progress");
        Run first = finish(one);
        Run second = finish(two);

        List<Integer> codes = List.of(first.exitCode(), second.exitCode());
        assertThat(codes).as(first.err() + second.err()).containsExactlyInAnyOrder(0, 3);
        Run refused = first.exitCode() == 3 ? first : second;
        Process winner = first.exitCode() == 0 ? one : two;
        observed.exitCode(refused.exitCode());
        observed.message(refused.firstErrorLine());
        assertThat(refused.firstErrorLine()).contains("Another import of ConferenceApp into this target")
                .contains("is running in process " + winner.pid() + " on this computer")
                .contains("This import did not start and changed nothing");
        assertBundleInTarget();
        observed.note("One imported and verified (exit 0); the other found its journal and did not start.");
    }

    @Order(4)
    @Test
    @DisplayName("killed (SIGKILL) during the recovery of an import that was killed itself")
    void killedDuringTheRecovery(Observed observed) throws Exception {
        AtomicReference<Process> tool = new AtomicReference<>();
        proxy.addRule(WireProxy.Rule.nth(SWAP_RENAME, 8, WireProxy.Action.cutBefore(command ->
                tool.get().destroyForcibly())));
        tool.set(start(List.of(), "import", "--target", proxy.uri("", ""), ConferenceBundle.file().toString(), "--yes",
                "--no-progress"));
        assertThat(tool.get().waitFor(120, TimeUnit.SECONDS)).isTrue();
        observed.note("Import A was killed at the 8th rename of its swap.");

        // B recovers A's import through the proxy and is killed at the 3rd rename of that rollback.
        AtomicInteger renames = new AtomicInteger();
        AtomicReference<Process> recovering = new AtomicReference<>();
        proxy.addRule(WireProxy.Rule.nth(SWAP_RENAME.and(c -> renames.incrementAndGet() > 0), 3,
                WireProxy.Action.cutBefore(command -> recovering.get().destroyForcibly())));
        recovering.set(start(List.of(), "import", "--target", proxy.uri("", ""), ConferenceBundle.file().toString(),
                "--yes", "--no-progress"));
        assertThat(recovering.get().waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(renames.get()).as("B reached the rollback's renames").isGreaterThanOrEqualTo(3);
        observed.note("Import B took A's journal over and was killed at the 3rd rename of its rollback.");

        Run third = finish(start(List.of(), "import", "--target", targetUri(), ConferenceBundle.file().toString(),
                "--yes", "--no-progress"));
        observed.exitCode(third.exitCode());
        observed.message(third.out().lines().filter(line -> line.startsWith("Recovered: The target"))
                .findFirst().orElse(""));
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(third.out()).contains("Recovered: Found the journal of an import of ConferenceApp")
                .contains("Recovered: The target was restored to its state before that import; checked:")
                .contains("PASSED");
        assertBundleInTarget();
        observed.note("Import C took the journal over from B (its process gone), finished the rollback, checked it,"
                + " imported and verified.");
    }

    @Order(5)
    @Test
    @DisplayName("another computer with its clock 10 minutes ahead, while an import runs")
    void anotherComputerWithItsClockAhead(Observed observed) throws Exception {
        Process first = importThroughProxy("computer-a", STAGING_INSERT, 6, "60");
        Run second = finish(start(List.of("-Daom.machine=computer-b", "-Daom.clockOffset=PT10M"), "import",
                "--target", targetUri(), ConferenceBundle.file().toString(), "--yes", "--no-progress"));
        observed.exitCode(second.exitCode());
        observed.message(second.firstErrorLine());
        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(3);
        assertThat(second.firstErrorLine()).contains("Another import of ConferenceApp into this target")
                .contains("by the target's clock").contains("This import did not start and changed nothing")
                .doesNotContain("error -1");

        signal(first, "CONT");
        Run woken = finish(first);
        assertThat(woken.exitCode()).as(woken.err()).isZero();
        assertBundleInTarget();
        observed.note("A's lease was judged by the target server's clock, so B's clock did not make A look dead;"
                + " A, resumed within its lease, finished and verified.");
    }

    @Order(6)
    @Test
    @DisplayName("an export of the target while an import is at work there")
    void exportWhileAnImportRuns(Observed observed) throws Exception {
        Process first = importThroughProxy(null, STAGING_INSERT, 6);
        Path refusedBundle = home.resolve("refused.aombundle");
        Run refused = finish(start(List.of(), "export", "ConferenceApp", "--source", targetUri(), "--out",
                refusedBundle.toString(), "--no-progress"));
        observed.exitCode(refused.exitCode());
        observed.message(refused.firstErrorLine());
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(3);
        assertThat(refused.firstErrorLine()).contains("Not exported: an import of ConferenceApp into this"
                + " installation").contains("--during-import");
        assertThat(refusedBundle).doesNotExist();

        Path taken = home.resolve("during.aombundle");
        Run during = finish(start(List.of(), "export", "ConferenceApp", "--source", targetUri(), "--out",
                taken.toString(), "--no-progress", "--during-import"));
        assertThat(during.exitCode()).as(during.err()).isZero();
        assertThat(during.err()).contains("Exported while an import of ConferenceApp").contains("left out");
        try (BundleReader bundle = BundleReader.open(taken)) {
            assertThat(bundle.manifest().entries()).isNotEmpty().noneMatch(entry -> entry.path().contains("__aom"));
            assertThat(bundle.manifest().warnings()).anyMatch(warning -> warning.startsWith("Exported while an"
                    + " import of ConferenceApp")).anyMatch(warning -> warning.contains("working collection(s)"));
        }
        observed.note("Refused without --during-import (no file written); with it, the bundle holds none of the"
                + " import's working collections and its manifest warns.");

        signal(first, "CONT");
        assertThat(finish(first).exitCode()).isZero();
        assertBundleInTarget();
    }

    @Order(7)
    @Test
    @DisplayName("a bundle with a collection named like a working collection (Speakers_Talk.__aom_import)")
    void aBundleCollectionNamedLikeAWorkingCollection(Observed observed) {
        Path forged = BundleSurgery.renameCollection(ConferenceBundle.file(), home.resolve("forged.aombundle"),
                "ConferenceApp", "Speakers_Talk", "Speakers_Talk.__aom_import");
        Run run = finish(start(List.of(), "import", "--target", targetUri(), forged.toString(), "--yes",
                "--no-progress"));
        observed.exitCode(run.exitCode());
        observed.message(run.err().lines().filter(line -> line.contains("Speakers_Talk.__aom_import")).findFirst()
                .orElse(""));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("PASSED");
        assertThat(run.err()).contains("LIVE: the collection Speakers_Talk.__aom_import is not imported: its name"
                + " has the form of the tool's working collections");
        try (MongoClient client = MongoClients.create(targetUri())) {
            assertThat(client.getDatabase("ConferenceApp").listCollectionNames().into(new ArrayList<>()))
                    .noneMatch(name -> name.contains("__aom"));
        }
        observed.note("Imported without it, with the warning; no working-looking collection reached the target.");
    }

    /** Starts import A through the proxy and waits until the proxy suspended it at the {@code nth} command. */
    private Process importThroughProxy(String machine, Predicate<WireProxy.Command> point, int nth)
            throws InterruptedException {
        return importThroughProxy(machine, point, nth, LEASE_SECONDS);
    }

    private Process importThroughProxy(String machine, Predicate<WireProxy.Command> point, int nth, String lease)
            throws InterruptedException {
        AtomicReference<Process> process = new AtomicReference<>();
        AtomicReference<String> stoppedAt = new AtomicReference<>();
        proxy.addRule(WireProxy.Rule.atNth(point, nth, command -> {
            signal(process.get(), "STOP");
            stoppedAt.set(command.toString());
        }));
        process.set(start(machine == null ? List.of() : List.of("-Daom.machine=" + machine), "import", "--target",
                proxy.uri("", ""), ConferenceBundle.file().toString(), "--yes", "--no-progress", "--lease", lease));
        long deadline = System.currentTimeMillis() + 120_000;
        while (stoppedAt.get() == null && process.get().isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stoppedAt.get()).as("import A reached the point where it is suspended").isNotNull();
        return process.get();
    }

    private Process start(List<String> jvmOptions, String... args) {
        int number = processes.incrementAndGet();
        try {
            Process process = ChildJvm.command(home, jvmOptions, args)
                    .redirectOutput(home.resolve("out-" + number + ".txt").toFile())
                    .redirectError(home.resolve("err-" + number + ".txt").toFile()).start();
            started.add(process);
            Files.writeString(home.resolve("pid-" + process.pid()), Integer.toString(number));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Run finish(Process process) {
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the tool ended").isTrue();
            String number = Files.readString(home.resolve("pid-" + process.pid()));
            return new Run(process.exitValue(),
                    Files.readString(home.resolve("out-" + number + ".txt"), StandardCharsets.UTF_8),
                    Files.readString(home.resolve("err-" + number + ".txt"), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signal(Process process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(10,
                    TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The target holds the bundle's data, and nothing an import works with. */
    private void assertBundleInTarget() {
        try (MongoClient client = MongoClients.create(targetUri())) {
            assertThat(TargetSnapshot.differences(ConferenceBundle.sourceDatabases(),
                    ConferenceBundle.databases(client))).as("the application's databases that differ from the bundle's")
                    .isEmpty();
            Map<String, Long> counts = Listing.of(client).counts();
            assertThat(counts.keySet()).as("working collections and journals left").noneMatch(name ->
                    name.contains("__aom"));
            assertThat(TargetSnapshot.of(client).get("apiomat")).isNotEmpty();
        }
    }
}
