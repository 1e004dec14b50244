package studio.timelapse.desktop.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.cameras.client.AgentRefusedException;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** Start, pause, resume, stop and settings of a real agent from the studio, with the camera's refusals. */
class RemoteControlTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @TempDir
    Path agentHome;

    private LoopbackAgent agent;
    private CameraServices cameras;
    private String id;

    @BeforeEach
    void pair() throws Exception {
        agent = LoopbackAgent.start(agentHome);
        cameras = CameraServices.open(fixture.library());
        cameras.directory().add(agent.address(), Optional.of("North field"));
        cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(), "Test studio");
        id = agent.id();
    }

    @AfterEach
    void stop() {
        cameras.close();
        agent.close();
    }

    private CameraState state() {
        return cameras.states().current(id).orElseThrow().state();
    }

    @Test
    void startPauseResumeAndStopReachTheCameraAndItsStateFollows() throws Exception {
        RemoteControl control = cameras.control();
        assertThat(control.available(id).available()).contains("start").doesNotContain("pause");
        assertThat(CameraState.agentStateName(control.command(id, CaptureCommand.START).state()))
                .isEqualTo("CAPTURING");
        assertThat(state()).isEqualTo(CameraState.CAPTURING);
        control.command(id, CaptureCommand.PAUSE);
        assertThat(state()).isEqualTo(CameraState.PAUSED);
        control.command(id, CaptureCommand.RESUME);
        assertThat(state()).isEqualTo(CameraState.CAPTURING);
        control.command(id, CaptureCommand.STOP);
        assertThat(state()).isEqualTo(CameraState.ONLINE);
        assertThat(agent.agent().control().state().state().name()).isEqualTo("IDLE");
    }

    @Test
    void theCamerasRefusalIsShownWithItsReason() throws Exception {
        assertThatThrownBy(() -> cameras.control().command(id, CaptureCommand.RESUME))
                .isInstanceOfSatisfying(AgentRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(409);
                    Refusal first = refused.refusals().get(0);
                    assertThat(first.kind()).isEqualTo(Refusal.Kind.WRONG_STATE);
                    assertThat(first.reason()).containsIgnoringCase("idle").contains("resume");
                });
        assertThat(state()).as("a refusal changes nothing").isEqualTo(CameraState.PAIRED);
    }

    @Test
    void settingsChangeOnTheCameraAndEveryMistakeComesBackAtOnce() throws Exception {
        CaptureConfig now = cameras.control().settings(id);
        CaptureConfig slower = new CaptureConfig(now.backend(), now.frame(), ScheduleConfig.every(5), now.location(),
                now.ramp());
        assertThat(cameras.control().changeSettings(id, slower).schedule().intervalSeconds()).isEqualTo(5.0);
        assertThat(agent.agent().settings().capture().schedule().intervalSeconds()).isEqualTo(0.5)
                .as("the settings object read at start; the agent's own answer is what counts");
        assertThat(cameras.control().settings(id).schedule().intervalSeconds()).isEqualTo(5.0);

        CaptureConfig wrong = new CaptureConfig("webcam", now.frame(), ScheduleConfig.every(0.1), now.location(),
                now.ramp());
        assertThatThrownBy(() -> cameras.control().changeSettings(id, wrong))
                .isInstanceOfSatisfying(AgentRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.refusals()).extracting(Refusal::code)
                            .contains("config.unknown_backend", "config.interval");
                    assertThat(refused.refusals()).extracting(refusal -> refusal.details().get("field"))
                            .contains("backend", "schedule.intervalSeconds");
                });
    }

    @Test
    void anOfflineCameraIsRefusedWithSinceWhenAndTheRemedyAndReachedAgainWhenBack() throws Exception {
        cameras.control().status(id);
        agent.stop();
        assertThatThrownBy(() -> cameras.control().command(id, CaptureCommand.START))
                .isInstanceOfSatisfying(RefusedException.class, refused -> {
                    Refusal offline = refused.refusals().get(0);
                    assertThat(offline.code()).isEqualTo("camera.offline");
                    assertThat(offline.reason()).matches("Camera 'North field' is offline since \\d\\d:\\d\\d");
                    assertThat(offline.remedy()).contains("check its power or network");
                });
        assertThat(state()).isEqualTo(CameraState.OFFLINE);

        agent.restart();
        assertThat(CameraState.agentStateName(cameras.control().command(id, CaptureCommand.START).state()))
                .isEqualTo("CAPTURING");
        assertThat(state()).isEqualTo(CameraState.CAPTURING);
    }

    @Test
    void aCameraThatIsNotPairedIsRefusedBeforeAnythingIsSent() throws Exception {
        cameras.pairing().unpair(id);
        assertThatThrownBy(() -> cameras.control().command(id, CaptureCommand.START))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusals())
                        .extracting(Refusal::code).containsExactly("camera.not_paired"));
    }
}
