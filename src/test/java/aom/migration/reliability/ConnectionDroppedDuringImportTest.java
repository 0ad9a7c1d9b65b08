package aom.migration.reliability;

import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.SwapStrategy;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 3, title = "Connection to the target dropped during an import",
        promise = "The target is a file-backed server in a child JVM; the wire proxy between the tool and the"
                + " server drops every connection at the named command, either before the server sees it or after"
                + " the server applied it but before the reply reaches the tool. The import must fail with a clear"
                + " message (or, where the tool or the driver sends again, finish and verify), and the target must"
                + " end byte for"
                + " byte as before: restored by the job itself when the network is back at once, by the next run"
                + " when it is not. Then a second import must succeed and verify.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionDroppedDuringImportTest extends ImportFaults {

    private static final Predicate<WireProxy.Command> LIVE_DROP = c -> c.name().equals("drop")
            && c.database().startsWith("ConferenceApp") && !c.collection().contains("__aom");

    @Order(1)
    @Test
    @DisplayName("dropped before the 6th staging insert reaches the server: the batch is sent again")
    void droppedWhileLoading(Observed observed) {
        importFinishesThoughTheSixthStagingInsertIsCut(WireProxy.Action.cutBefore(command -> { }), observed);
        observed.note("The batch went again on a new connection; the import finished, verified, and the target"
                + " holds the bundle's data.");
        importAgain(observed);
    }

    @Order(2)
    @Test
    @DisplayName("dropped after the server applied the 6th staging insert, before the reply: the batch is sent again")
    void droppedAfterTheServerAppliedAStagingInsert(Observed observed) {
        importFinishesThoughTheSixthStagingInsertIsCut(WireProxy.Action.cutAfterApplied(), observed);
        observed.note("Sent again, the batch's documents came back as duplicate keys of the staging collection, as"
                + " expected after a lost reply; no document twice, none missing (the read-back counted and hashed"
                + " every one), and the import verified.");
        importAgain(observed);
    }

    private void importFinishesThoughTheSixthStagingInsertIsCut(WireProxy.Action cut, Observed observed) {
        proxy.addRule(WireProxy.Rule.nth(STAGING_INSERT, 6, cut));
        // The copy swap: after a rename swap, this H2 target keeps stale index keys that fail the re-run (area 1).
        Throwable failure = importThroughProxy(ImportOptions.defaults().withSwapStrategy(SwapStrategy.COPY),
                ProgressListener.NONE, CancellationToken.none());
        observed.message(firstLine(failure));
        assertThat(failure).isNull();
        try (MongoClient client = MongoClients.create(targetUri())) {
            assertThat(ConferenceBundle.databases(client)).isEqualTo(ConferenceBundle.sourceDatabases());
        }
    }

    @Order(3)
    @Test
    @DisplayName("dropped after the server dropped a live collection in a copy swap, before the reply")
    void droppedAfterTheServerAppliedASwapStep(Observed observed) {
        AtomicReference<WireProxy.Command> cut = new AtomicReference<>();
        proxy.addRule(command -> {
            WireProxy.Action action = LIVE_DROP.test(command) && cut.compareAndSet(null, command)
                    ? WireProxy.Action.cutAfterApplied() : WireProxy.Action.FORWARD;
            return action;
        });
        Throwable failure = importThroughProxy(ImportOptions.defaults().withSwapStrategy(SwapStrategy.COPY),
                ProgressListener.NONE, CancellationToken.none());
        observed.note("Cut after the server applied `" + cut.get() + "`.");
        observed.message(firstLine(failure));
        assertThat(failure).hasMessageContaining("The target was restored to its state before the import");
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
        recoverAndImportAgain(observed);
    }

    @Order(4)
    @Test
    @DisplayName("network gone in the middle of the merge, back only after the job gave up")
    void networkGoneWhileMerging(Observed observed) {
        proxy.addRule(WireProxy.Rule.nth(METADATA_WRITE, 5, WireProxy.Action.cutBefore(
                command -> proxy.refuseConnections(true))));
        Throwable failure = importThroughProxy(ImportOptions.defaults(), ProgressListener.NONE,
                CancellationToken.none());
        proxy.refuseConnections(false);
        observed.message(firstLine(failure));
        assertThat(failure).hasMessageStartingWith("While merging metadata, the connection to 127.0.0.1:")
                .hasMessageContaining("could not be restored right now (127.0.0.1:")
                .hasMessageContaining("did not answer in time")
                .hasMessageContaining("the next import or plan of ConferenceApp");
        recoverAndImportAgain(observed);
    }

    @Order(5)
    @Test
    @DisplayName("dropped at the first read of the verification (copy swap)")
    void droppedWhileVerifying(Observed observed) {
        proxy.addRule(WireProxy.Rule.nth(verifyRead, 1, WireProxy.Action.cutBefore(command -> { })));
        Throwable failure = importThroughProxy(ImportOptions.defaults().withSwapStrategy(SwapStrategy.COPY),
                ProgressListener.NONE, CancellationToken.none());
        observed.message(firstLine(failure));
        if (failure == null) {
            observed.note("The driver retried the read on a new connection; the import finished and verified.");
            importAgain(observed);
        } else {
            assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
            recoverAndImportAgain(observed);
        }
    }
}
