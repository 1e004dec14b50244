package studio.timelapse.desktop.ui.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.render.RenderRequest;
import studio.timelapse.desktop.ui.StudioSession;
import studio.timelapse.desktop.ui.TestFrames;
import studio.timelapse.desktop.ui.TestStudio;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.lock.Lease;
import studio.timelapse.shared.lock.LockPolicy;
import studio.timelapse.shared.lock.LockRequest;

/** The Render screen's view-model over a real library: previews and renders are real render jobs writing MP4s. */
class RenderViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    private StudioSession session;
    private RenderViewModel render;
    private List<Long> ids;
    private final List<Path> played = new CopyOnWriteArrayList<>();
    private final List<String> explained = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        session = TestStudio.open(home, Clock.systemUTC());
        ids = TestFrames.day(session.library(), "north", 30, Instant.parse("2026-06-21T04:00:00Z"),
                Duration.ofMinutes(30), 0.3);
        assertThat(session.jobs().awaitFinished(session.ingestEverything().id(), WAIT).state())
                .isEqualTo(JobState.SUCCEEDED);
        render = new RenderViewModel(session.library(), session.sequences(), session.jobs(), session.renderJob(),
                session.videos(), new UiWork(session.log(), Runnable::run, Runnable::run), explained::add,
                played::add, ZoneId.of("UTC"), Clock.systemUTC());
        render.refresh();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void awaitDone() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            render.followActive();
            return render.activeJobProperty().get().isEmpty();
        });
    }

    @Test
    void aPresetFillsTheSettingsAndTheRequestCarriesEverySetting() {
        render.presetProperty().set(RenderPreset.ALL.stream().filter(p -> p.size().equals("720p")).findFirst()
                .orElseThrow());
        assertThat(render.sizeProperty().get()).isEqualTo("720p");
        assertThat(render.fpsProperty().get()).isEqualTo("30");
        render.everyProperty().set(2);
        render.blendProperty().set(3);
        render.showTimeProperty().set(true);
        render.titleProperty().set("North field");
        render.addKeyframe();
        render.addKeyframe();
        render.selectedKeyframeProperty().get().zoomProperty().set(2);

        RenderRequest request = render.request(7, false, home.resolve("out.mp4"));

        assertThat(request.sequenceId()).contains(7L);
        assertThat(request.size()).isEqualTo("720p");
        assertThat(request.fps()).isEqualTo(30);
        assertThat(request.every()).isEqualTo(2);
        assertThat(request.blendFrames()).isEqualTo(3);
        assertThat(request.deflickerWindow()).contains(15);
        assertThat(request.timeFormat()).contains("yyyy-MM-dd HH:mm");
        assertThat(request.title()).contains("North field");
        assertThat(request.viewport()).extracting(RenderRequest.ViewportStop::time).containsExactly(0.0, 0.25);
        assertThat(request.viewport().get(1).zoom()).isEqualTo(2);
        assertThat(RenderViewModel.words(request)).isEqualTo("720p, 30 fps, quality 60, every 2th frame, deflicker 15,"
                + " blend 3, 2 keyframes, time overlay, title");
    }

    @Test
    void deflickersBeforeAndAfterCurvesShowTheFlickerItRemoves() {
        assertThat(render.sequenceProperty().get().name()).isEqualTo("north");

        DeflickerCurves curves = render.curvesProperty().get().orElseThrow();

        assertThat(curves.before()).hasSize(30);
        assertThat(curves.after()).hasSize(30);
        assertThat(curves.unmeasured()).isZero();
        assertThat(curves.stepAfter()).isLessThan(curves.stepBefore() / 2);
        render.deflickerProperty().set(false);
        assertThat(render.curvesProperty().get()).isEmpty();
    }

    @Test
    void aPreviewIsARenderJobWhoseVideoOpensInThePlayerAndIsListed() throws Exception {
        render.preview();

        assertThat(render.activeJobProperty().get()).isPresent();
        awaitDone();

        assertThat(render.problemProperty().get()).isEmpty();
        assertThat(played).hasSize(1);
        Path video = played.get(0);
        assertThat(video).exists().hasFileName(video.getFileName().toString());
        assertThat(video.toString()).contains("previews").endsWith("-preview.mp4");
        assertThat(Files.size(video)).isGreaterThan(1000);
        assertThat(render.renders()).hasSize(1);
        RenderRow row = render.renders().get(0);
        assertThat(row.preview()).isTrue();
        assertThat(row.frames()).isEqualTo(30);
        assertThat(row.source()).isEqualTo("north");
        assertThat(row.settings()).startsWith("preview 480p");
    }

    @Test
    void aRenderThatFailsSaysWhyAndLeadsToItsTask() throws Exception {
        Frames frames = Frames.of(session.library());
        for (long id : ids) {
            Files.write(session.library().folder().resolve(frames.find(id).orElseThrow().path()), new byte[] {1, 2, 3});
        }

        render.render();
        awaitDone();

        Problem problem = render.problemProperty().get().orElseThrow();
        assertThat(problem.summary()).isEqualTo("Render failed");
        assertThat(problem.taskUuid()).isPresent();
        render.explain(problem);
        assertThat(explained).containsExactly(problem.taskUuid().get());
        assertThat(played).isEmpty();
    }

    @Test
    void anArchivedSequenceIsRefusedWithItsReasonAndRemedyAndNothingIsQueued() {
        long sequence = render.sequenceProperty().get().id();
        session.sequences().archive(sequence, "test");

        render.render();

        Problem problem = render.problemProperty().get().orElseThrow();
        assertThat(problem.summary()).isEqualTo("The render of north did not start");
        assertThat(String.join(" ", problem.reasons())).contains("is archived").contains("unarchive it first");
        assertThat(render.activeJobProperty().get()).isEmpty();
        assertThat(session.jobs().jobs(JobState.QUEUED, JobState.values())).noneMatch(job -> job.type()
                .equals(studio.timelapse.desktop.render.RenderJob.NAME));
    }

    @Test
    void aRenderWaitingForItsSequenceIsCancelled() throws Exception {
        long sequence = render.sequenceProperty().get().id();
        // Someone else holds the sequence's render lock: the render waits in its queue until it is cancelled.
        try (Lease held = session.locks().acquire(LockRequest.of(SequenceCatalog.renderLock(sequence), "test"),
                LockPolicy.failNow())) {
            render.render();
            long job = render.activeJobProperty().get().orElseThrow();
            render.followActive();
            assertThat(render.activeTextProperty().get()).startsWith("Render ");

            // Cancel once the runner has deferred it for the lock: a cancel that lands while the runner is between
            // claiming and deferring the job is lost (reported: JobStore.deferRun keeps cancel_requested jobs queued).
            await().atMost(WAIT).until(() -> session.jobs().job(job).orElseThrow().lastError().isPresent());
            render.cancelActive();
            awaitDone();

            assertThat(session.jobs().job(job).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
            assertThat(render.problemProperty().get().orElseThrow().summary()).isEqualTo("Render cancelled");
            assertThat(render.renders()).isEmpty();
        }
    }
}
