package studio.timelapse.camera.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.protocol.AgentHealth;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureAvailability;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;

/** Health, status, configuration and capture control, against a real capture state machine. */
class CaptureControlTest {
    private final ObjectMapper json = ApiJson.mapper();

    @TempDir
    Path home;
    private RunningAgent agent;

    @BeforeEach
    void start() {
        agent = new RunningAgent(home);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private HttpResponse<String> command(String name) {
        return agent.send(agent.request("/api/v1/capture/" + name).POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysWhichAgentRunsSinceWhen() throws Exception {
        HttpResponse<String> response = agent.get("/api/v1/health");

        AgentHealth health = json.readValue(response.body(), AgentHealth.class);
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.agentId()).isEqualTo("cam-test");
        assertThat(health.version()).isEqualTo("0.1.0-test");
        assertThat(health.uptimeSeconds()).isNotNegative();
    }

    @Test
    void statusReadsBackAsTheProtocolRecord() throws Exception {
        AgentStatus status = json.readValue(agent.get("/api/v1/status").body(), AgentStatus.class);

        assertThat(status.state()).isEqualTo("IDLE");
        assertThat(status.config()).isEqualTo(CaptureConfig.demo());
        assertThat(status.temperatureCelsius()).contains(48.5);
        assertThat(status.lastError()).isEmpty();
    }

    @Test
    void aValidConfigurationIsPutInForceAndReadBack() throws Exception {
        CaptureConfig config = new CaptureConfig("rpicam", FrameSettings.automatic().withSize(4056, 3040),
                ScheduleConfig.every(5).withDailyHours(LocalTime.of(6, 0), LocalTime.of(21, 30)), Optional.empty());

        HttpResponse<String> put = agent.put("/api/v1/config", "application/json; charset=utf-8",
                json.writeValueAsString(config));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(json.readValue(put.body(), CaptureConfig.class)).isEqualTo(config);
        assertThat(json.readValue(agent.get("/api/v1/config").body(), CaptureConfig.class)).isEqualTo(config);
    }

    @Test
    void commandsMoveTheStateMachineAndAnswerWithTheNewStatus() throws Exception {
        assertThat(json.readValue(command("start").body(), AgentStatus.class).state()).isEqualTo("CAPTURING");
        assertThat(json.readValue(command("pause").body(), AgentStatus.class).state()).isEqualTo("PAUSED");
        assertThat(json.readValue(command("resume").body(), AgentStatus.class).state()).isEqualTo("CAPTURING");
        assertThat(command("now").statusCode()).isEqualTo(200);
        assertThat(json.readValue(command("stop").body(), AgentStatus.class).state()).isEqualTo("IDLE");
    }

    @Test
    void aCommandTheStateDoesNotAllowIs409WithTheMachinesReasons() throws Exception {
        HttpResponse<String> response = command("pause");

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode refusal = json.readTree(response.body()).get("refusals").get(0);
        assertThat(refusal.get("kind").asText()).isEqualTo("WRONG_STATE");
        assertThat(refusal.get("reason").asText()).isEqualTo("The capture is idle; pause needs it capturing");
    }

    @Test
    void anUnmetGuardIs409WithItsReasonAndRemedy() throws Exception {
        agent.camera.freeBytes(10_000_000);

        HttpResponse<String> response = command("start");

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("message").asText())
                .isEqualTo("The camera has too little free space to capture — free at least 1 GB on the camera");
        assertThat(body.get("refusals").get(0).get("kind").asText()).isEqualTo("GUARD");
        assertThat(body.get("refusals").get(0).get("code").asText()).isEqualTo("camera.low_space");
        assertThat(json.readValue(agent.get("/api/v1/status").body(), AgentStatus.class).state()).isEqualTo("IDLE");
    }

    @Test
    void availabilityListsWhatCanFireAndWhyTheRestCannot() throws Exception {
        agent.camera.freeBytes(10_000_000);

        CaptureAvailability availability = json.readValue(agent.get("/api/v1/capture/available").body(),
                CaptureAvailability.class);

        assertThat(availability.available()).isEmpty();
        assertThat(availability.refused()).containsOnlyKeys("start", "stop", "pause", "resume", "now");
        assertThat(availability.refused().get("start")).extracting(refusal -> refusal.get("code"))
                .containsExactly("camera.low_space");
        assertThat(availability.refused().get("resume")).extracting(refusal -> refusal.get("kind"))
                .containsExactly("WRONG_STATE", "GUARD");

        agent.camera.freeBytes(64_000_000_000L);
        assertThat(json.readValue(agent.get("/api/v1/capture/available").body(), CaptureAvailability.class)
                .available()).containsExactly("start", "now");
    }

    @Test
    void anUnknownCommandIs404NamingTheCommands() throws Exception {
        HttpResponse<String> response = command("explode");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("refusals").get(0).get("remedy").asText())
                .isEqualTo("use one of start, stop, pause, resume, now");
    }

    @Test
    void aPreviewIsASmallJpegThatIsNeverCached() {
        HttpResponse<byte[]> response = agent.send(agent.request("/api/v1/preview").GET(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).startsWith((byte) 0xFF, (byte) 0xD8);
    }
}
