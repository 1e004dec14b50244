package studio.timelapse.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.camera.capture.synthetic.SyntheticCamera;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * Photo-like 4056×3040 JPEGs at quality 90, as the agent's synthetic camera renders them (landscape, sky, clouds,
 * sensor noise, the time burnt in), taken at {@link #frames} times of one day from dawn to dusk so that exposure and
 * content vary as in a real timelapse. Written once per trial to a temporary folder, deleted afterwards; the files
 * stay in the page cache, as freshly synced frames are.
 */
@State(Scope.Benchmark)
public class TwelveMegapixelFrames {
    static final int WIDTH = SyntheticCamera.MAX_WIDTH;
    static final int HEIGHT = SyntheticCamera.MAX_HEIGHT;

    @Param("8")
    public int frames;

    Path folder;
    List<Path> files;
    long totalBytes;

    @Setup(Level.Trial)
    public void render() throws Exception {
        folder = Files.createTempDirectory("ingest-bench");
        files = new ArrayList<>();
        FrameSettings settings = FrameSettings.automatic().withSize(WIDTH, HEIGHT);
        // Slot i (a second apart) shows the scene at 05:00 + i × 15 h / (frames - 1): dawn to dusk.
        Instant now = Instant.now();
        double speed = 15.0 * 3600 / Math.max(1, frames - 1);
        SceneClock day = SceneClock.accelerated(now, Instant.parse("2026-06-21T05:00:00Z"), speed);
        try (ActionLog log = ActionLog.builder("bench").build();
                SyntheticCamera camera = SyntheticCamera.builder(log).zone(ZoneOffset.UTC).sceneClock(day).build()) {
            for (int i = 0; i < frames; i++) {
                Instant slot = now.plusSeconds(i);
                Path file = folder.resolve(String.format("frame-%02d.jpg", i));
                camera.capture(new CaptureRequest(settings, slot, Instant.now().plusSeconds(600)), file);
                files.add(file);
                totalBytes += Files.size(file);
            }
        }
        System.out.printf("%n%d frames of %dx%d, %.1f MB on average, in %s%n", frames, WIDTH, HEIGHT,
                totalBytes / 1e6 / frames, folder);
    }

    Path file(int index) {
        return files.get(Math.floorMod(index, files.size()));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
