package studio.timelapse.desktop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.RenderSchedules;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.desktop.render.RenderRequest;
import studio.timelapse.desktop.render.RenderScheduler;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The studio looks at its render schedules a little after it opens, not while it starts: a render whose time came
 * while no studio was open is queued by that first look, once.
 */
class StudioCoreScheduleTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path temp;

    private final RecordingLog log = new RecordingLog();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-20T08:00:00Z"));
    private Path library;

    /** A studio made "every day at 21:00 in Paris, yesterday's frames" on the morning of 20 June and closed. */
    @BeforeEach
    void aScheduleMadeInAStudioThatThenClosed() throws Exception {
        library = temp.resolve("library");
        try (StudioCore core = StudioCore.openToLook(library, log.log(), clock)) {
            Library lib = core.library();
            Sequence sequence = Sequences.of(lib).createImport("card");
            String template = RenderScheduler.settingsOf(RenderRequest.ofSequence(sequence.id(),
                    temp.resolve("unused.mp4").toString()));
            RenderSchedules.of(lib).add("daily", sequence.id(), LocalTime.of(21, 0), PARIS, 1, 1, template,
                    temp.resolve("videos").toString());
        }
        // The studio stays closed through 20 June's 21:00 (19:00 UTC) and opens again the next morning.
        clock.advance(Duration.ofHours(26));
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void theSchedulesAreNotLookedAtWhileTheStudioStarts() {
        try (StudioCore core = StudioCore.open(library, log.log(), clock,
                settings().withFirstScheduleCheck(Duration.ofHours(1)))) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                    .until(() -> everyJob(core).isEmpty());
        }
    }

    @Test
    void aRenderMissedWhileTheStudioWasClosedRunsOnceAfterTheFirstLook() throws Exception {
        try (StudioCore core = StudioCore.open(library, log.log(), clock,
                settings().withFirstScheduleCheck(Duration.ofMillis(200)))) {
            await().atMost(Duration.ofMinutes(1)).until(() -> everyJob(core).size() == 2);

            List<Job> missed = everyJob(core).stream()
                    .filter(job -> job.idempotencyKey().orElseThrow().endsWith(":2026-06-20")).toList();
            assertThat(missed).hasSize(1);
            assertThat(missed.get(0).runAfter()).isBeforeOrEqualTo(clock.instant());
            // It runs now (an empty sequence has nothing to render, which is its business, not the schedule's).
            assertThat(core.jobs().awaitFinished(missed.get(0).id(), Duration.ofMinutes(1)).state())
                    .isIn(JobState.SUCCEEDED, JobState.FAILED);
            Job next = everyJob(core).stream()
                    .filter(job -> job.idempotencyKey().orElseThrow().endsWith(":2026-06-21")).findFirst()
                    .orElseThrow();
            assertThat(next.state()).isEqualTo(JobState.QUEUED);
            assertThat(next.runAfter()).isEqualTo(Instant.parse("2026-06-21T19:00:00Z"));
            assertThat(core.renderScheduler().catchUp()).as("looking again queues nothing new")
                    .extracting(Job::id).containsExactlyInAnyOrder(missed.get(0).id(), next.id());
        }
    }

    @Test
    void aRenderOnlyEngineNeverLooksAtTheSchedules() {
        try (StudioCore core = StudioCore.openForRenders(library, log.log(), clock,
                settings().withFirstScheduleCheck(Duration.ZERO))) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                    .until(() -> everyJob(core).isEmpty());
        }
    }

    private static StudioCore.Settings settings() {
        return StudioCore.Settings.defaults().withPollInterval(Duration.ofMillis(20));
    }

    private static List<Job> everyJob(StudioCore core) {
        return core.jobs().jobs(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED, JobState.FAILED,
                JobState.CANCELLED, JobState.INTERRUPTED);
    }
}
