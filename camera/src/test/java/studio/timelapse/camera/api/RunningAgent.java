package studio.timelapse.camera.api;

import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.RingBufferSink;

/**
 * The agent's HTTP app on a real loopback port, built from real parts: frames as files, a camera on a real state
 * machine, an event hub, and an action log written to files (which the logs route reads) and kept in memory.
 */
final class RunningAgent implements AutoCloseable {
    static final String HUB_STREAM = "s1";

    final Path home;
    final RingBufferSink ring = new RingBufferSink(100_000);
    final ActionLog log;
    final FolderFrames frames;
    final MachineCamera camera;
    final EventHub hub;
    final Javalin app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RunningAgent(Path home) {
        this(home, builder -> { });
    }

    RunningAgent(Path home, Consumer<AgentApp.Builder> adjust) {
        this.home = home;
        log = ActionLog.builder("camera").host("testcam").logDirectory(home.resolve("logs")).sink(ring).build();
        frames = new FolderFrames(folder(home.resolve("frames")));
        camera = new MachineCamera(home.resolve("agent.db"), log, Clock.systemUTC());
        hub = new EventHub(HUB_STREAM, Clock.systemUTC(), 20, 40);
        AgentApp.Builder builder = AgentApp.builder(log).agent("cam-test", "0.1.0-test").frames(frames)
                .camera(camera).events(hub).logFolder(home.resolve("logs")).heartbeatEvery(Duration.ZERO);
        adjust.accept(builder);
        app = builder.build().start("127.0.0.1", 0);
    }

    private static Path folder(Path path) {
        try {
            return java.nio.file.Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return app.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)),
                HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<LogMessage> messages() {
        return ring.snapshot();
    }

    /** The ended request action of the task named in a response's {@code X-Timelapse-Task}, once it is logged. */
    LogMessage requestEnd(HttpResponse<?> response) {
        return requestEnd(response.headers().firstValue(RequestLog.TASK_HEADER).orElseThrow());
    }

    LogMessage requestEnd(String taskUuid) {
        await().atMost(Duration.ofSeconds(10)).until(() -> findRequestEnd(taskUuid).isPresent());
        return findRequestEnd(taskUuid).orElseThrow();
    }

    LogMessage requestStart(String taskUuid) {
        return ring.task(taskUuid).stream().filter(m -> m.type().equals(RequestScope.REQUEST_ACTION)
                && "started".equals(m.get(LogMessage.ACTION_STATUS))).findFirst().orElseThrow();
    }

    private Optional<LogMessage> findRequestEnd(String taskUuid) {
        return ring.task(taskUuid).stream().filter(m -> m.type().equals(RequestScope.REQUEST_ACTION)
                && !"started".equals(m.get(LogMessage.ACTION_STATUS))).findFirst();
    }

    @Override
    public void close() {
        app.stop();
        camera.close();
        log.close();
    }
}
