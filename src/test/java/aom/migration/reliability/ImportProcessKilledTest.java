package aom.migration.reliability;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 2, title = "The tool's own process killed during an import",
        promise = "The import runs as `migration import --yes` in a child JVM; the server (in memory, in the test's"
                + " JVM) survives. At the named command the proxy kills the tool with SIGKILL, as when a laptop"
                + " is closed or the operating system ends the process: nothing can roll back. The journal must let"
                + " the next run, in another process, see that the import is dead (its process is gone), report it,"
                + " restore every database byte for byte, and a second import must succeed and verify. These cases"
                + " use the default rename swap, which the H2 backend cannot do (section 1).")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportProcessKilledTest extends ImportFaults {

    @TempDir
    Path home;


    @Override
    int startServer() {
        return startInMemory();
    }

    @Order(1)
    @Test
    @DisplayName("killed in the middle of the metadata merge (before the 5th write to apiomat)")
    void killedWhileMerging(Observed observed) throws Exception {
        killToolAt(METADATA_WRITE, 5, observed);
        recoverAndImportAgain(observed);
    }

    @Order(2)
    @Test
    @DisplayName("killed in the middle of the rename swap, a live collection renamed aside (before the 8th rename)")
    void killedWhileSwapping(Observed observed) throws Exception {
        killToolAt(SWAP_RENAME, 8, observed);
        recoverAndImportAgain(observed);
    }

    private void killToolAt(Predicate<WireProxy.Command> point, int nth, Observed observed)
            throws IOException, InterruptedException {
        AtomicReference<Process> tool = new AtomicReference<>();
        AtomicReference<WireProxy.Command> killedAt = new AtomicReference<>();
        proxy.addRule(WireProxy.Rule.nth(point, nth, WireProxy.Action.cutBefore(command -> {
            killedAt.set(command);
            tool.get().destroyForcibly();
        })));
        tool.set(ChildJvm.command(home, "import", "--target", proxy.uri("", ""), ConferenceBundle.file().toString(),
                "--yes", "--no-progress").redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile()).start());
        assertThat(tool.get().waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killedAt.get()).as("the kill point was reached").isNotNull();
        observed.exitCode(tool.get().exitValue());
        observed.message("killed with SIGKILL; the tool printed nothing more");
        observed.note("Killed at `" + killedAt.get() + "`.");
    }
}
