package studio.timelapse.camera.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Bad input of every sort gets a clear 4xx with a JSON error body saying what was wrong; nothing crashes the agent,
 * and nothing from a request reaches the store but a well-formed frame id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one agent for all: none of these requests changes anything
class BadInputTest {
    private final ObjectMapper json = ApiJson.mapper();

    private RunningAgent agent;

    @BeforeAll
    void start(@TempDir Path home) {
        agent = new RunningAgent(home);
        agent.frames.add(new byte[] {1, 2, 3});
    }

    @BeforeEach
    void forget() {
        agent.frames.askedFor.clear();
    }

    @AfterAll
    void stop() {
        agent.close();
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }

    private static List<String> codes(JsonNode body) {
        return Stream.of(body.get("refusals")).flatMap(refusals -> java.util.stream.StreamSupport
                .stream(refusals.spliterator(), false)).map(refusal -> refusal.get("code").asText()).toList();
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() throws Exception {
        HttpResponse<String> response = agent.put("/api/v1/config", "application/json", "{\"backend\": \"synthetic\",");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = body(response);
        assertThat(codes(body)).containsExactly("api.malformed_json");
        assertThat(body.get("message").asText()).contains("line 1");
    }

    /** PUTs the demo configuration with one edit to its JSON; returns the first refusal of the 400 it must get. */
    private JsonNode firstRefusalOfConfigWith(String original, String replacement) throws Exception {
        String config = json.writeValueAsString(CaptureConfig.demo());
        assertThat(config).contains(original);

        HttpResponse<String> response = agent.put("/api/v1/config", "application/json",
                config.replace(original, replacement));

        assertThat(response.statusCode()).isEqualTo(400);
        return body(response).get("refusals").get(0);
    }

    @Test
    void anUnknownFieldIs400NamingItAndTheKnownOnes() throws Exception {
        JsonNode refusal = firstRefusalOfConfigWith("\"jpegQuality\":90", "\"jpegQuality\":90,\"jpegQualty\":95");

        assertThat(refusal.get("code").asText()).isEqualTo("api.unknown_field");
        assertThat(refusal.get("reason").asText()).contains("'jpegQualty'", "in 'frame'");
        assertThat(refusal.get("remedy").asText()).contains("jpegQuality");
        assertThat(refusal.get("details").get("field").asText()).isEqualTo("frame.jpegQualty");
    }

    @Test
    void aMissingNumberIs400NamingTheField() throws Exception {
        JsonNode refusal = firstRefusalOfConfigWith("\"jpegQuality\":90,", "");

        assertThat(refusal.get("code").asText()).isEqualTo("api.missing_value");
        assertThat(refusal.get("details").get("field").asText()).isEqualTo("frame.jpegQuality");
        assertThat(refusal.toString()).doesNotContain("DeserializationFeature");
    }

    @Test
    void aWrongTypeIs400NamingTheField() throws Exception {
        JsonNode refusal = firstRefusalOfConfigWith("\"jpegQuality\":90", "\"jpegQuality\":\"90\"");

        assertThat(refusal.get("code").asText()).isEqualTo("api.wrong_type");
        assertThat(refusal.get("details").get("field").asText()).isEqualTo("frame.jpegQuality");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIs400() throws Exception {
        JsonNode refusal = firstRefusalOfConfigWith("\"jpegQuality\":90", "\"jpegQuality\":90.5");

        assertThat(refusal.get("details").get("field").asText()).isEqualTo("frame.jpegQuality");
    }

    @Test
    void aDuplicateFieldIs400() throws Exception {
        JsonNode refusal = firstRefusalOfConfigWith("\"backend\":\"synthetic\"",
                "\"backend\":\"synthetic\",\"backend\":\"rpicam\"");

        assertThat(refusal.get("code").asText()).isEqualTo("api.malformed_json");
        assertThat(refusal.get("reason").asText()).contains("Duplicate field 'backend'");
    }

    @Test
    void aValueARecordRefusesIs400WithItsReason() throws Exception {
        JsonNode refusal = firstRefusalOfConfigWith("\"jpegQuality\":90", "\"jpegQuality\":0");

        assertThat(refusal.get("code").asText()).isEqualTo("api.invalid_value");
        assertThat(refusal.get("reason").asText()).contains("JPEG quality is 1–100, was 0");
        assertThat(refusal.get("details").get("field").asText()).isEqualTo("frame");
    }

    @Test
    void anInvalidConfigurationIs400WithEveryProblemAtOnce() throws Exception {
        String config = json.writeValueAsString(CaptureConfig.demo())
                .replace("\"synthetic\"", "\"webcam\"").replace("\"intervalSeconds\":2.0", "\"intervalSeconds\":0.1");

        HttpResponse<String> response = agent.put("/api/v1/config", "application/json", config);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = body(response);
        assertThat(codes(body)).containsExactly("config.unknown_backend", "config.interval");
        assertThat(body.get("refusals").get(1).get("details").get("field").asText())
                .isEqualTo("schedule.intervalSeconds");
        assertThat(agent.get("/api/v1/config").body()).contains("\"synthetic\"");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrChunked() throws Exception {
        String huge = "{\"backend\":\"" + "x".repeat((int) AgentApp.MAX_REQUEST_BYTES) + "\"}";

        HttpResponse<String> declared = agent.put("/api/v1/config", "application/json", huge);
        HttpResponse<String> chunked = agent.send(agent.request("/api/v1/config").header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes()))), HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(codes(body(declared))).containsExactly("api.body_too_large");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(agent.get("/api/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotJsonIs415AndAMissingBodyIs400() throws Exception {
        HttpResponse<String> text = agent.put("/api/v1/config", "text/plain", "backend=synthetic");
        HttpResponse<String> empty = agent.put("/api/v1/config", "application/json", "");

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(codes(body(text))).containsExactly("api.not_json");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(codes(body(empty))).containsExactly("api.body_missing");
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> unknown = agent.get("/api/v1/nothing-here");
        HttpResponse<String> wrongMethod = agent.send(agent.request("/api/v1/status").DELETE(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(codes(body(unknown))).containsExactly("api.no_route");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(body(wrongMethod).get("message").asText()).contains("DELETE is not allowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void queryParametersAreCheckedStrictly() throws Exception {
        assertThat(codes(body(agent.get("/api/v1/frames?limit=0")))).containsExactly("api.out_of_range");
        assertThat(codes(body(agent.get("/api/v1/frames?limit=1001")))).containsExactly("api.out_of_range");
        assertThat(codes(body(agent.get("/api/v1/frames?limit=ten")))).containsExactly("api.out_of_range");
        assertThat(codes(body(agent.get("/api/v1/frames?after=nonsense")))).containsExactly("api.frame_id");
        assertThat(codes(body(agent.get("/api/v1/frames?afterr=" + FolderFrames.EPOCH + "-1"))))
                .containsExactly("api.unknown_parameter");
        assertThat(codes(body(agent.get("/api/v1/frames?limit=1&limit=2")))).containsExactly("api.repeated_parameter");
        assertThat(codes(body(agent.get("/api/v1/status?verbose=1")))).containsExactly("api.unknown_parameter");
        assertThat(agent.get("/api/v1/frames?after=" + FolderFrames.EPOCH + "-1&limit=1000").statusCode())
                .isEqualTo(200);
    }

    /** Paths a client might try to reach files outside the store with, each answered 4xx in JSON. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/api/v1/frames/..%2F..%2Fetc%2Fpasswd",
        "/api/v1/frames/..%2F..%2Fetc%2Fpasswd-1",
        "/api/v1/frames/%2e%2e%2f-1",
        "/api/v1/frames/../../etc/passwd",
        "/api/v1/frames/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/v1/frames/%2Fetc%2Fpasswd",
        "/api/v1/frames/e7f3a9c-1%00.jpg",
        "/api/v1/frames/e7f3a9c-1%2500",
        "/api/v1/frames/e7f3a9c-1%zz",
        "/api/v1/frames/e7f3a9c-01",
        "/api/v1/frames/e7f3a9c-0",
        "/api/v1/frames/e7f3a9c-99999999999999999999",
        "/api/v1/frames/e7f3a9c-1;.jpg",
        "/api/v1/frames//etc/passwd",
        "/api/v1/frames/C:%5CWindows%5Cwin.ini",
        "/api/v1/frames/e7f3a9c-1/../../../etc/passwd",
        "/api/v1/frames/%c0%ae%c0%ae/etc/passwd",
        "/api/v1/logs/..%2F..%2Fetc%2Fpasswd",
        "/api/v1/capture/..%2Fstart"
    })
    void pathTricksNeverReachTheStore(String path) throws Exception {
        RawHttp.Response response = RawHttp.exchange(agent.port(), RawHttp.get(path));

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(response.text());
        assertThat(body.get("status").asInt()).isEqualTo(response.status());
        assertThat(agent.frames.askedFor).allSatisfy(id -> assertThat(id.epoch()).isEqualTo(FolderFrames.EPOCH));
        assertThat(agent.get("/api/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void garbageInsteadOfHttpIsAJson400AndLogged() throws Exception {
        RawHttp.Response response = RawHttp.exchange(agent.port(), "HELLO\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.text()).get("status").asInt()).isEqualTo(400);
        assertThat(agent.messages()).anySatisfy(message -> {
            assertThat(message.type()).isEqualTo(JsonErrorPages.REJECTED_MESSAGE);
            assertThat(message.get("status")).isEqualTo(400);
            assertThat(message.get("client")).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void anUnexpectedFailureIs500WithTheTaskButNotTheException() throws Exception {
        agent.camera.failure = new IllegalStateException("secret internals: /home/pi/.ssh");

        HttpResponse<String> response = agent.get("/api/v1/status");

        assertThat(response.statusCode()).isEqualTo(500);
        String task = response.headers().firstValue(RequestLog.TASK_HEADER).orElseThrow();
        assertThat(body(response).get("message").asText()).contains(task).doesNotContain("secret", "Exception");
        agent.requestEnd(task);
        assertThat(agent.ring.task(task)).anySatisfy(message -> {
            assertThat(message.type()).isEqualTo(ActionLog.TRACEBACK);
            assertThat(message.get(LogMessage.REASON)).isEqualTo("secret internals: /home/pi/.ssh");
        });
        assertThat(agent.ring.task(task)).anySatisfy(message -> {
            assertThat(message.type()).isEqualTo(RequestScope.RESPONSE_MESSAGE);
            assertThat(message.get("status")).isEqualTo(500);
        });
        agent.camera.failure = null;
        assertThat(agent.get("/api/v1/status").statusCode()).isEqualTo(200);
    }

    @Test
    void evenAnErrorInAHandlerIsA500InJsonAndTheAgentCarriesOn() throws Exception {
        agent.camera.severe = new StackOverflowError("deep");

        HttpResponse<String> response = agent.get("/api/v1/status");

        agent.camera.severe = null;
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(body(response).get("message").asText()).doesNotContain("deep");
        assertThat(agent.messages()).anySatisfy(message -> {
            assertThat(message.type()).isEqualTo("camera:api:error");
            assertThat(message.get("exception")).isEqualTo("java.lang.StackOverflowError");
        });
        assertThat(agent.get("/api/v1/status").statusCode()).isEqualTo(200);
    }

    @Test
    void theStoreOnlyEverSeesWellFormedFrameIds() {
        agent.get("/api/v1/frames/" + FolderFrames.EPOCH + "-1");
        agent.get("/api/v1/frames?after=other-epoch-7");

        assertThat(agent.frames.askedFor).as("one look-up per download, then the listing's cursor")
                .containsExactly(new FrameId(FolderFrames.EPOCH, 1), new FrameId("other-epoch", 7));
    }
}
