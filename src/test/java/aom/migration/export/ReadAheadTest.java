package aom.migration.export;

import aom.migration.bundle.CollectionMetadata;
import aom.migration.model.SystemKind;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import org.junit.jupiter.api.Test;

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
