package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.timelapse.camera.capture.synthetic.Frames.at;
import static studio.timelapse.camera.capture.synthetic.Frames.auto;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studio.timelapse.camera.capture.BackendCapabilities;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.testing.RecordingLog;

/** The synthetic camera as a backend: what it writes, how reproducibly, and what it reports and logs. */
class SyntheticCameraTest {
    @TempDir
    Path folder;

    private final RecordingLog recording = new RecordingLog();
    private final SyntheticCamera camera = SyntheticCamera.builder(recording.log()).build();

    @AfterEach
    void close() {
        camera.close();
        recording.close();
    }

    private Path capture(SyntheticCamera with, CaptureRequest request, String name) throws Exception {
        Path target = folder.resolve(name);
        with.capture(request, target);
        return target;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"64, 48", "333, 211", "1, 1", "17, 300", "640, 480", "4056, 3040"})
    void writesAJpegThatDecodesAtTheAskedSize(int width, int height) throws Exception {
        CaptureResult result = camera.capture(at("09:30", auto(width, height)), folder.resolve("frame.jpg"));

        BufferedImage image = Frames.read(folder.resolve("frame.jpg"));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(result.width()).isEqualTo(width);
        assertThat(result.height()).isEqualTo(height);
    }

    @Test
    void fullResolutionIsFullHd() throws Exception {
        CaptureResult result = camera.capture(at("09:30", FrameSettings.automatic()), folder.resolve("frame.jpg"));

        BufferedImage image = Frames.read(folder.resolve("frame.jpg"));
        assertThat(image.getWidth()).isEqualTo(1920);
        assertThat(image.getHeight()).isEqualTo(1080);
        assertThat(result.width()).isEqualTo(1920);
    }

    @Test
    void refusesFramesLargerThanTheSensorAndWritesNothing() {
        Path target = folder.resolve("frame.jpg");

        assertThatThrownBy(() -> camera.capture(at("09:30", auto(4057, 3040)), target))
                .isInstanceOfSatisfying(CaptureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaptureException.Kind.MISCONFIGURED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("4056x3040", "4057x3040");
                });
        assertThat(target).doesNotExist();
    }

    @Test
    void theSameSeedSlotAndSettingsGiveTheSameBytes() throws Exception {
        Path first = capture(camera, at("07:15", auto(320, 180)), "first.jpg");
        capture(camera, at("07:15", auto(200, 100)), "other-size.jpg");
        Path again = capture(camera, at("07:15", auto(320, 180)), "again.jpg");
        Path fresh;
        try (SyntheticCamera another = SyntheticCamera.builder(recording.log()).build()) {
            fresh = capture(another, at("07:15", auto(320, 180)), "fresh.jpg");
        }

        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(fresh)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void theNumberOfRenderThreadsDoesNotChangeTheFrame() throws Exception {
        Path single;
        Path several;
        try (SyntheticCamera one = SyntheticCamera.builder(recording.log()).renderThreads(1).build();
                SyntheticCamera three = SyntheticCamera.builder(recording.log()).renderThreads(3).build()) {
            single = capture(one, at("18:05", auto(333, 211)), "one.jpg");
            several = capture(three, at("18:05", auto(333, 211)), "three.jpg");
        }

        assertThat(Files.readAllBytes(several)).isEqualTo(Files.readAllBytes(single));
    }

    @Test
    void differentInstantsAndSeedsGiveDifferentFrames() throws Exception {
        Path noon = capture(camera, at("12:00:00", auto(160, 120)), "noon.jpg");
        Path secondLater = capture(camera, at("12:00:01", auto(160, 120)), "later.jpg");
        Path otherSeed;
        try (SyntheticCamera seven = SyntheticCamera.builder(recording.log()).seed(7).build()) {
            otherSeed = capture(seven, at("12:00:00", auto(160, 120)), "seven.jpg");
        }

        assertThat(Files.readAllBytes(secondLater)).isNotEqualTo(Files.readAllBytes(noon));
        assertThat(Files.readAllBytes(otherSeed)).isNotEqualTo(Files.readAllBytes(noon));
    }

    @Test
    void higherQualityWritesLargerFiles() throws Exception {
        Path low = capture(camera, at("10:00", Frames.quality(auto(640, 480), 30)), "q30.jpg");
        Path high = capture(camera, at("10:00", Frames.quality(auto(640, 480), 95)), "q95.jpg");

        assertThat(Files.size(high)).isGreaterThan(Files.size(low) * 2);
    }

    @Test
    void reportsTheExposureItUsed() throws Exception {
        CaptureResult locked = camera.capture(at("10:00", auto(64, 48).withExposure(0.002, 2)),
                folder.resolve("locked.jpg"));
        CaptureResult automatic = camera.capture(at("10:00", auto(64, 48)), folder.resolve("auto.jpg"));

        assertThat(locked.exposure()).containsEntry("shutter_s", 0.002).containsEntry("gain", 2.0)
                .containsEntry("auto_exposure", false).containsEntry("scene_time", "2026-06-21T10:00:00Z")
                .containsKeys("mean_luma", "sun_altitude_deg");
        assertThat(automatic.exposure()).containsEntry("auto_exposure", true).containsKeys("shutter_s", "gain");
        assertThat((double) automatic.exposure().get("mean_luma")).isBetween(60.0, 180.0);
    }

    @Test
    void datesTheFrameByTheClockAndShowsTheSceneClocksTime() throws Exception {
        Instant start = Instant.parse("2026-11-28T09:00:00Z");
        SceneClock dayInTwoMinutes = SceneClock.dayIn(Duration.ofMinutes(2), start, Frames.midsummer("00:00"));
        Instant now = Instant.parse("2026-11-28T09:01:00Z");
        try (SyntheticCamera demo = SyntheticCamera.builder(recording.log()).sceneClock(dayInTwoMinutes)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
            CaptureResult result = demo.capture(new CaptureRequest(auto(64, 48), now, now.plusSeconds(5)),
                    folder.resolve("demo.jpg"));

            assertThat(result.capturedAt()).isEqualTo(now);
            assertThat(result.exposure()).containsEntry("scene_time", "2026-06-21T12:00:00Z");
            assertThat(demo.sceneTime(now)).isEqualTo(Frames.midsummer("12:00"));
        }
    }

    @Test
    void logsEachCaptureAsAnAction() throws Exception {
        camera.capture(at("10:00", auto(64, 48)), folder.resolve("frame.jpg"));

        LogMessage started = recording.ofType("camera:synthetic:capture").get(0);
        assertThat(started.fields()).containsEntry("width", 64).containsEntry("height", 48)
                .containsEntry("scene_time", "2026-06-21T10:00:00Z").containsEntry("action_status", "started");
        LogMessage ended = recording.ofType("camera:synthetic:capture").get(1);
        assertThat(ended.fields()).containsEntry("action_status", "succeeded").containsKeys("shutter_s", "gain",
                "mean_luma", "bytes");
    }

    @Test
    void aClosedCameraIsDisconnected() {
        camera.close();

        assertThatThrownBy(() -> camera.capture(at("10:00", auto(64, 48)), folder.resolve("frame.jpg")))
                .isInstanceOfSatisfying(CaptureException.class,
                        e -> assertThat(e.kind()).isEqualTo(CaptureException.Kind.DISCONNECTED));
    }

    @Test
    void offersManualExposureHdrAndThePiHqCamerasFullSize() {
        BackendCapabilities capabilities = camera.capabilities();

        assertThat(camera.name()).isEqualTo("synthetic");
        assertThat(capabilities.manualExposure()).isTrue();
        assertThat(capabilities.hdr()).isTrue();
        assertThat(capabilities.maxWidth()).isEqualTo(4056);
        assertThat(capabilities.maxHeight()).isEqualTo(3040);
    }

    @Test
    void aFolderThatIsNotThereFailsTheCaptureWithTheReason() throws IOException {
        Path missing = folder.resolve("no-such-folder").resolve("frame.jpg");

        assertThatThrownBy(() -> camera.capture(at("10:00", auto(64, 48)), missing))
                .isInstanceOfSatisfying(CaptureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaptureException.Kind.FAILED);
                    assertThat(e.getMessage()).contains("no-such-folder");
                });
        assertThat(recording.ofType("camera:synthetic:capture").get(1).fields()).containsEntry("action_status",
                "failed");
    }
}
