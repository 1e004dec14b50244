package studio.timelapse.desktop.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.NewImportedFrame;
import studio.timelapse.desktop.library.Renders;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sequences.SequenceState;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.StateMachine;
import studio.timelapse.shared.state.StateStore;
import studio.timelapse.shared.testing.ChildJvm;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The render job end to end: real JPEGs in, an MP4 out that FFmpeg decodes back, frame by frame. Each frame has its
 * own brightness, so the decoded video tells whether every frame is there once and in order.
 */
class RenderJobTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    @TempDir
    Path temp;

    @Test
    void aFolderBecomesOneVideoWithEveryFrameOnceInOrderThoughItWasEncodedInSegments() throws Exception {
        Path frames = TestFolders.frames(temp.resolve("frames"), 23, WIDTH, HEIGHT);
        Path video = temp.resolve("out/video.mp4");
        RecordingLog log = new RecordingLog();

        Job job = render(log, folderRequest(frames, video), tenFrameSegments());

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(VideoProbe.streamSummary(video)).contains("codec_name=h264", "width=320", "height=240",
                "nb_read_frames=23");
        assertEveryFrameOnceInOrder(VideoProbe.frameMeans(video, WIDTH, HEIGHT), 23);
        assertThat(Files.list(video.getParent()).map(p -> p.getFileName().toString()))
                .as("segments and the frame list go once the video is whole").containsExactly("video.mp4");
        assertThat(log.ofType("studio:render:encoder")).singleElement()
                .satisfies(message -> assertThat(message.get("encoder")).isEqualTo("jcodec"));
    }

    @Test
    void aFrameThatDoesNotDecodeIsLeftOutWithItsReasonAndTheRenderGoesOn() throws Exception {
        Path frames = TestFolders.frames(temp.resolve("frames"), 12, WIDTH, HEIGHT);
        Files.write(frames.resolve("frame-0005.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Path video = temp.resolve("video.mp4");
        RecordingLog log = new RecordingLog();

        Job job = render(log, folderRequest(frames, video), tenFrameSegments());

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        List<Double> means = VideoProbe.frameMeans(video, WIDTH, HEIGHT);
        assertThat(means).hasSize(11);
        assertThat(log.ofType("studio:render:frame_skipped")).singleElement()
                .satisfies(message -> assertThat(String.valueOf(message.get("file"))).contains("frame-0005.jpg"));
    }

    @Test
    void aRenderKilledMidwayResumesAtItsFirstUnfinishedSegmentAndMakesTheSameVideo() throws Exception {
        // Large enough frames that the child is still encoding when the test has seen two segments finish.
        Path frames = TestFolders.frames(temp.resolve("frames"), 60, 960, 720);
        Path library = temp.resolve("library");
        Path video = temp.resolve("resumed.mp4");

        try (ChildJvm child = ChildJvm.start(RenderInAChildProcess.class, Map.of(), library.toString(),
                frames.toString(), video.toString(), "5")) {
            child.awaitLine("submitted", Duration.ofSeconds(60));
            awaitSegmentsDone(library, 2);
            child.killHard();
        }
        assertThat(video).doesNotExist();

        RecordingLog log = new RecordingLog();
        try (StudioCore core = StudioCore.open(library, log.log(), Clock.systemUTC(), settings(tenFrameSegments()))) {
            Job interrupted = core.jobs().jobs(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED).stream()
                    .filter(job -> job.type().equals(RenderJob.NAME)).findFirst().orElseThrow();
            Job finished = core.jobs().awaitFinished(interrupted.id(), Duration.ofMinutes(2));
            assertThat(finished.state()).isEqualTo(JobState.SUCCEEDED);
        }

        assertThat(log.ofType("studio:render:encoder")).singleElement()
                .satisfies(message -> assertThat(message.get("resumed")).isEqualTo(true));
        assertEveryFrameOnceInOrder(VideoProbe.frameMeans(video, 960, 720), 60);

        Path straight = temp.resolve("straight.mp4");
        render(new RecordingLog(), folderRequest(frames, straight), RenderTuning.defaults().withSegmentSeconds(0.2));
        assertThat(Files.readAllBytes(video)).as("JCodec is deterministic, so resuming changes no byte")
                .isEqualTo(Files.readAllBytes(straight));
    }

    @Test
    void aRenderOfASequenceIsRecordedInTheLibraryWithItsSettings() throws Exception {
        Path frames = TestFolders.frames(temp.resolve("frames"), 6, WIDTH, HEIGHT);
        Path video = temp.resolve("v.mp4");
        try (StudioCore core = StudioCore.open(temp.resolve("library"), new RecordingLog().log(), Clock.systemUTC(),
                settings(tenFrameSegments()))) {
            Job job = core.jobs().submit(core.renderJob(), folderRequest(frames, video), SubmitOptions.defaults());
            assertThat(core.jobs().awaitFinished(job.id(), Duration.ofMinutes(1)).state())
                    .isEqualTo(JobState.SUCCEEDED);
            // A folder render is remembered too (without a sequence), so the studio lists every video it made.
            assertThat(Renders.of(core.library()).newest(10)).singleElement().satisfies(render -> {
                assertThat(render.outputPath()).isEqualTo(video.toString());
                assertThat(render.frames()).isEqualTo(6);
                assertThat(render.encoder()).isEqualTo("jcodec");
                assertThat(render.sequenceId()).isEmpty();
                assertThat(render.settings()).contains("\"fps\":25");
            });
        }
    }

    @Test
    void aSequenceArchivedWhileItsRenderWaitedIsRefusedWhenTheRenderRunsNamingItsState() throws Exception {
        Path frames = TestFolders.frames(temp.resolve("frames"), 3, WIDTH, HEIGHT);
        Path video = temp.resolve("v.mp4");
        try (StudioCore core = StudioCore.open(temp.resolve("library"), new RecordingLog().log(), Clock.systemUTC(),
                settings(tenFrameSegments()))) {
            long sequence = importOf(core.library(), frames, 3);
            RenderRequest request = sequenceRequest(sequence, video);
            core.renderJob().refuseUnlessRenderable(request); // active: nothing to refuse
            new SequenceCatalog(core.library(), core.locks().asLockCheck("user:test")).archive(sequence, "test");

            Job job = core.jobs().submit(core.renderJob(), request, SubmitOptions.defaults());
            Job finished = core.jobs().awaitFinished(job.id(), Duration.ofMinutes(1));

            assertThat(finished.state()).isEqualTo(JobState.FAILED);
            assertThat(finished.attempts()).as("a refusal is not retried").isEqualTo(1);
            assertThat(finished.lastError()).hasValueSatisfying(error -> assertThat(error)
                    .contains("(sequence " + sequence + ") is archived (state archived)",
                            "timelapse sequences unarchive " + sequence));
            assertThat(video).doesNotExist();
        }
    }

    @Test
    void anActiveSequenceRendersAndFailedOrDeletingOnesAreRefusedBeforeTheyAreQueued() throws Exception {
        Path frames = TestFolders.frames(temp.resolve("frames"), 3, WIDTH, HEIGHT);
        try (StudioCore core = StudioCore.open(temp.resolve("library"), new RecordingLog().log(), Clock.systemUTC(),
                settings(tenFrameSegments()))) {
            long active = importOf(core.library(), frames, 3);
            Path video = temp.resolve("active.mp4");
            Job job = core.jobs().submit(core.renderJob(), sequenceRequest(active, video), SubmitOptions.defaults());
            assertThat(core.jobs().awaitFinished(job.id(), Duration.ofMinutes(1)).state())
                    .isEqualTo(JobState.SUCCEEDED);
            assertThat(VideoProbe.frameMeans(video, WIDTH, HEIGHT)).hasSize(3);

            for (String transition : List.of(Lifecycle.FAIL, Lifecycle.DELETE)) {
                long sequence = importOf(core.library(), frames, 3);
                moveOnWithoutGuards(core.library(), sequence, transition);
                String state = transition.equals(Lifecycle.FAIL) ? "failed" : "deleting";
                assertThatThrownBy(() -> core.renderJob().refuseUnlessRenderable(sequenceRequest(sequence,
                        temp.resolve(state + ".mp4"))))
                        .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusals())
                                .singleElement().satisfies(refusal -> {
                                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.WRONG_STATE);
                                    assertThat(refusal.reason()).contains("(state " + state + ")");
                                    assertThat(refusal.remedy()).isPresent();
                                }));
            }
        }
    }

    /** A new import of the first {@code count} frames of {@code frames}, a minute apart; its sequence id. */
    private static long importOf(Library library, Path frames, int count) throws Exception {
        Sequence imported = Sequences.of(library).createImport("card " + System.nanoTime());
        for (int i = 0; i < count; i++) {
            byte[] jpeg = Files.readAllBytes(frames.resolve(String.format("frame-%04d.jpg", i)));
            FrameFiles.Written written = library.files().writeAtomically("frames/" + imported.id() + "/f" + i
                    + ".jpg", jpeg);
            Frames.of(library).insertImportedFrame(new NewImportedFrame(imported.id(),
                    Instant.parse("2026-06-21T06:00:00Z").plusSeconds(60L * i), 0, written.sha256(), written.size(),
                    WIDTH, HEIGHT, written.path()));
        }
        return imported.id();
    }

    /** What a stopped process or a failure leaves behind: the lifecycle moved on with none of the sequence's rules. */
    private static void moveOnWithoutGuards(Library library, long sequence, String transition) {
        StateMachine<SequenceState, Object> bare = StateMachine.<SequenceState, Object>builder("sequence",
                Lifecycle.of(SequenceState.INITIALISING, SequenceState.ACTIVE, SequenceState.DELETING,
                        SequenceState.DELETED, SequenceState.FAILED)).build();
        StateStore<SequenceState, Object> states = new StateStore<>(library.database(), library.log(),
                library.clock(), bare);
        String entity = Long.toString(sequence);
        // The catalog gives an import its lifecycle when it first sees it.
        new SequenceCatalog(library, lock -> Optional.empty()).get(sequence);
        states.fire(entity, transition, states.current(entity).orElseThrow().version(), new Object(), "test");
    }

    static RenderRequest sequenceRequest(long sequence, Path video) {
        return new RenderRequest(Optional.of(sequence), Optional.empty(), Optional.empty(), Optional.empty(), 1,
                "original", false, 25, 90, Optional.of("jcodec"), Optional.empty(), 1, Optional.empty(), null,
                Optional.empty(), List.of(), false, video.toString());
    }

    @Test
    void badSettingsAreRefusedAllAtOnceBeforeAnyJobExists() {
        assertThatThrownBy(() -> new RenderRequest(Optional.empty(), Optional.of("/frames"), Optional.empty(),
                Optional.empty(), 0, "4k-ish", false, 0, 101, Optional.of("divx"), Optional.of(1), 1,
                Optional.empty(), null, Optional.empty(), List.of(), false, "out.avi"))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(
                        (List<?>) refused.refusals().get(0).details().get("problems")).hasSize(7));
    }

    private static void assertEveryFrameOnceInOrder(List<Double> means, int frames) {
        assertThat(means).hasSize(frames);
        for (int i = 0; i < frames; i++) {
            // FFmpeg's grey output is full range, so limited-range video comes back at (or very near) the source.
            assertThat(means.get(i)).as("frame %d", i).isCloseTo(TestFolders.level(i), within(2.5));
        }
    }

    private Job render(RecordingLog log, RenderRequest request, RenderTuning tuning) throws Exception {
        try (StudioCore core = StudioCore.open(temp.resolve("library"), log.log(), Clock.systemUTC(), settings(tuning))) {
            Job job = core.jobs().submit(core.renderJob(), request, SubmitOptions.defaults());
            return core.jobs().awaitFinished(job.id(), Duration.ofMinutes(2));
        }
    }

    static RenderRequest folderRequest(Path frames, Path video) {
        return new RenderRequest(Optional.empty(), Optional.of(frames.toString()), Optional.empty(),
                Optional.empty(), 1, "original", false, 25, 90, Optional.of("jcodec"), Optional.empty(), 1,
                Optional.empty(), null, Optional.empty(), List.of(), false, video.toString());
    }

    /** 10 frames a segment at 25 frames/s. */
    static RenderTuning tenFrameSegments() {
        return RenderTuning.defaults().withSegmentSeconds(0.4);
    }

    static StudioCore.Settings settings(RenderTuning tuning) {
        return StudioCore.Settings.defaults().withRender(tuning).withPollInterval(Duration.ofMillis(20));
    }

    private static void awaitSegmentsDone(Path library, int segments) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try (SqliteDatabase db = SqliteDatabase.open(library.resolve("library.sqlite"))) {
                long done = db.read(connection -> {
                    try (ResultSet rows = connection.createStatement().executeQuery(
                            "SELECT chunks_done FROM job WHERE type = 'studio:render'")) {
                        return rows.next() ? rows.getLong(1) : 0L;
                    }
                });
                if (done >= segments) {
                    return;
                }
            } catch (RuntimeException e) {
                // the child is creating the library: look again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child never finished " + segments + " segments");
    }
}
