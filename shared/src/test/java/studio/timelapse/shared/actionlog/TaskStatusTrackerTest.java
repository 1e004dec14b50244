package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/** Live status folded from a task's messages: the one source for screens, the CLI and the event stream. */
class TaskStatusTrackerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-21T04:00:00Z"));
    private final RecordingLog recording = new RecordingLog(clock, clock);
    private final ActionLog log = recording.log();
    private final TaskStatusTracker tracker = new TaskStatusTracker(clock, 100);

    TaskStatusTrackerTest() {
        log.subscribe(tracker);
    }

    @AfterEach
    void close() {
        recording.close();
    }

    @Test
    void aRunningTaskShowsPercentRateAndEta() {
        Action action = log.start("studio:render", "sequence", 12);
        ProgressReporter progress = action.progress(200, "frames");
        progress.advance(1);
        clock.advance(Duration.ofSeconds(1));
        progress.advance(49);

        TaskStatus status = tracker.status(action.taskUuid()).orElseThrow();
        assertThat(status.state()).isEqualTo(TaskStatus.State.RUNNING);
        assertThat(status.actionType()).isEqualTo("studio:render");
        assertThat(status.done()).contains(50L);
        assertThat(status.total()).contains(200L);
        assertThat(status.percent().getAsDouble()).isEqualTo(25.0);
        assertThat(status.rate().getAsDouble()).isEqualTo(49.0);
        assertThat(status.etaSeconds().getAsDouble()).isBetween(3.0, 3.1);
        assertThat(tracker.running()).extracting(TaskStatus::taskUuid).containsExactly(action.taskUuid());
        action.close();
    }

    @Test
    void theOutermostActionDecidesTheTaskState() {
        Action root = log.start("studio:sync");
        try (Action child = log.start("studio:sync:download_frame")) {
            child.fail(new IllegalStateException("checksum mismatch"));
        }
        assertThat(tracker.status(root.taskUuid()).orElseThrow().state()).isEqualTo(TaskStatus.State.RUNNING);
        root.close();
        TaskStatus done = tracker.status(root.taskUuid()).orElseThrow();
        assertThat(done.state()).isEqualTo(TaskStatus.State.SUCCEEDED);
        assertThat(done.endedAt()).isPresent();
    }

    @Test
    void aFailedTaskCarriesItsReason() {
        Action root = log.start("studio:import");
        root.fail(new java.io.IOException("card removed"));
        TaskStatus status = tracker.status(root.taskUuid()).orElseThrow();
        assertThat(status.state()).isEqualTo(TaskStatus.State.FAILED);
        assertThat(status.failure()).contains("java.io.IOException: card removed");
    }

    @Test
    void aTaskIsStalledWhenItsHeartbeatsStop() {
        Action action = log.start("studio:render");
        // An hourly heartbeat that the test beats by hand, so the manual clock alone decides.
        Heartbeat heartbeat = action.heartbeat(Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(5));
        heartbeat.beat();
        TaskStatus fresh = tracker.status(action.taskUuid()).orElseThrow();
        assertThat(fresh.heartbeatAge()).contains(Duration.ZERO);
        assertThat(fresh.stalled()).isFalse();

        clock.advance(Duration.ofHours(2));
        assertThat(tracker.status(action.taskUuid()).orElseThrow().stalled()).isFalse();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        TaskStatus silent = tracker.status(action.taskUuid()).orElseThrow();
        assertThat(silent.stalled()).isTrue();
        assertThat(silent.heartbeatAge()).contains(Duration.ofHours(3).plusSeconds(1));
        assertThat(tracker.stalled()).extracting(TaskStatus::taskUuid).containsExactly(action.taskUuid());

        heartbeat.beat();
        assertThat(tracker.status(action.taskUuid()).orElseThrow().stalled()).isFalse();
        action.close();
        clock.advance(Duration.ofHours(10));
        assertThat(tracker.status(action.taskUuid()).orElseThrow().stalled()).as("a finished task is never stalled")
                .isFalse();
    }

    @Test
    void aContinuedTaskIsTrackedFromItsRemotePartAlone() {
        TaskStatusTracker cameraSide = new TaskStatusTracker(clock, 10);
        RecordingLog camera = new RecordingLog(clock, clock);
        camera.log().subscribe(cameraSide);
        String taskId;
        try (Action studio = log.start("studio:capture_now")) {
            taskId = studio.serializeTaskId();
        }
        try (Action remote = camera.log().continueTask(taskId)) {
            remote.progress(3, "frames").advance(3);
        }
        TaskStatus status = cameraSide.all().get(0);
        assertThat(status.actionType()).isEqualTo(ActionLog.REMOTE_TASK);
        assertThat(status.state()).isEqualTo(TaskStatus.State.SUCCEEDED);
        assertThat(status.percent().getAsDouble()).isEqualTo(100.0);
        camera.close();
    }

    @Test
    void keepsOnlyTheNewestFinishedTasks() {
        TaskStatusTracker small = new TaskStatusTracker(clock, 3);
        log.subscribe(small);
        Action running = log.start("studio:long");
        log.startTask("studio:short0").close();
        for (int i = 1; i < 6; i++) {
            log.startTask("studio:short" + i).close();
        }
        assertThat(small.all()).extracting(TaskStatus::actionType)
                .containsExactly("studio:long", "studio:short3", "studio:short4", "studio:short5");
        running.close();
    }
}
