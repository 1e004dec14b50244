package studio.timelapse.bench.agent;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;

/**
 * What a studio does to an agent before the agent is left alone, so that its idle footprint is measured in the state
 * it idles in: pairs, gets a token, configures the synthetic camera (640x360, one frame every {@code --interval}
 * seconds), starts the capture, waits for {@code --frames} frames, lists and downloads them, and then leaves the
 * capture {@code running} or {@code stopped}; or, with {@code keep} (a restarted agent, whose capture resumed or
 * stayed stopped), only pairs, lists and downloads. Run by {@code bench/agent-idle.sh}, which opens the pairing
 * window.
 *
 * <pre>
 * IdleStudio --port P --code C [--capture running|stopped|keep] [--interval 10] [--frames 3]
 * </pre>
 */
public final class IdleStudio {
    private IdleStudio() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String capture = options.getOrDefault("capture", "running");
        if (!List.of("running", "stopped", "keep").contains(capture)) {
            throw new IllegalArgumentException("--capture is running, stopped or keep, not " + capture);
        }
        double interval = Double.parseDouble(options.getOrDefault("interval", "10"));
        int wanted = Integer.parseInt(options.getOrDefault("frames", "3"));

        BenchStudio studio = BenchStudio.pair(Integer.parseInt(options.get("port")), options.get("code"));
        if (!capture.equals("keep")) {
            CaptureConfig config = new CaptureConfig("synthetic", FrameSettings.automatic().withSize(640, 360),
                    ScheduleConfig.every(interval), Optional.empty());
            Optional<Long> shortest = studio.refusedInterval(config);
            if (shortest.isPresent()) {
                throw new IOException("the agent cannot capture 640x360 every " + interval + " s (shortest: "
                        + shortest.get() + " ms)");
            }
            studio.post("/api/v1/capture/start", Map.of(), AgentStatus.class);
        }
        List<FrameInfo> frames;
        long deadline = System.nanoTime() + (long) ((wanted + 2) * interval * 1e9) + 120_000_000_000L;
        do {
            Thread.sleep(500);
            frames = studio.get("/api/v1/frames?limit=100", FramePage.class).frames();
            if (System.nanoTime() > deadline) {
                throw new IOException("the agent took only " + frames.size() + " frames");
            }
        } while (frames.size() < wanted);
        long bytes = 0;
        for (FrameInfo frame : frames) {
            HttpResponse<byte[]> answer = studio.client().send(studio.request("/api/v1/frames/" + frame.id().epoch()
                    + "-" + frame.id().sequence()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200 || answer.body().length != frame.size()) {
                throw new IOException("frame " + frame.id() + ": " + answer.statusCode());
            }
            bytes += answer.body().length;
        }
        if (capture.equals("stopped")) {
            studio.post("/api/v1/capture/stop", Map.of(), AgentStatus.class);
        }
        System.out.printf(Locale.ROOT, "studio: paired, %d frames (%d bytes) downloaded, capture %s%n", frames.size(),
                bytes, capture.equals("keep") ? "as it was" : capture + " (640x360 every " + interval + " s)");
    }
}
