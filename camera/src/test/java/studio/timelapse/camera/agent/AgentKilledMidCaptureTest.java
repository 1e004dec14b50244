package studio.timelapse.camera.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.api.ApiJson;
import studio.timelapse.camera.cli.CameraMain;
import studio.timelapse.camera.security.PairableAgent;
import studio.timelapse.camera.security.TestStudio;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.testing.ChildJvm;

/**
 * The whole agent process, started as {@code ./timelapse camera run} starts it, killed with {@code kill -9} while the
 * camera is writing a frame, and started again on the same folder: what a studio then sees over HTTPS is whole frames
 * numbered without a hole, and the capture carries on by itself.
 *
 * <p>The agent is frozen ({@code SIGSTOP}) while a frame is being written, and killed only if the frame's temporary
 * file is there in the frozen state; so the kill always lands mid-write, however busy the machine.
 */
class AgentKilledMidCaptureTest {
    /** Generous: a loaded 2-core machine starts a JVM with Jetty and TLS in seconds, sometimes tens of seconds. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern PORT_LINE = Pattern.compile("Camera agent '.*' on https port (\\d+)");
    private static final ObjectMapper JSON = ApiJson.mapper();

    @TempDir
    Path home;

    @Test
    void killedWhileWritingAFrameTheRestartedAgentServesOnlyWholeGapFreeFramesAndCapturesOn() throws Exception {
        AgentSettingsFile settings = new AgentSettingsFile(home);
        settings.save(settings.loadOrCreate().withCapture(new CaptureConfig("synthetic",
                FrameSettings.automatic().withSize(320, 180), ScheduleConfig.every(0.5), Optional.empty())));

        TestStudio studio;
        List<FrameInfo> beforeKill;
        Path partial;
        try (ChildJvm first = startAgent()) {
            studio = new TestStudio(agentAt(portOf(first)), "Laptop").withToken();
            TestStudio.Response started = studio.postWithToken("/api/v1/capture/start", Map.of());
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> listAll(studio).size() >= 3);
            beforeKill = listAll(studio);

            partial = freezeWhileAFrameIsWritten(first);
            first.killHard();
        }
        assertThat(partial).as("the frame being written when the agent died").exists();
        String epoch = beforeKill.get(0).id().epoch();

        try (ChildJvm second = startAgent()) {
            studio.reconnect(agentAt(portOf(second))).freshToken();
            AgentStatus status = JSON.readValue(studio.get("/api/v1/status").body(), AgentStatus.class);
            assertThat(status.state()).as("the capture running at the kill runs again").isEqualTo("CAPTURING");
            long atRestart = listAll(studio).size();
            await("capture going on after the restart").atMost(PATIENCE)
                    .until(() -> listAll(studio).size() >= atRestart + 3);

            TestStudio.Response stopped = studio.postWithToken("/api/v1/capture/stop", Map.of());
            assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
            List<FrameInfo> frames = listAll(studio);

            assertThat(frames).extracting(f -> f.id().epoch()).as("one epoch").containsOnly(epoch);
            assertThat(frames).extracting(f -> f.id().sequence()).as("sequence numbers without a hole")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, frames.size()).boxed().toList());
            assertThat(frames.subList(0, beforeKill.size())).as("frames listed before the kill, unchanged")
                    .isEqualTo(beforeKill);
            for (FrameInfo frame : frames) {
                HttpResponse<byte[]> download = studio.getBytes("/api/v1/frames/" + frame.id().epoch() + "-"
                        + frame.id().sequence());
                assertThat(download.statusCode()).isEqualTo(200);
                assertThat(sha256(download.body())).as("downloaded bytes of " + frame.id()).isEqualTo(frame.sha256());
                assertThat((long) download.body().length).isEqualTo(frame.size());
            }

            assertThat(partial).as("the partial frame, cleared away at the restart").doesNotExist();
            assertThat(temporaryFiles()).as("temporary files after the capture stopped").isEmpty();
            assertThat(frameFilesOnDisk()).as("every frame file on disk is an indexed frame, and the other way round")
                    .containsExactlyInAnyOrderElementsOf(frames.stream().map(f -> fileName(f.id())).toList());
        }
    }

    private ChildJvm startAgent() throws IOException {
        return ChildJvm.start(CameraMain.class, Map.of(AppHome.AGENT_HOME_VARIABLE, home.toString()),
                "run", "--host", "127.0.0.1", "--port", "0");
    }

    private static int portOf(ChildJvm agent) throws InterruptedException {
        String line = agent.awaitLine("Camera agent ", PATIENCE);
        Matcher matcher = PORT_LINE.matcher(line);
        assertThat(matcher.matches()).as(line).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** The agent on {@code port}; its pairing window is opened by {@code timelapse camera pair}, another process. */
    private PairableAgent agentAt(int port) {
        return new PairableAgent() {
            @Override
            public URI uri(String path) {
                return URI.create("https://127.0.0.1:" + port + path);
            }

            @Override
            public String openWindow() {
                try (ChildJvm console = ChildJvm.start(CameraMain.class,
                        Map.of(AppHome.AGENT_HOME_VARIABLE, home.toString()), "pair")) {
                    String line = console.awaitLine("  code ", PATIENCE);
                    assertThat(console.awaitExit(PATIENCE)).as(console.output()).isZero();
                    return line.substring("  code ".length()).replaceAll("\\D", "");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /**
     * Freezes the agent with {@code SIGSTOP} at a moment when a frame's temporary file exists, and returns that file;
     * at other moments the agent is let go on and tried again.
     */
    private Path freezeWhileAFrameIsWritten(ChildJvm agent) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!temporaryFiles().isEmpty()) {
                signal("STOP", agent.pid());
                List<Path> frozen = temporaryFiles();
                if (!frozen.isEmpty()) {
                    return frozen.get(0);
                }
                signal("CONT", agent.pid());
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no frame was being written within " + PATIENCE + "; the agent said:\n"
                + agent.output());
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " " + pid + " failed");
        }
    }

    private static List<FrameInfo> listAll(TestStudio studio) throws IOException {
        List<FrameInfo> frames = new ArrayList<>();
        String after = "";
        while (true) {
            TestStudio.Response response = studio.get("/api/v1/frames?limit=1000" + after);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            FramePage page = JSON.readValue(response.body(), FramePage.class);
            frames.addAll(page.frames());
            if (page.next().isEmpty()) {
                return frames;
            }
            after = "&after=" + page.next().get().epoch() + "-" + page.next().get().sequence();
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        Path incoming = home.resolve("frames").resolve(".incoming");
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.toList();
        }
    }

    private List<String> frameFilesOnDisk() throws IOException {
        Path frames = home.resolve("frames");
        try (Stream<Path> files = Files.walk(frames)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(frames.resolve(".incoming")))
                    .map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".jpg")).toList();
        }
    }

    private static String fileName(FrameId id) {
        return String.format("%s-%08d.jpg", id.epoch(), id.sequence());
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
