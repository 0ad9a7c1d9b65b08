package aom.migration.ui.pages.progress;

import aom.migration.progress.CancelledException;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import aom.migration.ui.task.EngineCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class JobProgressViewModelTest {

    private static ProgressEvent figures(Phase phase, String namespace, long docs, long docsTotal, long bytes,
                                         long bytesTotal) {
        return new ProgressEvent(phase, namespace, docs, docsTotal, bytes, bytesTotal, 2_048, 100,
                Duration.ofSeconds(42), ProgressEvent.Level.INFO, null);
    }

    /**
     * Runs {@code call} followed by {@code progress}, and notes what {@code noted} reads from the page after every
     * event that {@code when} picks (while the job runs); the task is handed to {@code noted} too.
     */
    private static List<Object> runNoting(JobProgressViewModel progress, EngineCall<String> call,
                                          Predicate<ProgressEvent> when,
                                          Function<BackgroundTask<String>, List<Object>> noted) {
        BackgroundTask<String> task = BackgroundTask.of(call);
        progress.track(task);
        List<Object> seen = new ArrayList<>();
        new CurrentThreadTaskExecutor(listener -> event -> {
            listener.onProgress(event);
            if (when.test(event)) {
                seen.addAll(noted.apply(task));
            }
        }).execute(task);
        return seen;
    }

    private static JobProgressViewModel run(JobKind kind, EngineCall<String> call) {
        JobProgressViewModel progress = new JobProgressViewModel(kind);
        BackgroundTask<String> task = BackgroundTask.of(call);
        progress.track(task);
        new CurrentThreadTaskExecutor().execute(task);
        return progress;
    }

    @Test
    void aFinishedExportShowsEveryPhaseDoneEveryCollectionWrittenAndAHundredPercent() {
        JobProgressViewModel progress = run(JobKind.EXPORT, (listener, cancel) -> {
            listener.info(Phase.CONNECT, "Connecting");
            listener.info(Phase.PLAN, "Planning");
            listener.info(Phase.METADATA, "Metadata");
            listener.onProgress(figures(Phase.METADATA, "apiomat.modules", 5, 5, 900, -1));
            listener.info(Phase.DATA, "Data");
            listener.onProgress(figures(Phase.DATA, "App.Things", 10, 24, 4_000, 9_000));
            listener.onProgress(figures(Phase.DATA, null, 15, 29, 4_900, 9_000));
            return "done";
        });

        assertThat(progress.progressProperty().get()).isEqualTo(1.0);
        assertThat(progress.percentProperty().get()).isEqualTo("100 %");
        assertThat(progress.phases()).allMatch(step -> step.getState() == StepState.DONE);
        assertThat(progress.rows()).extracting(CollectionRow::namespace)
                .containsExactly("apiomat.modules", "App.Things");
        assertThat(progress.rows()).allMatch(row -> row.getState() == RowState.DONE);
        assertThat(progress.log()).extracting(ProgressEvent::message).containsExactly("Connecting", "Planning",
                "Metadata", "Data");
    }

    @Test
    void duringTheDataPhaseTheFiguresRatesAndEtaAreShown() {
        JobProgressViewModel progress = new JobProgressViewModel(JobKind.EXPORT);
        List<Object> whileRunning = runNoting(progress, (listener, cancel) -> {
            listener.info(Phase.DATA, "Data");
            listener.onProgress(figures(Phase.DATA, null, 15, 60, 4_900, 9_000));
            listener.onProgress(figures(Phase.DATA, "App.Things", 10, 24, 4_000, 9_000));
            throw new CancelledException();
        }, event -> event.namespace() != null, task -> List.of(progress.percentProperty().get(),
                progress.amountProperty().get(), progress.documentRateProperty().get(),
                progress.byteRateProperty().get(), progress.etaProperty().get()));

        assertThat(whileRunning).containsExactly("25 %", "15 of 60 documents, 4.8 KB", "100 docs/s", "2.0 KB/s",
                "0:42");
        assertThat(progress.etaProperty().get()).isEmpty();
        assertThat(progress.rows()).singleElement().satisfies(row -> {
            assertThat(row.getState()).isEqualTo(RowState.CANCELLED);
            assertThat(row.documentsProperty().get()).isEqualTo(10);
        });
        assertThat(progress.phases().stream().filter(step -> step.phase() == Phase.DATA).findFirst().orElseThrow()
                .getState()).isEqualTo(StepState.STOPPED);
        assertThat(progress.phaseProperty().get()).isEqualTo("Cancelled");
    }

    @Test
    void anImportMarksLoadedIndexedAndVerifiedCollectionsAndSkipsTheMergeItDidNotNeed() {
        JobProgressViewModel progress = run(JobKind.IMPORT, (listener, cancel) -> {
            listener.info(Phase.PLAN, "Planning");
            listener.info(Phase.LOAD, "Loading");
            listener.onProgress(figures(Phase.LOAD, "App.Things", 24, 24, 9_000, 9_000));
            listener.onProgress(figures(Phase.LOAD, "App.Other", 3, 24, 900, 9_000));
            listener.info(Phase.INDEXES, "Indexes");
            listener.onProgress(figures(Phase.INDEXES, "App.Things indexes", 2, 2, 0, -1));
            listener.info(Phase.SWAP, "Swapping");
            listener.onProgress(figures(Phase.SWAP, "swap", 1, -1, 0, -1));
            listener.info(Phase.VERIFY, "Verifying");
            listener.onProgress(figures(Phase.VERIFY, "App.Other", 24, 24, 9_000, 9_000));
            throw new IllegalStateException("disk full");
        });

        assertThat(progress.rows()).extracting(CollectionRow::namespace).containsExactly("App.Things", "App.Other");
        assertThat(progress.rows().get(0).getState()).isEqualTo(RowState.INDEXED);
        assertThat(progress.rows().get(1).getState()).isEqualTo(RowState.VERIFIED);
        assertThat(progress.phases()).extracting(PhaseStep::getState).containsExactly(StepState.DONE,
                StepState.DONE, StepState.DONE, StepState.SKIPPED, StepState.DONE, StepState.STOPPED,
                StepState.PENDING);
        assertThat(progress.progressProperty().get()).isEqualTo(0.93);
        assertThat(progress.phaseProperty().get()).isEqualTo("Stopped by an error");
    }

    @Test
    void followingAnotherTaskStartsFromEmptyFigures() {
        JobProgressViewModel progress = run(JobKind.EXPORT, (listener, cancel) -> {
            listener.info(Phase.DATA, "Data");
            listener.onProgress(figures(Phase.DATA, "App.Things", 10, 24, 4_000, 9_000));
            return "done";
        });
        BackgroundTask<String> next = BackgroundTask.of((listener, cancel) -> "again");

        progress.track(next);

        assertThat(progress.rows()).isEmpty();
        assertThat(progress.log()).isEmpty();
        assertThat(progress.progressProperty().get()).isEqualTo(-1);
        assertThat(progress.phases()).allMatch(step -> step.getState() == StepState.PENDING);
    }

    @Test
    void aJobStoppedByAnErrorBeforeAnyFigureShowsAStillBarNotAMovingOne() {
        JobProgressViewModel progress = run(JobKind.EXPORT, (listener, cancel) -> {
            listener.info(Phase.CONNECT, "Connecting");
            throw new IllegalStateException("refused");
        });

        assertThat(progress.phaseProperty().get()).isEqualTo("Stopped by an error");
        // -1 is what a ProgressBar draws as a moving, indeterminate bar.
        assertThat(progress.progressProperty().get()).isZero();
        assertThat(progress.percentProperty().get()).isEmpty();
    }

    @Test
    void aJobAskedToStopSaysItIsStoppingAndEndsWhereItGotTo() {
        JobProgressViewModel progress = new JobProgressViewModel(JobKind.IMPORT);
        List<Object> whileStopping = runNoting(progress, (listener, cancel) -> {
            listener.info(Phase.LOAD, "Loading");
            listener.onProgress(figures(Phase.LOAD, null, 50, 100, 5_000, 10_000));
            listener.onProgress(figures(Phase.LOAD, "App.Things", 50, 100, 5_000, 10_000));
            // Sent before the job noticed the stop, arriving after it was asked for.
            listener.info(Phase.LOAD, "a late line");
            listener.onProgress(figures(Phase.LOAD, null, 60, 100, 6_000, 10_000));
            throw new CancelledException();
        }, event -> event.namespace() != null || "a late line".equals(event.message()), task -> {
            task.cancel();
            return List.of(progress.phaseProperty().get(), progress.progressProperty().get(),
                    progress.etaProperty().get());
        });

        String stopping = "Stopping: the target is put back as it was before the import...";
        assertThat(whileStopping).containsExactly(stopping, -1.0, "", stopping, -1.0, "");
        assertThat(progress.phaseProperty().get()).isEqualTo("Cancelled");
        assertThat(progress.progressProperty().get()).isEqualTo(0.02 + 0.78 * 0.5);
        assertThat(progress.percentProperty().get()).isEqualTo("41 %");
    }

    @Test
    void anExportCountsItsMetadataApartAsItsSummaryDoesAndGivesNoSizeOrByteRateItDidNotMeasure() {
        JobProgressViewModel progress = new JobProgressViewModel(JobKind.EXPORT, "apiomat");
        List<Object> duringMetadata = runNoting(progress, (listener, cancel) -> {
            listener.info(Phase.METADATA, "Metadata");
            listener.onProgress(figures(Phase.METADATA, "apiomat.modules", 5, 5, 0, -1));
            listener.onProgress(new ProgressEvent(Phase.METADATA, null, 5, 29, 0, 9_000, 0, 250, null,
                    ProgressEvent.Level.INFO, null));
            listener.info(Phase.DATA, "Data");
            listener.onProgress(figures(Phase.DATA, "App.Things", 24, 24, 9_000, 9_000));
            listener.onProgress(figures(Phase.DATA, null, 29, 29, 9_000, 9_000));
            return "done";
        }, event -> event.isOverall() && event.message() == null && event.phase() == Phase.METADATA,
                task -> List.of(progress.amountProperty().get(), progress.byteRateProperty().get()));

        assertThat(duringMetadata).containsExactly("5 of 29 documents (with the metadata), 0 B", "");
        assertThat(progress.rows().get(0).sizeTextProperty().get()).isEqualTo("\u2014");
        assertThat(progress.rows().get(1).sizeTextProperty().get()).isEqualTo("8.8 KB");
        assertThat(progress.amountProperty().get()).isEqualTo("24 of 24 documents and 5 metadata documents, 8.8 KB");
    }
}
