package studio.timelapse.camera.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.camera.control.CaptureControl;
import studio.timelapse.camera.control.CaptureState;
import studio.timelapse.shared.home.DataHome;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.tls.PinnedTrustManager;

/** The whole agent on loopback with the synthetic camera: HTTPS, authentication, capture, restart. */
class CameraAgentTest {
    @TempDir
    Path root;

    private DataHome home() {
        return new DataHome("camera agent home", "TIMELAPSE_CAMERA_HOME", root);
    }

    private void smallFastSettings() throws Exception {
        AgentSettingsFile file = new AgentSettingsFile(root);
        AgentSettings settings = file.loadOrCreate();
        file.save(settings.withCapture(new CaptureConfig("synthetic", FrameSettings.automatic().withSize(160, 90),
                ScheduleConfig.every(0.5), Optional.empty())));
    }

    private static HttpResponse<String> get(CameraAgent agent, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(PinnedTrustManager.pinnedTo(agent.fingerprint()).sslContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + agent.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesItsApiOverPinnedHttpsAndRefusesStrangers() throws Exception {
        smallFastSettings();
        try (CameraAgent agent = CameraAgent.start(home(), CameraAgent.Options.onLoopback(SceneClock.realTime()))) {
            HttpResponse<String> health = get(agent, "/api/v1/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains(agent.settings().id());
            HttpResponse<String> frames = get(agent, "/api/v1/frames");
            assertThat(frames.statusCode()).isEqualTo(401);
            assertThat(frames.body()).contains("\"refusals\"");
        }
    }

    @Test
    void capturesStoresAndResumesAfterARestartWithTheSequenceGoingOn() throws Exception {
        smallFastSettings();
        long before;
        try (CameraAgent agent = CameraAgent.start(home(), CameraAgent.Options.onLoopback(SceneClock.realTime()))) {
            assertThat(agent.control().state().state()).isEqualTo(CaptureState.IDLE);
            agent.control().command(CaptureControl.AGENT, "start", "test");
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.store().stats().lastSequence() >= 3);
            before = agent.store().stats().lastSequence();
        }
        try (CameraAgent agent = CameraAgent.start(home(), CameraAgent.Options.onLoopback(SceneClock.realTime()))) {
            assertThat(agent.control().state().state()).isEqualTo(CaptureState.CAPTURING);
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.store().stats().lastSequence() > before + 1);
            assertThat(agent.store().stats().frames()).isEqualTo(agent.store().stats().lastSequence());
            assertThat(Map.of("missing", agent.store().stats().missingFiles())).containsEntry("missing", 0L);
        }
    }
}
