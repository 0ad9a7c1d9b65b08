package aom.migration.ui.task;

import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {

    private static final int EVENTS = 200_000;

    private final FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("progress"), 200, 100));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void aFloodOfProgressReachesTheFxThreadAsAFewUpdatesAndTheLastFiguresComeFirst() throws Exception {
        AtomicInteger updates = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        BackgroundTask<String> task = BackgroundTask.of((progress, cancel) -> {
            for (int i = 1; i <= EVENTS; i++) {
                progress.onProgress(new ProgressEvent(Phase.DATA, null, i, EVENTS, 0, -1, 0, 0, null,
                        ProgressEvent.Level.INFO, null));
            }
            return "ConferenceApp.aombundle";
        });
        task.overallProperty().addListener((observable, old, now) -> {
            updates.incrementAndGet();
            seen.add(Platform.isFxApplicationThread() ? "fx" : "other " + Thread.currentThread().getName());
        });
        task.onSuccess(result -> {
            seen.add("success with progress " + task.progressProperty().get()
                    + (Platform.isFxApplicationThread() ? " on fx" : " elsewhere"));
            done.countDown();
        });

        WaitForAsyncUtils.asyncFx(() -> executor.execute(task)).get(30, TimeUnit.SECONDS);

        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).last().isEqualTo("success with progress 1.0 on fx");
        assertThat(seen).filteredOn(line -> !line.startsWith("success")).containsOnly("fx");
        assertThat(updates.get()).as("FX updates for %d events", EVENTS).isBetween(1, EVENTS / 100);
        assertThat(task.getState()).isEqualTo(BackgroundTask.State.SUCCEEDED);
    }

    @Test
    void cancellingStopsTheCallAndEndsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        BackgroundTask<String> task = BackgroundTask.<String>of((progress, cancel) -> {
            started.countDown();
            while (true) {
                cancel.throwIfCancelled();
                Thread.onSpinWait();
            }
        }).onFinished(finished::countDown);
        WaitForAsyncUtils.asyncFx(() -> executor.execute(task)).get(30, TimeUnit.SECONDS);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        WaitForAsyncUtils.asyncFx(task::cancel).get(30, TimeUnit.SECONDS);

        assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(task.getState()).isEqualTo(BackgroundTask.State.CANCELLED);
    }
}
