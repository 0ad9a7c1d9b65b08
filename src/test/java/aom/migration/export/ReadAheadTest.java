package aom.migration.export;

import aom.migration.data.CollectionMetadata;
import aom.migration.model.SystemKind;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    private static CollectionPlan plan(String name, long bytes) {
        CollectionMetadata definition = CollectionMetadata.parse(
                "{\"collectionName\":\"" + name + "\",\"options\":{},\"indexes\":[]}", name);
        return new CollectionPlan(SystemKind.LIVE, "App", definition, 10, bytes, 100);
    }

    @Test
    void theHeadAlwaysStartsAndOthersStartWhileTheirDataFitsTheBudget() {
        ReadAhead readAhead = new ReadAhead(3, 100);
        CancellationToken token = new CancellationToken();

        readAhead.awaitStart(0, plan("a", 500), true, token);
        readAhead.awaitStart(1, plan("b", 60), true, token);
        CompletableFuture<Void> third = CompletableFuture.runAsync(
                () -> readAhead.awaitStart(2, plan("c", 60), true, token));

        assertThat(third).failsWithin(300, TimeUnit.MILLISECONDS).withThrowableThat()
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        readAhead.written(0);
        // b is the head now, but its 60 bytes still wait in memory until it is in the zip: c would not fit
        assertThat(third).failsWithin(300, TimeUnit.MILLISECONDS).withThrowableThat()
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        readAhead.written(1);
        assertThat(third).succeedsWithin(5, TimeUnit.SECONDS).isNull();
        readAhead.written(2);
    }

    @Test
    void withABudgetOfFreeDiskSpaceCollectionsStartAsSoonAsAReaderIsFreeUntilItIsUsedUp() {
        // 10 GB the disk can spare: the first three start at once, the fourth waits for room.
        ReadAhead readAhead = new ReadAhead(4, 10_000_000_000L);
        CancellationToken token = new CancellationToken();
        CompletableFuture<Void> three = CompletableFuture.runAsync(() -> {
            readAhead.awaitStart(0, plan("a", 50_000_000_000L), true, token);
            readAhead.awaitStart(1, plan("b", 4_000_000_000L), true, token);
            readAhead.awaitStart(2, plan("c", 4_000_000_000L), true, token);
        });
        assertThat(three).succeedsWithin(1, TimeUnit.SECONDS);
        CompletableFuture<Void> fourth = CompletableFuture.runAsync(
                () -> readAhead.awaitStart(3, plan("d", 4_000_000_000L), true, token));
        assertThat(fourth).failsWithin(300, TimeUnit.MILLISECONDS).withThrowableThat()
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        readAhead.written(0);
        readAhead.written(1);
        assertThat(fourth).succeedsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void theBundleHoldsTheLargestCollectionsFirstWhateverTheirSystemThenBySystemAndName() {
        CollectionMetadata definition = CollectionMetadata.parse(
                "{\"collectionName\":\"x\",\"options\":{},\"indexes\":[]}", "x");
        Map<SystemKind, List<CollectionPlan>> plans = new LinkedHashMap<>();
        plans.put(SystemKind.LIVE, List.of(plan("a", 10), plan("b", 300), plan("c", -1), plan("d", 10)));
        plans.put(SystemKind.TEST, List.of(new CollectionPlan(SystemKind.TEST, "App-test",
                        CollectionMetadata.parse("{\"collectionName\":\"a\",\"options\":{},\"indexes\":[]}", "a"),
                        1, 500, 1),
                new CollectionPlan(SystemKind.TEST, "App-test", definition, 1, 10, 1)));

        List<String> order = ExportJob.largestFirst(plans).stream()
                .map(plan -> plan.system() + ":" + plan.collection()).toList();

        assertThat(order).containsExactly("TEST:a", "LIVE:b", "LIVE:a", "LIVE:d", "TEST:x", "LIVE:c");
    }

    @Test
    void aCollectionOfUnknownSizeWaitsUntilItIsTheHead() {
        ReadAhead readAhead = new ReadAhead(2, 100);
        CancellationToken token = new CancellationToken();
        readAhead.awaitStart(0, plan("a", 10), false, token);
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> readAhead.awaitStart(1, plan("b", -1), true, token));

        assertThat(second).failsWithin(300, TimeUnit.MILLISECONDS).withThrowableThat()
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        readAhead.written(0);
        assertThat(second).succeedsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void waitingEndsWithCancellation() {
        ReadAhead readAhead = new ReadAhead(2, 100);
        CancellationToken token = new CancellationToken();
        readAhead.awaitStart(0, plan("a", 100), false, token);
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> readAhead.awaitStart(1, plan("b", 50), true, token));
        token.cancel();
        assertThatThrownBy(() -> second.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
    }
}
