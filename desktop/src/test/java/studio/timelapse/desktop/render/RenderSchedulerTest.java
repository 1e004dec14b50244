package studio.timelapse.desktop.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.NewImportedFrame;
import studio.timelapse.desktop.library.RenderSchedules;
import studio.timelapse.desktop.library.RenderSchedules.RenderSchedule;
import studio.timelapse.desktop.library.Renders;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/** "Every day at 21:00, yesterday's frames": each day's render is an ordinary job, submitted once. */
class RenderSchedulerTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path temp;

    @Test
    void anOccurrenceRendersTheDaysThatEndDaysBackBeforeItAndIsDueAtItsLocalTime() throws Exception {
        RenderSchedule schedule = schedule(Instant.parse("2026-06-20T08:00:00Z"), 1, 2);

        RenderScheduler.Occurrence occurrence = RenderScheduler.occurrence(schedule, LocalDate.of(2026, 6, 22));

        assertThat(occurrence.due()).isEqualTo(Instant.parse("2026-06-22T19:00:00Z")); // 21:00 in Paris, summer
        assertThat(occurrence.request().from()).contains(Instant.parse("2026-06-19T22:00:00Z")); // 20 June, 00:00
        assertThat(occurrence.request().to()).contains(Instant.parse("2026-06-21T22:00:00Z"));  // 22 June, 00:00
        assertThat(occurrence.request().output()).endsWith("daily-2026-06-21.mp4");
        assertThat(occurrence.request().sequenceId()).contains(7L);
        assertThat(occurrence.request().size()).isEqualTo("720p");
    }

    @Test
    void theStudioSubmitsTheMissedDaysAndTheNextOnceEachHoweverOftenItLooks() throws Exception {
        RenderSchedule schedule = schedule(Instant.parse("2026-06-20T08:00:00Z"), 1, 1);

        List<RenderScheduler.Occurrence> first = RenderScheduler.occurrencesToSubmit(schedule,
                Instant.parse("2026-06-20T12:00:00Z"));
        List<RenderScheduler.Occurrence> days = RenderScheduler.occurrencesToSubmit(schedule,
                Instant.parse("2026-06-23T12:00:00Z"));

        assertThat(first).extracting(RenderScheduler.Occurrence::dueDay).containsExactly(LocalDate.of(2026, 6, 20));
        assertThat(days).extracting(RenderScheduler.Occurrence::dueDay).containsExactly(LocalDate.of(2026, 6, 20),
                LocalDate.of(2026, 6, 21), LocalDate.of(2026, 6, 22), LocalDate.of(2026, 6, 23));
        assertThat(days.get(0).idempotencyKey()).isEqualTo(first.get(0).idempotencyKey());
    }

    @Test
    void aDueOccurrenceRunsAsAnOrdinaryRenderOfExactlyItsDaysFramesAndIsRecorded() throws Exception {
        Path library = temp.resolve("library");
        Path frames = TestFolders.frames(temp.resolve("frames"), 6, 160, 120);
        RecordingLog log = new RecordingLog();
        // Three frames on 21 June, three on 22 June (Paris), in the library as an import.
        Instant[] times = {Instant.parse("2026-06-21T06:00:00Z"), Instant.parse("2026-06-21T12:00:00Z"),
            Instant.parse("2026-06-21T18:00:00Z"), Instant.parse("2026-06-22T06:00:00Z"),
            Instant.parse("2026-06-22T12:00:00Z"), Instant.parse("2026-06-22T18:00:00Z")};
        ManualClock clock = new ManualClock(Instant.parse("2026-06-23T10:00:00Z"));
        try (StudioCore core = StudioCore.open(library, log.log(), clock,
                RenderJobTest.settings(RenderJobTest.tenFrameSegments()))) {
            Library lib = core.library();
            Sequence imported = Sequences.of(lib).createImport("card");
            for (int i = 0; i < 6; i++) {
                byte[] jpeg = Files.readAllBytes(frames.resolve(String.format("frame-%04d.jpg", i)));
                FrameFiles.Written written = lib.files().writeAtomically("frames/card/f" + i + ".jpg", jpeg);
                Frames.of(lib).insertImportedFrame(new NewImportedFrame(imported.id(), times[i], 7200,
                        written.sha256(), written.size(), 160, 120, written.path()));
            }
            String template = RenderJson.mapper().writeValueAsString(RenderJobTest.folderRequest(frames,
                    temp.resolve("unused.mp4")));
            RenderSchedules.of(lib).add("daily", imported.id(), LocalTime.of(21, 0), PARIS, 1, 1, template,
                    temp.resolve("videos").toString());

            // Made on the morning of 23 June; by 22:00 in Paris that day's occurrence (rendering the 22nd) is due.
            clock.advance(Duration.ofHours(10));
            List<Job> jobs = core.renderScheduler().catchUp();
            assertThat(jobs).hasSize(2); // the due one, and 24 June's, waiting for its time
            Job due = jobs.get(0);
            assertThat(core.jobs().awaitFinished(due.id(), Duration.ofMinutes(2)).state())
                    .isEqualTo(JobState.SUCCEEDED);
            assertThat(core.renderScheduler().catchUp()).extracting(Job::id)
                    .as("looking again submits nothing new").containsExactlyElementsOf(jobs.stream().map(Job::id)
                            .toList());
            assertThat(core.jobs().job(jobs.get(1).id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
            assertThat(Renders.of(lib).newest(5)).hasSize(1);
        }

        Path video = temp.resolve("videos/daily-2026-06-22.mp4");
        List<Double> means = VideoProbe.frameMeans(video, 160, 120);
        assertThat(means).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(means.get(i)).isCloseTo(TestFolders.level(3 + i), within(2.5));
        }
    }

    private static RenderSchedule schedule(Instant created, int daysBack, int days) throws Exception {
        RenderRequest template = RenderJobTest.folderRequest(Path.of("/frames"), Path.of("/v.mp4"));
        template = new RenderRequest(template.sequenceId(), template.folder(), template.from(), template.to(),
                template.every(), "720p", template.crop(), template.fps(), template.quality(), template.encoder(),
                template.deflickerWindow(), template.blendFrames(), template.timeFormat(), template.timeCorner(),
                template.title(), template.viewport(), template.preview(), template.output());
        return new RenderSchedule(3, "daily", 7, LocalTime.of(21, 0), PARIS, daysBack, days,
                RenderJson.mapper().writeValueAsString(template), "/videos", created);
    }
}
