package studio.timelapse.camera.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.FrameInfo;

/** Downloading a frame over real HTTP: whole, in ranges, conditionally, by HEAD, and cut off by the client. */
class FrameDownloadTest {
    private static final Instant WRITTEN = Instant.parse("2026-06-21T04:00:02Z");

    @TempDir
    Path home;
    private RunningAgent agent;
    private byte[] jpeg;
    private FrameInfo frame;

    @BeforeEach
    void start() throws Exception {
        agent = new RunningAgent(home);
        jpeg = new byte[100_000];
        new Random(7).nextBytes(jpeg);
        frame = agent.frames.add(jpeg);
        Files.setLastModifiedTime(agent.frames.path(frame.id()), FileTime.from(WRITTEN));
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private String url() {
        return "/api/v1/frames/" + frame.id();
    }

    @Test
    void theWholeFrameComesWithItsValidatorsAndDigest() throws Exception {
        HttpResponse<byte[]> response = agent.send(agent.request(url()).GET(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(jpeg);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(jpeg.length);
        assertThat(response.headers().firstValue("ETag")).contains("\"" + frame.sha256() + "\"");
        assertThat(response.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(response.headers().firstValue("Last-Modified")).contains("Sun, 21 Jun 2026 04:00:02 GMT");
        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(jpeg));
        assertThat(response.headers().firstValue("Repr-Digest")).contains("sha-256=:" + digest + ":");
    }

    @Test
    void aRangeComesAs206WithContentRangeAndTheWholeFilesDigest() {
        HttpResponse<byte[]> response = agent.send(agent.request(url()).header("Range", "bytes=1000-1999").GET(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(jpeg, 1000, 2000));
        assertThat(response.headers().firstValue("Content-Range")).contains("bytes 1000-1999/100000");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(1000);
        assertThat(response.headers().firstValue("Repr-Digest")).isPresent();
    }

    @Test
    void aResumedDownloadWithIfRangeGetsTheRestOrTheWholeFrame() {
        HttpResponse<byte[]> rest = agent.send(agent.request(url()).header("Range", "bytes=60000-")
                .header("If-Range", "\"" + frame.sha256() + "\"").GET(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> changed = agent.send(agent.request(url()).header("Range", "bytes=60000-")
                .header("If-Range", "\"an-older-frame\"").GET(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(jpeg, 60000, jpeg.length));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(jpeg);
    }

    @Test
    void anUnsatisfiableRangeIs416WithTheLengthAndAJsonError() {
        HttpResponse<String> response = agent.get(url(), "Range", "bytes=200000-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).contains("bytes */100000");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"status\":416", "api.range_not_satisfiable");
    }

    @Test
    void headGivesTheSameHeadersAndNoBody() {
        RawHttp.Response head = RawHttp.exchange(agent.port(),
                "HEAD " + url() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=0-9\r\nConnection: close\r\n\r\n");

        assertThat(head.status()).as("HEAD ignores Range").isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("100000");
        assertThat(head.header("ETag")).isEqualTo("\"" + frame.sha256() + "\"");
        assertThat(head.header("Repr-Digest")).startsWith("sha-256=:");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aClientWithTheFrameGets304WithoutABody() {
        HttpResponse<String> response = agent.get(url(), "If-None-Match", "\"" + frame.sha256() + "\"");

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).contains("\"" + frame.sha256() + "\"");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    }

    @Test
    void aFrameWhoseFileIsGoneIs404AndAnUnknownFrameToo() throws Exception {
        agent.frames.deleteFile(frame.id());

        HttpResponse<String> gone = agent.get(url());
        HttpResponse<String> unknown = agent.get("/api/v1/frames/" + FolderFrames.EPOCH + "-99");

        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("no longer on the camera");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("frame.not_found");
    }

    @Test
    void aClientThatHangsUpMidBodyIsLoggedAsCutAndTheAgentCarriesOn() throws Exception {
        byte[] large = new byte[24 * 1024 * 1024];
        new Random(8).nextBytes(large);
        FrameInfo big = agent.frames.add(large);
        String task;
        try (Socket socket = RawHttp.connect(agent.port())) {
            socket.getOutputStream().write(RawHttp.get("/api/v1/frames/" + big.id()).getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            RawHttp.Response head = RawHttp.readHead(in);
            assertThat(head.status()).isEqualTo(200);
            task = head.header(RequestLog.TASK_HEADER);
            assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
        } // hangs up with megabytes still to come

        LogMessage end = agent.requestEnd(task);
        assertThat(end.get("status")).isEqualTo(200);
        assertThat(end.get("cut")).isEqualTo(true);
        assertThat(((Number) end.get("bytes_sent")).longValue()).isLessThan(large.length);
        assertThat(agent.ring.task(task)).extracting(LogMessage::type).doesNotContain(ActionLog.TRACEBACK);
        assertThat(agent.get(url()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCompleteDownloadIsLoggedWithTheBytesSent() {
        HttpResponse<String> response = agent.get(url(), "Range", "bytes=0-99");

        LogMessage end = agent.requestEnd(response);
        assertThat(end.get("status")).isEqualTo(206);
        assertThat(((Number) end.get("bytes_sent")).longValue()).isEqualTo(100);
        assertThat(end.get("cut")).isNull();
    }
}
