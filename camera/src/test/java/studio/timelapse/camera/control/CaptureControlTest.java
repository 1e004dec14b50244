package studio.timelapse.camera.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.schedule.CaptureLoop;
import studio.timelapse.camera.schedule.PlanFactory;
import studio.timelapse.camera.schedule.SlotRunner;
import studio.timelapse.camera.schedule.SlotTimer;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.Principal;
import studio.timelapse.shared.state.StateStore;
import studio.timelapse.shared.testing.RecordingLog;

/** Commands and the loop's news both move the camera's persisted state, and the loop follows it. */
class CaptureControlTest {
    private static final Principal STUDIO = Principal.of("studio:laptop", CaptureMachine.CONTROL);
    private static final Principal GUEST = Principal.of("guest");

    @TempDir
    Path folder;

    private SqliteDatabase db;
    private final RecordingLog recording = new RecordingLog();
    private final AtomicReference<CaptureConfig> config = new AtomicReference<>(
            new CaptureConfig("synthetic", FrameSettings.automatic(), ScheduleConfig.every(0.5), Optional.empty()));
    private final CopyOnWriteArrayList<Instant> frames = new CopyOnWriteArrayList<>();
    private final AtomicReference<SlotRunner> runner = new AtomicReference<>(slot -> frames.add(slot));
    private CaptureControl control;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(folder.resolve("agent.sqlite"));
        db.migrate("shared", "db/shared");
        control = newControl();
        control.open();
    }

    private CaptureControl newControl() {
        StateStore<CaptureState, CaptureFacts> states = new StateStore<>(db, recording.log(), Clock.systemUTC(),
                CaptureMachine.build());
        CaptureLoop.Settings settings = new CaptureLoop.Settings(Duration.ofMillis(250), 3, Duration.ofMillis(500),
                Duration.ofSeconds(30));
        return new CaptureControl(states, config::get, (captureConfig, listener) -> {
            CaptureLoop loop = new CaptureLoop(PlanFactory.plan(captureConfig.schedule(), captureConfig.location(),
                    Instant.now()), slot -> runner.get().capture(slot), SlotTimer.system(Clock.systemUTC()),
                    recording.log(), listener, settings);
            loop.start();
            return loop;
        }, recording.log());
    }

    @AfterEach
    void close() {
        control.close();
        db.close();
        recording.close();
    }

    @Test
    void aNewCameraIsIdleAndOffersOnlyWhatAPersonMayDo() {
        assertThat(control.state().state()).isEqualTo(CaptureState.IDLE);
        assertThat(control.available(STUDIO)).containsExactlyInAnyOrder("start", "capture_now");
        assertThat(control.available(GUEST)).isEmpty();
        assertThat(control.explain(GUEST, "start")).extracting(Refusal::kind).containsExactly(Refusal.Kind.FORBIDDEN);
    }

    @Test
    void startTakesFramesAndStopEndsThem() {
        control.command(STUDIO, "start", "pressed start");
        assertThat(control.state().state()).isEqualTo(CaptureState.CAPTURING);
        await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 3);
        control.command(STUDIO, "stop", "pressed stop");
        int taken = frames.size();
        assertThat(control.state().state()).isEqualTo(CaptureState.IDLE);
        assertThat(control.reason()).contains("stopped: pressed stop");
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> frames.size() == taken);
    }

    @Test
    void anInvalidConfigurationRefusesStartWithEveryReason() {
        config.set(new CaptureConfig("webcam", FrameSettings.automatic(), ScheduleConfig.every(0.1), Optional.empty()));
        assertThatThrownBy(() -> control.command(STUDIO, "start", "pressed start"))
                .isInstanceOfSatisfying(RefusedException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(409);
                    Refusal refusal = refused.refusals().get(0);
                    assertThat(refusal.code()).isEqualTo("camera.config_invalid");
                    assertThat(refusal.reason()).startsWith("The capture configuration has 2 problems");
                    assertThat(refusal.remedy()).contains("fix the configuration first");
                });
        assertThat(control.state().state()).isEqualTo(CaptureState.IDLE);
        assertThat(control.available(STUDIO)).doesNotContain("start");
    }

    @Test
    void whatTheCameraCannotDoRefusesStartToo() {
        StateStore<CaptureState, CaptureFacts> states = new StateStore<>(db, recording.log(), Clock.systemUTC(),
                CaptureMachine.build());
        Refusal tooFast = Refusal.of(Refusal.Kind.INVALID, "config.interval_too_short",
                "The synthetic camera needs at least 1.08 s between 1920x1080 frames on this machine", "capture slower");
        CaptureControl picky = new CaptureControl(states, config::get, captureConfig -> List.of(tooFast),
                (captureConfig, listener) -> {
                    throw new AssertionError("no loop may start");
                }, recording.log());

        assertThatThrownBy(() -> picky.command(STUDIO, "start", "pressed start"))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusals().get(0)
                        .reason()).contains("a problem: The synthetic camera needs at least 1.08 s"));
        assertThat(picky.available(STUDIO)).doesNotContain("start");
    }

    @Test
    void repeatedFailuresPutTheCameraInErrorWithTheReasonAndItRecoversByItself() {
        runner.set(slot -> {
            throw new java.io.IOException("no cameras available");
        });
        control.command(STUDIO, "start", "pressed start");
        await().atMost(Duration.ofSeconds(10)).until(() -> control.state().state() == CaptureState.ERROR);
        assertThat(control.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("no cameras available"));
        runner.set(slot -> frames.add(slot));
        await().atMost(Duration.ofSeconds(10)).until(() -> control.state().state() == CaptureState.CAPTURING);
        assertThat(control.available(STUDIO)).contains("stop", "pause").doesNotContain("fault", "capturing");
    }

    @Test
    void aCaptureThatWasRunningWhenTheAgentStoppedStartsAgainWhenItOpens() {
        control.command(STUDIO, "start", "pressed start");
        await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 1);
        control.close();
        int before = frames.size();

        control = newControl();
        control.open();
        assertThat(control.state().state()).isEqualTo(CaptureState.CAPTURING);
        await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() > before + 1);
        assertThat(recording.ofType("camera:capture:resume_after_restart")).hasSize(1);
    }

    @Test
    void pauseAndResume() {
        control.command(STUDIO, "start", "pressed start");
        control.command(STUDIO, "pause", "cleaning the lens");
        assertThat(control.state().state()).isEqualTo(CaptureState.PAUSED);
        assertThat(control.available(STUDIO)).containsExactlyInAnyOrder("resume", "stop", "capture_now");
        control.command(STUDIO, "resume", "lens clean");
        assertThat(control.state().state()).isEqualTo(CaptureState.CAPTURING);
        assertThat(control.state().version()).isEqualTo(5);
    }
}
