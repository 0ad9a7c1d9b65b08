package aom.migration.restore;

import aom.migration.data.CollectionMetadata;
import aom.migration.data.CollectionSource;
import aom.migration.data.CorruptDataException;
import aom.migration.model.SystemKind;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Whatever goes wrong, the target ends as it was before the import (or as the import left it, verified). */
class ImportSafetyTest extends ImportTestSupport {

    @Test
    void aSourceWithOneFlippedByteIsRefusedAndTheTargetIsUnchanged() {
        Map<String, Map<String, List<String>>> before = snapshot();
        // Byte 15 lies inside the first document's ObjectId: the BSON stays well-formed, only the checksum differs.
        ImportRequest corrupt = withLiveSource("Basics_User", source -> source.withFlippedByte(15));

        assertThatThrownBy(() -> job(corrupt, ImportOptions.defaults(), ImportJob.Checkpoint.NONE)
                .run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("ConferenceApp.Basics_User")
                .hasMessageContaining("SHA-256")
                .hasMessageContaining("before changing anything");
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    /**
     * mongo-java-server stores binary subtype 0x80 as subtype 0 (VERSIONS.md): the staging collection read back
     * right after loading differs from the bundle, and the import stops before a single live collection is renamed.
     */
    @Test
    void documentsTheServerDoesNotKeepAsSentStopTheImportBeforeAnythingIsSwapped() {
        Map<String, Map<String, List<String>>> before = snapshot();
        RawBsonDocument changed = RawBsonDocument.parse("{\"_id\": {\"$oid\": \"65e200000000000000000001\"},"
                + " \"avatar\": {\"$binary\": {\"base64\": \"AQID\", \"subType\": \"80\"}}}");
        byte[] bytes = Arrays.copyOf(changed.getByteBuffer().array(), changed.getByteBuffer().remaining());
        ImportRequest altered = withLiveSource("Basics_User", source -> {
            try {
                return source.withDocument(bytes);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> reached = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> job(altered, ImportOptions.defaults(), point -> reached.add(point.toString()))
                .run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("The verification of ConferenceApp failed: ConferenceApp.Basics_User: the"
                        + " documents differ from the imported ones")
                .hasMessageContaining("The target was restored to its state before the import");

        assertThat(reached).contains("loaded").noneMatch(point -> point.startsWith("swapped")
                || point.equals("merged") || point.equals("indexed"));
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
        assertThat(importLeftovers()).isEmpty();
    }

    /**
     * After the swap, each collection read back while it was staged is counted once more by the server: a document
     * written into it between the rename and the verification (by an application still running against the target)
     * fails the import, which puts everything back.
     */
    @Test
    void aDocumentWrittenIntoASwappedInCollectionBeforeTheVerificationFailsItAndTheTargetIsRestored() {
        Map<String, Map<String, List<String>>> before = snapshot();
        AtomicLong countAfterWrite = new AtomicLong(-1);
        ImportJob.Checkpoint writeAfterSwap = point -> {
            if (point.is(ImportJob.Checkpoint.Stage.SWAPPED)) {
                MongoCollection<Document> talks = target.client().getDatabase("ConferenceApp")
                        .getCollection("Speakers_Talk");
                talks.insertOne(new Document("title", "written by someone else"));
                countAfterWrite.set(talks.countDocuments());
            }
        };

        assertThatThrownBy(() -> job(request, ImportOptions.defaults(), writeAfterSwap)
                .run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("ConferenceApp.Speakers_Talk has " + countAfterWrite.get()
                        + " documents, the import brought " + (countAfterWrite.get() - 1))
                .hasMessageContaining("The target was restored to its state before the import");
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
        assertThat(importLeftovers()).isEmpty();
    }

    /** The verification reads every metadata entity the merge wrote back and compares it with what was written. */
    @Test
    void aMetadataEntityChangedAfterTheMergeFailsTheVerificationAndTheTargetIsRestored() {
        Map<String, Map<String, List<String>>> before = snapshot();
        ImportJob.Checkpoint changeTalkAfterSwap = point -> {
            if (point.is(ImportJob.Checkpoint.Stage.SWAPPED)) {
                apiomat().getCollection("metamodels").updateOne(new Document("name", "Talk"),
                        new Document("$set", new Document("name", "Lecture")));
            }
        };

        assertThatThrownBy(() -> job(request, ImportOptions.defaults(), changeTalkAfterSwap)
                .run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageMatching("(?s).*The verification of ConferenceApp failed: apiomat\\.metamodels [^;]*Talk[^;]*"
                        + " differs from what the import wrote.*")
                .hasMessageContaining("The target was restored to its state before the import");
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void aCancelDuringLoadLeavesTheTargetAsItWas() {
        Map<String, Map<String, List<String>>> before = snapshot();
        CancellationToken cancel = new CancellationToken();
        AtomicInteger loadedWhenCancelled = new AtomicInteger(-1);
        ProgressListener cancelOnFirstBatch = event -> {
            if (event.phase() == Phase.LOAD && event.namespace() != null && event.documentsDone() > 0
                    && !cancel.isCancelled()) {
                loadedWhenCancelled.set((int) event.documentsDone());
                cancel.cancel();
            }
        };

        assertThatThrownBy(() -> job(request, ImportOptions.defaults().withBatches(4, 1 << 20),
                ImportJob.Checkpoint.NONE).run(cancelOnFirstBatch, cancel)).isInstanceOf(CancelledException.class);
        assertThat(loadedWhenCancelled.get()).isPositive();
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void aCancelDuringTheSwapLeavesTheTargetAsItWas() {
        Map<String, Map<String, List<String>>> before = snapshot();
        CancellationToken cancel = new CancellationToken();
        List<String> leftoversWhenCancelled = new ArrayList<>();
        ImportJob.Checkpoint cancelAfterThirdSwap = checkpoint(ImportJob.Checkpoint.Stage.SWAPPED_ONE, 3, point -> {
            leftoversWhenCancelled.addAll(importLeftovers());
            cancel.cancel();
        });

        assertThatThrownBy(() -> job(request, ImportOptions.defaults(), cancelAfterThirdSwap)
                .run(ProgressListener.NONE, cancel)).isInstanceOf(CancelledException.class);
        assertThat(leftoversWhenCancelled).anyMatch(name -> name.matches(".*\\.__aom_old_[0-9a-f]{8}"));
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void aFailureDuringTheMergeRestoresTheSavedMetadata() throws Exception {
        Map<String, Map<String, List<String>>> before = snapshot();
        ImportJob.Checkpoint failAfterMerge = checkpoint(ImportJob.Checkpoint.Stage.MERGED, 1, point -> {
            throw new IllegalStateException("simulated failure after the merge");
        });
        ImportJob job = job(request, ImportOptions.defaults().withResetPasswords(true), failAfterMerge);
        Path rollbackFile = job.plan(CancellationToken.none()).rollbackFile().orElseThrow();

        assertThatThrownBy(() -> job.run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("simulated failure after the merge")
                .hasMessageContaining("The target was restored to its state before the import; checked: ");
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
        assertThat(Files.readAllLines(rollbackFile)).hasSizeGreaterThan(10)
                .anyMatch(line -> line.contains("\"Speakers\"") && line.contains("\"1.2.0\""));
    }

    @Test
    void aCrashDuringTheSwapIsRecognisedByTheNextPlanAndRolledBack() {
        Map<String, Map<String, List<String>>> before = snapshot();
        ImportJob.Checkpoint crash = checkpoint(ImportJob.Checkpoint.Stage.SWAPPED_ONE, 5, point -> {
            throw new SimulatedCrash(point);
        });

        assertThat(catchThrowable(() -> job(request, ImportOptions.defaults(), crash)
                .run(ProgressListener.NONE, CancellationToken.none()))).isInstanceOf(SimulatedCrash.class);
        assertThat(importLeftovers()).contains("apiomat.__aom_import_journal.ConferenceApp",
                        "apiomat.__aom_import_rollback.ConferenceApp")
                .anyMatch(name -> name.matches(".*\\.__aom_old_[0-9a-f]{8}"))
                .anyMatch(name -> name.matches(".*\\.__aom_import_[0-9a-f]{8}"));
        assertThat(snapshot()).isNotEqualTo(before);

        ImportPlan plan = job(ImportOptions.defaults()).plan(CancellationToken.none());
        assertThat(plan.leftovers()).anyMatch(line -> line.contains("stopped while swapping collections"));
        assertThat(plan.toText()).contains("An earlier import was interrupted");

        InterruptedImport interrupted = InterruptedImport.find(target, DemoImport.APP, request.targetNaming(),
                request.profile()).orElseThrow();
        assertThat(interrupted.possiblyRunning()).isFalse();
        interrupted.restore(ProgressListener.NONE);
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void aCrashAfterTheMergeIsRolledBackByTheNextImportWhichThenSucceeds() {
        ImportJob.Checkpoint crash = checkpoint(ImportJob.Checkpoint.Stage.MERGED, 1, point -> {
            throw new SimulatedCrash(point);
        });
        assertThat(catchThrowable(() -> job(request, ImportOptions.defaults(), crash)
                .run(ProgressListener.NONE, CancellationToken.none()))).isInstanceOf(SimulatedCrash.class);

        ImportResult result = job(ImportOptions.defaults()).run(ProgressListener.NONE, CancellationToken.none());

        assertThat(result.recovered()).anyMatch(line -> line.contains("stopped while merging the metadata"));
        assertThat(result.report().passed()).isTrue();
        assertThat(result.plan().metadata().orElseThrow().changes(EntityOutcome.REMOVED))
                .extracting(EntityChange::key).contains("Speakers 1.2.0");
        assertThat(importLeftovers()).isEmpty();
    }

    @Test
    void leftoversWithoutAJournalAreRecognisedByTheirNames() {
        Map<String, Map<String, List<String>>> before = snapshot();
        var live = target.client().getDatabase("ConferenceApp");
        live.getCollection("Basics_Role.__aom_import").insertOne(new Document("x", 1));
        target.client().getDatabase("admin").runCommand(new Document("renameCollection",
                "ConferenceApp.Basics_User").append("to", "ConferenceApp.Basics_User.__aom_old"));

        InterruptedImport interrupted = InterruptedImport.find(target, DemoImport.APP, request.targetNaming(),
                request.profile()).orElseThrow();
        assertThat(interrupted.describe()).anyMatch(line -> line.contains("Basics_Role.__aom_import")
                && line.contains("dropped")).anyMatch(line -> line.contains("Basics_User.__aom_old")
                && line.contains("renamed back"));
        interrupted.restore(ProgressListener.NONE);

        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void theCopySwapForShardedTargetsGivesTheSameResultAsRenaming() {
        ImportResult result = job(ImportOptions.defaults().withSwapStrategy(SwapStrategy.COPY))
                .run(ProgressListener.NONE, CancellationToken.none());

        assertThat(result.plan().swapStrategy()).isEqualTo(SwapStrategy.COPY);
        assertThat(result.plan().toText()).contains("Swap: copy");
        assertThat(result.report().passed()).isTrue();
        // A copy could change what it copies: the content is read again where it ends up.
        assertThat(result.report().readBeforeSwap()).isFalse();
        for (String database : List.of("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test")) {
            assertThat(TargetSnapshot.of(target.client().getDatabase(database))).as(database)
                    .isEqualTo(TargetSnapshot.of(source.getDatabase(database)));
        }
        assertThat(importLeftovers()).isEmpty();
    }

    @Test
    void aCrashDuringACopySwapIsRolledBack() {
        Map<String, Map<String, List<String>>> before = snapshot();
        ImportJob.Checkpoint crash = checkpoint(ImportJob.Checkpoint.Stage.SWAPPED_ONE, 4, point -> {
            throw new SimulatedCrash(point);
        });
        assertThat(catchThrowable(() -> job(request, ImportOptions.defaults().withSwapStrategy(SwapStrategy.COPY),
                crash).run(ProgressListener.NONE, CancellationToken.none()))).isInstanceOf(SimulatedCrash.class);

        InterruptedImport.find(target, DemoImport.APP, request.targetNaming(), request.profile()).orElseThrow()
                .restore(ProgressListener.NONE);

        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void aViewTheTargetCannotCreateStopsTheImportAfterTheSwapAndTheTargetIsRestored() {
        Map<String, Map<String, List<String>>> before = snapshot();
        BsonDocument options = new BsonDocument("viewOn", new BsonString("Basics_User"))
                .append("pipeline", new BsonArray(List.of(new BsonDocument("$match", new BsonDocument()))));
        CollectionSource view = new BytesSource("ConferenceApp", "ActiveUsers",
                new CollectionMetadata("ActiveUsers", "view", options, List.of(), null, null), new byte[0], 0,
                DemoImport.sha256(new byte[0]));
        ImportRequest withView = withLive(sources -> {
            sources.add(view);
            return sources;
        });

        assertThatThrownBy(() -> job(withView, ImportOptions.defaults(), ImportJob.Checkpoint.NONE)
                .run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("does not support views")
                .hasMessageContaining("The target was restored");
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void aCappedCollectionTheTargetCannotCreateIsReportedClearly() {
        Map<String, Map<String, List<String>>> before = snapshot();
        ImportRequest capped = withLiveSource("Basics_Token", source -> source.withMetadata(new CollectionMetadata(
                "Basics_Token", "collection", new BsonDocument("capped", BsonBoolean.TRUE)
                .append("size", new BsonInt64(1 << 20)), source.metadata().indexes(), null, null)));

        ImportPlan plan = job(capped, ImportOptions.defaults(), ImportJob.Checkpoint.NONE)
                .plan(CancellationToken.none());
        assertThat(plan.toText()).contains("capped; the target must support capped collections");
        assertThatThrownBy(() -> job(capped, ImportOptions.defaults(), ImportJob.Checkpoint.NONE)
                .run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("cannot create the capped collection Basics_Token in ConferenceApp");
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    /**
     * A server that loses documents of a collection the swap set aside (as mongo-java-server's H2 backend does with
     * renamed collections) cannot make a rollback say "restored": the check finds the difference, nothing is deleted,
     * the journal keeps the differences, and the next recovery looks again and refuses again.
     */
    @Test
    void aRollbackThatDoesNotCheckOutDeletesNothingAndSaysWhatDiffers() {
        ImportJob.Checkpoint loseADocumentThenFail = checkpoint(ImportJob.Checkpoint.Stage.SWAPPED_ONE, 3, point -> {
            MongoDatabase live = target.client().getDatabase("ConferenceApp");
            String aside = Namespaces.names(live).stream().filter(name -> name.startsWith("Basics_User.__aom_old_"))
                    .findFirst().orElseThrow();
            live.getCollection(aside).deleteOne(new Document());
            throw new IllegalStateException("simulated failure after the swap began");
        });

        assertThatThrownBy(() -> job(request, ImportOptions.defaults(), loseADocumentThenFail)
                .run(ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("simulated failure after the swap began")
                .hasMessageContaining("The import was rolled back, but the target does not match what was recorded"
                        + " before it changed anything: ConferenceApp.Basics_User has 23 documents; it had 24"
                        + " before the import")
                .hasMessageContaining("Nothing was deleted")
                .hasMessageNotContaining("was restored");
        assertThat(importLeftovers()).contains("apiomat.__aom_import_journal.ConferenceApp",
                        "apiomat.__aom_import_rollback.ConferenceApp")
                .anyMatch(name -> name.matches("ConferenceApp\\.Basics_User\\.__aom_import_[0-9a-f]{8}"));

        InterruptedImport interrupted = InterruptedImport.find(target, DemoImport.APP, request.targetNaming(),
                request.profile()).orElseThrow();
        assertThat(interrupted.describe()).anyMatch(line -> line.contains("could not show that the target was as"
                + " before: ConferenceApp.Basics_User has 23 documents; it had 24 before the import"));
        assertThatThrownBy(() -> interrupted.restore(ProgressListener.NONE))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("ConferenceApp.Basics_User has 23 documents; it had 24 before the import")
                .hasMessageContaining("Nothing was deleted");
        assertThat(importLeftovers()).contains("apiomat.__aom_import_journal.ConferenceApp");
    }

    /** A checkpoint that runs {@code action} the {@code nth} time a point starting with {@code prefix} is reached. */
    private static ImportJob.Checkpoint checkpoint(ImportJob.Checkpoint.Stage stage, int nth,
                                                   ImportJob.Checkpoint action) {
        AtomicInteger seen = new AtomicInteger();
        return point -> {
            if (point.is(stage) && seen.incrementAndGet() == nth) {
                action.reached(point);
            }
        };
    }

    private static ImportRequest withLiveSource(String collection, UnaryOperator<BytesSource> change) {
        return withLive(sources -> {
            sources.replaceAll(source -> source.collection().equals(collection)
                    ? change.apply((BytesSource) source) : source);
            return sources;
        });
    }

    private static ImportRequest withLive(UnaryOperator<List<CollectionSource>> change) {
        Map<SystemKind, List<CollectionSource>> data = new EnumMap<>(request.data());
        data.put(SystemKind.LIVE, change.apply(new ArrayList<>(data.get(SystemKind.LIVE))));
        return new ImportRequest(request.application(), request.targetNaming(), data, request.metadata(),
                request.profile(), request.source());
    }
}
