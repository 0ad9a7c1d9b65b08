package aom.migration.ui.task;

import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRelayTest {

    /** Stands in for the FX thread: runs what was handed over only when the test says so. */
    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final List<ProgressRelay.Batch> delivered = new ArrayList<>();

    @Test
    void thousandsOfEventsReachTheUiThreadAsOneBatchWithTheLatestFigures() {
        ProgressRelay relay = new ProgressRelay(uiQueue::add, null, Duration.ZERO, delivered::add);

        for (int i = 1; i <= 5_000; i++) {
            relay.onProgress(overall(i));
            relay.onProgress(collection("ConferenceApp.Talk", i));
        }
        relay.info(Phase.DATA, "Exporting ConferenceApp");

        assertThat(uiQueue).hasSize(1);
        runUiQueue();
        assertThat(delivered).hasSize(1);
        ProgressRelay.Batch batch = delivered.get(0);
        assertThat(batch.overall().documentsDone()).isEqualTo(5_000);
        assertThat(batch.collections()).containsOnlyKeys("ConferenceApp.Talk");
        assertThat(batch.collections().get("ConferenceApp.Talk").documentsDone()).isEqualTo(5_000);
        assertThat(batch.messages()).extracting(ProgressEvent::message).containsExactly("Exporting ConferenceApp");
    }

    @Test
    void everyMessageIsKeptInOrderEvenWhenFiguresAreCoalesced() {
        ProgressRelay relay = new ProgressRelay(uiQueue::add, null, Duration.ZERO, delivered::add);

        relay.info(Phase.CONNECT, "one");
        relay.onProgress(overall(10));
        relay.warn(Phase.DATA, "two");
        runUiQueue();
        relay.info(Phase.DONE, "three");
        runUiQueue();

        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0).messages()).extracting(ProgressEvent::message).containsExactly("one", "two");
        assertThat(delivered.get(1).messages()).extracting(ProgressEvent::message).containsExactly("three");
        assertThat(delivered.get(1).overall()).isNull();
    }

    @Test
    void messagesDoNotReplaceTheOverallFigures() {
        ProgressRelay relay = new ProgressRelay(uiQueue::add, null, Duration.ZERO, delivered::add);

        relay.onProgress(overall(42));
        relay.info(Phase.DATA, "halfway");
        runUiQueue();

        assertThat(delivered.get(0).overall().documentsDone()).isEqualTo(42);
    }

    @Test
    void flushDeliversWhatIsPendingAndNothingWhenEmpty() {
        ProgressRelay relay = new ProgressRelay(Runnable::run, null, Duration.ZERO, delivered::add);

        relay.flush();
        assertThat(delivered).isEmpty();
        relay.onProgress(overall(1));
        relay.flush();
        assertThat(delivered).hasSize(1);
    }

    private void runUiQueue() {
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
    }

    private static ProgressEvent overall(long done) {
        return new ProgressEvent(Phase.DATA, null, done, 10_000, done * 100, 1_000_000, 1, 1, null,
                ProgressEvent.Level.INFO, null);
    }

    private static ProgressEvent collection(String namespace, long done) {
        return new ProgressEvent(Phase.DATA, namespace, done, 10_000, done * 100, 1_000_000, 1, 1, null,
                ProgressEvent.Level.INFO, null);
    }
}
