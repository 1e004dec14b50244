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
import studio.timelapse.camera.pairing.Opener;
import studio.timelapse.camera.security.PairableAgent;
import studio.timelapse.camera.security.TestStudio;
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

    /** The assembled agent as a test studio talks to it. */
    private static PairableAgent pairable(CameraAgent agent) {
        return new PairableAgent() {
            @Override
            public URI uri(String path) {
                return URI.create("https://127.0.0.1:" + agent.port() + path);
            }

            @Override
            public String openWindow() {
                return agent.security().pairingWindows().open(Opener.CONSOLE).code().digits();
            }
        };
    }

    @Test
    void aPairedStudioListsDownloadsAndAcknowledgesFrames() throws Exception {
        smallFastSettings();
        try (CameraAgent agent = CameraAgent.start(home(), CameraAgent.Options.onLoopback(SceneClock.realTime()))) {
            TestStudio studio = new TestStudio(pairable(agent), "Laptop").paired().withToken();
            TestStudio.Response started = studio.postWithToken("/api/v1/capture/start", java.util.Map.of());
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.store().stats().lastSequence() >= 2);

            TestStudio.Response page = studio.get("/api/v1/frames?limit=10");
            assertThat(page.status()).isEqualTo(200);
            String epoch = agent.store().epoch();
            assertThat(page.body()).contains("\"epoch\":\"" + epoch + "\"");
            TestStudio.Response frame = studio.get("/api/v1/frames/" + epoch + "-1");
            assertThat(frame.status()).isEqualTo(200);
            assertThat(frame.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).hasSize(66));

            TestStudio.Response refused = studio.postWithToken("/api/v1/capture/start", java.util.Map.of());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("state.wrong_state");

            TestStudio.Response ack = studio.postWithToken("/api/v1/frames/ack",
                    new studio.timelapse.shared.protocol.Acknowledgement(epoch, 1, 2));
            assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            assertThat(agent.store().stats().acknowledgedFrames()).isEqualTo(2);
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
