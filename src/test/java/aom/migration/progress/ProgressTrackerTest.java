package aom.migration.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressTrackerTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<ProgressEvent> events = new ArrayList<>();
    private final ProgressTracker tracker = new ProgressTracker(events::add, Phase.DATA, clock::get,
            Duration.ofMillis(100).toNanos());

    @Test
    void updatesAreCoalescedPerInterval() {
        tracker.expect("db.a", 1000, 100_000);
        for (int i = 0; i < 100; i++) {
            tracker.advance("db.a", 10, 1000);
            clock.addAndGet(Duration.ofMillis(1).toNanos());
        }
        // one per-namespace and one overall event at the start and again once 100 ms have passed
        assertThat(events).hasSizeLessThanOrEqualTo(4);
        tracker.finish("db.a");
        ProgressEvent overall = events.get(events.size() - 1);
        assertThat(overall.isOverall()).isTrue();
        assertThat(overall.documentsDone()).isEqualTo(1000);
        assertThat(overall.fraction()).isEqualTo(1.0);
    }

    @Test
    void rateAndEtaFollowFromElapsedTime() {
        tracker.expect("db.a", 100, 10_000);
        tracker.expect("db.b", 100, 10_000);
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        tracker.advance("db.a", 50, 5_000);
        tracker.flush();
        ProgressEvent overall = events.get(events.size() - 1);
        assertThat(overall.bytesTotal()).isEqualTo(20_000);
        assertThat(overall.bytesPerSecond()).isEqualTo(2_500.0);
        assertThat(overall.eta()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void noTimeLeftIsToldBeforeTheRateMeansSomething() {
        tracker.expect("db.a", 1_000_000, 300_000_000);
        clock.addAndGet(Duration.ofMillis(500).toNanos());
        tracker.advance("db.a", 10, 3_000);
        tracker.flush();
        assertThat(events.get(events.size() - 1).etaIfKnown()).as("after half a second").isEmpty();

        clock.addAndGet(Duration.ofSeconds(3).toNanos());
        tracker.advance("db.a", 10, 3_000);
        tracker.flush();
        assertThat(events.get(events.size() - 1).etaIfKnown()).as("after 3.5 s, with 0.002 % done").isEmpty();

        tracker.advance("db.a", 100_000, 30_000_000);
        tracker.flush();
        assertThat(events.get(events.size() - 1).etaIfKnown()).as("after 3.5 s, with 10 % done")
                .hasValueSatisfying(left -> assertThat(left).isBetween(Duration.ofSeconds(31),
                        Duration.ofSeconds(32)));
    }

    @Test
    void unknownTotalsGiveNoFractionAndNoEta() {
        tracker.advance("db.a", 5, 500);
        tracker.flush();
        ProgressEvent overall = events.get(events.size() - 1);
        assertThat(overall.fraction()).isEqualTo(-1);
        assertThat(overall.etaIfKnown()).isEmpty();
    }

    @Test
    void cancellationRunsCallbacksOnceAndStopsJobs() {
        CancellationToken token = new CancellationToken();
        List<String> calls = new ArrayList<>();
        token.onCancel(() -> calls.add("closed cursor"));
        token.throwIfCancelled();
        token.cancel();
        token.cancel();
        assertThat(calls).containsExactly("closed cursor");
        assertThatThrownBy(token::throwIfCancelled).isInstanceOf(CancelledException.class)
                .hasMessage("Cancelled by the user");
        token.onCancel(() -> calls.add("late"));
        assertThat(calls).containsExactly("closed cursor", "late");
    }
}
