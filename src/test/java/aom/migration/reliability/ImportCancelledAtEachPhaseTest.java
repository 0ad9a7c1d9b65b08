package aom.migration.reliability;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.mongo.Installation;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.ImportOptions;
import aom.migration.restore.InterruptedImport;
import aom.migration.restore.SwapStrategy;
import aom.migration.restore.TargetSnapshot;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@Area(number = 4, title = "Import cancelled at each phase",
        promise = "The import runs against a file-backed server in a child JVM, through the wire proxy; the cancel"
                + " button is pressed (the job's cancellation token is cancelled) when the proxy sees the named"
                + " command, so the cancel lands in the middle of that phase. The job must stop with a cancel,"
                + " having restored the target itself: every database byte for byte as before, nothing left for a"
                + " recovery, and the next import must succeed and verify. The swap and verify cases use the copy"
                + " swap, because the H2 backend loses documents when a collection is renamed aside and back (see"
                + " section 1); a cancel during a rename swap is tested against the in-memory server in"
                + " restore/ImportSafetyTest.")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportCancelledAtEachPhaseTest extends ImportFaults {

    /** Where the cancel lands: the phase and the command at which it is pressed. */
    enum CancelPoint {
        PLAN(Phase.PLAN, COUNT, 1, "the plan's first count", SwapStrategy.AUTO),
        LOAD(Phase.LOAD, STAGING_INSERT, 6, "the 6th insert into a staging collection", SwapStrategy.AUTO),
        INDEXES(Phase.INDEXES, INDEX_BUILD, 4, "the 4th createIndexes", SwapStrategy.AUTO),
        MERGE(Phase.MERGE, METADATA_WRITE, 5, "the 5th metadata write", SwapStrategy.AUTO),
        SWAP(Phase.SWAP, COPY_IN, 3, "the 3rd copy into a live collection (copy swap)", SwapStrategy.COPY),
        VERIFY(Phase.VERIFY, null, 1, "the first read of the verification (copy swap)", SwapStrategy.COPY);

        final Phase phase;
        final Predicate<WireProxy.Command> command;
        final int nth;
        final String description;
        final SwapStrategy swap;

        CancelPoint(Phase phase, Predicate<WireProxy.Command> command, int nth, String description,
                    SwapStrategy swap) {
            this.phase = phase;
            this.command = command;
            this.nth = nth;
            this.description = description;
            this.swap = swap;
        }
    }

    @Order(1)
    @ParameterizedTest(name = "cancelled during {0}")
    @EnumSource(CancelPoint.class)
    void cancelled(CancelPoint point, Observed observed) {
        CancellationToken cancel = new CancellationToken();
        List<Phase> phases = new CopyOnWriteArrayList<>();
        AtomicReference<Phase> phaseAtCancel = new AtomicReference<>();
        ProgressListener listener = event -> {
            if (event.message() != null && (phases.isEmpty() || phases.get(phases.size() - 1) != event.phase())) {
                phases.add(event.phase());
            }
        };
        proxy.addRule(WireProxy.Rule.atNth(point.command == null ? verifyRead : point.command, point.nth, command -> {
            phaseAtCancel.set(phases.isEmpty() ? null : phases.get(phases.size() - 1));
            cancel.cancel();
        }));

        Throwable failure = importThroughProxy(ImportOptions.defaults().withSwapStrategy(point.swap), listener, cancel);

        observed.message(firstLine(failure));
        observed.note("Cancelled at " + point.description + " (phase " + phaseAtCancel.get() + "); phases seen: "
                + phases + ".");
        assertThat(phaseAtCancel.get()).isEqualTo(point.phase);
        assertThat(failure).isInstanceOf(CancelledException.class);
        try (Installation target = Installation.connect(direct())) {
            assertThat(InterruptedImport.find(target, ConferenceBundle.APP, DatabaseNaming.DASHED,
                    ExtractionProfile.defaults()).map(InterruptedImport::describe)).as("leftovers after the cancel")
                    .isEmpty();
        }
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
        observed.note("Target byte for byte as before, nothing left over.");
        importAgain(observed);
    }
}
