package aom.migration.restore;

import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The journal's lease tells an import that may still run from one that died. */
class InterruptedImportTest extends ImportTestSupport {

    @Test
    void anImportFromAnotherHostWithAFreshLeaseIsNotTouchedUntilTheLeaseRunsOut() {
        Map<String, Map<String, List<String>>> before = snapshot();
        crashAfterLoad();
        // Played from another computer: the lease decides, by the server's clock.
        journal().updateOne(Filters.eq("_id", "journal"), Updates.combine(Updates.set("host", "other-host"),
                Updates.set("machine", "boot:another-computer"), Updates.set("heartbeatAt", new Date())));

        InterruptedImport running = find();
        assertThat(running.possiblyRunning()).isTrue();
        assertThat(running.describe()).anyMatch(line -> line.contains("may still be running"));
        assertThatThrownBy(() -> running.restore(ProgressListener.NONE))
                .isInstanceOf(TargetBusyException.class).hasMessageContaining("is running on other-host")
                .hasMessageContaining("changed nothing");
        assertThatThrownBy(() -> job(ImportOptions.defaults()).run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(TargetBusyException.class).hasMessageContaining("is running on other-host");

        journal().updateOne(Filters.eq("_id", "journal"),
                Updates.set("heartbeatAt", Date.from(Instant.now().minusSeconds(600))));
        InterruptedImport dead = find();
        assertThat(dead.possiblyRunning()).isFalse();
        dead.restore(ProgressListener.NONE);
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void aCommittedImportThatCrashedBeforeItsCleanUpIsFinishedNotUndone() {
        ImportJob.Checkpoint crash = point -> {
            if (point.is(ImportJob.Checkpoint.Stage.COMMITTED)) {
                throw new SimulatedCrash(point);
            }
        };
        assertThat(catchThrowable(() -> job(request, ImportOptions.defaults(), crash)
                .run(ProgressListener.NONE, CancellationToken.none()))).isInstanceOf(SimulatedCrash.class);
        assertThat(importLeftovers()).anyMatch(name -> name.matches(".*\\.__aom_old_[0-9a-f]{8}"));

        InterruptedImport committed = find();
        assertThat(committed.committed()).isTrue();
        assertThat(committed.describe()).anyMatch(line -> line.contains("drops the collections it had set aside"));
        committed.restore(ProgressListener.NONE);

        assertThat(importLeftovers()).isEmpty();
        for (String database : List.of("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test")) {
            assertThat(TargetSnapshot.of(target.client().getDatabase(database))).as(database)
                    .isEqualTo(TargetSnapshot.of(source.getDatabase(database)));
        }
        assertThat(apiomat().getCollection("modules").countDocuments(Filters.eq("name", "Speakers"))).isEqualTo(1);
    }

    private void crashAfterLoad() {
        ImportJob.Checkpoint crash = point -> {
            if (point.is(ImportJob.Checkpoint.Stage.LOADED)) {
                throw new SimulatedCrash(point);
            }
        };
        assertThat(catchThrowable(() -> job(request, ImportOptions.defaults(), crash)
                .run(ProgressListener.NONE, CancellationToken.none()))).isInstanceOf(SimulatedCrash.class);
    }

    private InterruptedImport find() {
        return InterruptedImport.find(target, DemoImport.APP, request.targetNaming(), request.profile())
                .orElseThrow();
    }

    private MongoCollection<Document> journal() {
        return apiomat().getCollection(ImportJournal.collectionName(DemoImport.APP));
    }
}
