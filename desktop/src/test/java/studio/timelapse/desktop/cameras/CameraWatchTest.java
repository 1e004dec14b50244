package studio.timelapse.desktop.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.control.CaptureControl;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.cameras.client.EventSubscription;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.testing.ChildJvm;

/** The watch keeps each paired camera's state as its events and connection say, and tells of frames captured. */
class CameraWatchTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @TempDir
    Path agentHome;

    private LoopbackAgent agent;
    private CameraServices cameras;
    private final List<FrameInfo> frames = new CopyOnWriteArrayList<>();
    private final List<CameraState> changes = new CopyOnWriteArrayList<>();
    private final CameraWatch.Listener listener = new CameraWatch.Listener() {
        @Override
        public void onFrameCaptured(String cameraId, FrameInfo frame) {
            frames.add(frame);
        }

        @Override
        public void onStateChanged(String cameraId, CameraState state, String why) {
            changes.add(state);
        }
    };

    @AfterEach
    void stop() {
        if (cameras != null) {
            cameras.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    private void openServices() throws Exception {
        cameras = CameraServices.open(fixture.library(), client -> client.eventTiming(new EventSubscription.Timing(
                Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(45))));
    }

    private String pairInProcess() throws Exception {
        agent = LoopbackAgent.start(agentHome);
        openServices();
        cameras.directory().add(agent.address(), Optional.of("North field"));
        cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(), "Test studio");
        return agent.id();
    }

    private CameraState state(String cameraId) {
        return cameras.states().current(cameraId).orElseThrow().state();
    }

    @Test
    void theCamerasStateFollowsItsEventsAndEveryFrameCapturedIsTold() throws Exception {
        String id = pairInProcess();
        cameras.watch().addListener(listener);
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id) == CameraState.ONLINE);

        agent.agent().control().command(CaptureControl.AGENT, "start", "started on the camera");
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id) == CameraState.CAPTURING);
        await().atMost(Duration.ofSeconds(20)).until(() -> frames.size() >= 2);
        assertThat(frames.get(0).id().sequence()).isEqualTo(1);
        assertThat(frames.get(1).id().sequence()).isEqualTo(2);

        agent.agent().control().command(CaptureControl.AGENT, "pause", "paused on the camera");
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id) == CameraState.PAUSED);
        assertThat(cameras.states().why(id))
                .hasValueSatisfying(why -> assertThat(why).contains("paused on the camera"));
        assertThat(changes).containsSubsequence(CameraState.ONLINE, CameraState.CAPTURING, CameraState.PAUSED);
    }

    @Test
    void aCameraWhoseProcessIsKilledGoesOfflineAndComesBackWhenItRestarts() throws Exception {
        ChildJvm child = ChildJvm.start(AgentProcess.class, Map.of(), agentHome.toString(), "0");
        String[] ready = child.awaitLine("READY ", Duration.ofSeconds(60)).split(" ");
        String code = child.awaitLine("CODE ", Duration.ofSeconds(10)).substring(5);
        int port = Integer.parseInt(ready[1]);
        String id = ready[2];
        try {
            openServices();
            cameras.directory().add(AgentAddress.of("127.0.0.1", port), Optional.of("North field"));
            cameras.pairing().pair(id, code, Optional.empty(), "Test studio");
            cameras.watch().addListener(listener);
            await().atMost(Duration.ofSeconds(20)).until(() -> state(id) == CameraState.ONLINE);
            cameras.control().command(id, CaptureCommand.START);
            assertThat(state(id)).as("from the camera's answer").isEqualTo(CameraState.CAPTURING);
            await().atMost(Duration.ofSeconds(20)).until(() -> !frames.isEmpty());

            child.killHard();
            await().atMost(Duration.ofSeconds(20)).until(() -> state(id) == CameraState.OFFLINE);
            assertThat(cameras.states().why(id)).hasValueSatisfying(why -> assertThat(why).contains("lost contact"));
            assertThat(cameras.states().explain(cameras.directory().camera(id), CameraMachine.CONTROL))
                    .singleElement().satisfies(refusal -> {
                        assertThat(refusal.code()).isEqualTo("camera.offline");
                        assertThat(refusal.reason()).contains("North field").contains("offline since");
                        assertThat(refusal.remedy()).contains("check its power or network");
                    });
        } finally {
            child.close();
        }

        agent = LoopbackAgent.start(agentHome, port); // the capture it was running starts again
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id) == CameraState.CAPTURING);
        int before = frames.size();
        await().atMost(Duration.ofSeconds(20)).until(() -> frames.size() > before);
    }

    @Test
    void aCameraThatForgotThisStudioIsMarkedInErrorWithTheRemedy() throws Exception {
        String id = pairInProcess();
        cameras.watch();
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id) == CameraState.ONLINE);
        String studioId = fixture.cameras().find(id).orElseThrow().studioId().orElseThrow();
        agent.agent().security().unpair(studioId, "unpaired on the camera's console");
        agent.restart();
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id) == CameraState.ERROR);
        assertThat(cameras.states().why(id)).hasValueSatisfying(why -> assertThat(why).contains("pair it again"));
    }

    @Test
    void theWatchFollowsTheLibraryWhenCamerasArePairedAndUnpaired() throws Exception {
        String id = pairInProcess();
        CameraWatch watch = cameras.watch();
        assertThat(watch.watching()).containsExactly(id);
        cameras.pairing().unpair(id);
        watch.refresh();
        assertThat(watch.watching()).isEmpty();
        assertThat(state(id)).isEqualTo(CameraState.DISCOVERED);
    }
}
