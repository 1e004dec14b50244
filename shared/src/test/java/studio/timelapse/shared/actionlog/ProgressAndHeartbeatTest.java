package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/** The progress and heartbeat convention, as a long action uses it. */
class ProgressAndHeartbeatTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-21T04:00:00Z"));
    private final RecordingLog recording = new RecordingLog(clock, clock);
    private final ActionLog log = recording.log();

    @AfterEach
    void close() {
        recording.close();
    }

    @Test
    void aTightLoopLogsTheFirstCountOnePerIntervalAndTheFinalCount() {
        try (Action action = log.start("studio:sync")) {
            ProgressReporter progress = action.progress(10_000, "frames");
            for (int i = 0; i < 10_000; i++) {
                progress.advance(1);
                if (i % 1000 == 999) {
                    clock.advance(Duration.ofMillis(200));
                }
            }
        }
        List<LogMessage> progress = recording.ofType(Convention.PROGRESS);
        // 10 × 200 ms = 2 s of work at one message per 500 ms: the first, four or five on the way, the final.
        assertThat(progress.size()).isBetween(5, 8);
        assertThat(progress.get(0).number("done")).contains(1.0);
        LogMessage last = progress.get(progress.size() - 1);
        assertThat(last.fields()).containsEntry("done", 10_000L).containsEntry("total", 10_000L)
                .containsEntry("unit", "frames");
        assertThat(last.number("eta_s")).contains(0.0);
    }

    @Test
    void rateAndEtaFollowTheWork() {
        try (Action action = log.start("studio:render")) {
            ProgressReporter progress = action.progress(1_000, "frames");
            progress.advance(1);
            for (int second = 0; second < 5; second++) {
                clock.advance(Duration.ofSeconds(1));
                progress.advance(100);
            }
        }
        LogMessage latest = recording.ofType(Convention.PROGRESS).get(5);
        assertThat(latest.number("done")).contains(501.0);
        assertThat(latest.number("rate")).hasValueSatisfying(rate -> assertThat(rate).isBetween(95.0, 105.0));
        assertThat(latest.number("eta_s")).hasValueSatisfying(eta -> assertThat(eta).isBetween(4.7, 5.3));
    }

    @Test
    void anUnknownTotalHasNoEta() {
        try (Action action = log.start("studio:import")) {
            action.progress(-1, "files").advance(3);
        }
        LogMessage progress = recording.ofType(Convention.PROGRESS).get(0);
        assertThat(progress.fields()).containsEntry("total", null).containsEntry("eta_s", null);
    }

    @Test
    void heartbeatsComeAtTheirCadenceWithTheIdleTimeAndStopWhenTheActionEnds() {
        RecordingLog realTime = new RecordingLog();
        Action action = realTime.log().start("studio:render");
        action.progress(100, "frames").advance(1);
        action.heartbeat(Duration.ofMillis(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> realTime.ofType(Convention.HEARTBEAT).size() >= 3);
        action.close();
        int beatsAtEnd = realTime.ofType(Convention.HEARTBEAT).size();
        LogMessage beat = realTime.ofType(Convention.HEARTBEAT).get(0);
        assertThat(beat.fields()).containsEntry("beat", 1L).containsEntry("interval_s", 0.02);
        assertThat(beat.number("idle_s")).isPresent();

        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(realTime.ofType(Convention.HEARTBEAT)).hasSize(beatsAtEnd);
        assertThat(realTime.tree(action.taskUuid()).complete()).as("no beat after the end").isTrue();
        realTime.close();
    }
}
