package studio.timelapse.desktop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskTree;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.testing.LogFiles;

/**
 * The README's headless main job, for real: a camera agent in its own process on loopback, the real pairing flow
 * (code read from the camera's console), capture of a short simulated day, sync of every frame as it is announced,
 * and a render that FFmpeg decodes back.
 */
class DemoTest {

    @TempDir
    Path home;

    @Test
    void theDemoCapturesSyncsAndRendersASimulatedDayEndToEnd() throws Exception {
        StringWriter printed = new StringWriter();
        Demo.Options options = new Demo.Options(home, Duration.ofSeconds(12), 0.5, 320, 240, true);
        Demo.Result result;
        try (ActionLog log = ActionLog.builder("studio").logDirectory(home.resolve("logs")).build()) {
            result = new Demo(options, new PrintWriter(printed)).run(log);
        }

        assertThat(result.framesCaptured()).isEqualTo(24);
        assertThat(result.framesInLibrary()).as(printed.toString()).isEqualTo(24);
        assertThat(result.video()).hasValueSatisfying(video -> {
            assertThat(video).exists();
            assertThat(video).isEqualTo(home.resolve("videos/demo-day.mp4").toAbsolutePath());
        });
        assertThat(studio.timelapse.desktop.render.VideoProbe.streamSummary(result.video().orElseThrow()))
                .contains("codec_name=h264", "nb_read_frames=24");
        assertThat(printed.toString()).contains("Pairing with code", "24/24 frames in the library", "Done.");

        // The demo's task holds its steps; the camera's side of the pairing continues it in the camera's own log.
        List<LogMessage> messages = new ArrayList<>(LogFiles.readAll(home.resolve("logs")));
        messages.addAll(LogFiles.readAll(home.resolve("demo-camera/logs")));
        TaskTree tree = TaskTree.of(result.taskUuid(), messages);
        assertThat(tree.complete()).isTrue();
        assertThat(messages).anySatisfy(message -> {
            assertThat(message.taskUuid()).isEqualTo(result.taskUuid());
            assertThat(message.get("process")).asString().contains("camera");
        });
    }

    @Test
    void aCameraTooSlowForTheIntervalSetsThePaceOfTheDay() {
        RefusedException tooShort = new RefusedException(Refusal.of(Refusal.Kind.INVALID, "config.interval_too_short",
                "The synthetic camera needs at least 1.37 s between 1280x720 frames on this machine",
                "capture every 1.37 s or more").withDetails(Map.of("field", "schedule.intervalSeconds",
                        "min_interval_ms", 1370)));
        RefusedException other = new RefusedException(Refusal.of(Refusal.Kind.INVALID, "config.invalid", "bad"));

        assertThat(Demo.slowestKeptUp(tooShort)).contains(1.4);
        assertThat(Demo.slowestKeptUp(other)).isEmpty();
    }
}
