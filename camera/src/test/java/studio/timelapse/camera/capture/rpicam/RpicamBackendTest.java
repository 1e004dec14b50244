package studio.timelapse.camera.capture.rpicam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.timelapse.camera.capture.rpicam.RpicamArgumentsTest.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.capture.process.BackgroundCapture;
import studio.timelapse.camera.capture.process.Executables;
import studio.timelapse.camera.capture.process.FakeTool;
import studio.timelapse.camera.capture.JpegCheck;
import studio.timelapse.camera.capture.process.TestJpegs;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The Pi camera backend against a fake rpicam-still that takes exactly the options rpicam-apps documents: frames,
 * settings, the tool's failures in its own words, a tool that hangs, and output that is not a JPEG.
 */
@DisabledOnOs(OS.WINDOWS)
class RpicamBackendTest {
    /** rpicam-still's options that the backend may use (rpicam-apps core/options.cpp and still_options.hpp). */
    static final Map<String, String> RPICAM_STILL_OPTIONS = Map.ofEntries(
            Map.entry("--nopreview", "flag"), Map.entry("--immediate", "flag"), Map.entry("--hdr", "flag"),
            Map.entry("--timeout", "value"), Map.entry("--width", "value"), Map.entry("--height", "value"),
            Map.entry("--quality", "value"), Map.entry("--shutter", "value"), Map.entry("--gain", "value"),
            Map.entry("--awb", "value"), Map.entry("--metadata", "value"), Map.entry("--output", "output"));

    @TempDir
    Path dir;

    private final RecordingLog recording = new RecordingLog();
    private FakeTool rpicam;
    private Path target;
    private RpicamBackend backend;

    @BeforeEach
    void installTheFake() {
        rpicam = FakeTool.install(dir.resolve("tools"), "rpicam-still", RPICAM_STILL_OPTIONS)
                .printing(RpicamMetadataTest.METADATA);
        TestJpegs.write(rpicam.frame(), 64, 48);
        target = dir.resolve("frame.tmp");
        backend = backendOn(rpicam.path());
    }

    @AfterEach
    void theToolWasOnlyGivenOptionsItKnows() {
        backend.close();
        recording.close();
        assertThat(rpicam.unexpectedOptions()).isEmpty();
    }

    @Test
    void aFrameIsAJpegWithItsSizeAndTheExposureTheCameraReported() throws Exception {
        CaptureResult result = backend.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)), target);

        assertThat(result.width()).isEqualTo(64);
        assertThat(result.height()).isEqualTo(48);
        assertThat(result.exposure()).containsEntry("shutter_s", 0.033321).containsEntry("gain", 2.5)
                .containsEntry("lux", 312.25).containsEntry("colour_temperature", 4987);
        assertThat(JpegCheck.verify(target).width()).isEqualTo(64);
        assertThat(rpicam.lastCall()).containsExactly("--nopreview", "--timeout", "10", "--quality", "90",
                "--metadata", "-", "--output", target.toString());
    }

    @Test
    void theCaptureIsAnActionWithTheCommandLineExitCodeAndDuration() throws Exception {
        backend.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)), target);

        List<LogMessage> capture = recording.ofType("camera:rpicam:capture");
        assertThat(capture).extracting(LogMessage::actionStatus)
                .containsExactly(Optional.of(ActionStatus.STARTED), Optional.of(ActionStatus.SUCCEEDED));
        assertThat(capture.get(1).get("width")).isEqualTo(64);
        assertThat(recording.ofType("camera:rpicam:command").get(0).text("command")).hasValueSatisfying(command ->
                assertThat(command).startsWith(rpicam.executable() + " --nopreview --timeout 10"));
        LogMessage exited = recording.ofType("camera:process:exited").get(0);
        assertThat(exited.get("exit_code")).isEqualTo(0);
        assertThat(exited.number("duration_ms")).isPresent();
        assertThat(exited.taskUuid()).isEqualTo(capture.get(0).taskUuid());
    }

    @Test
    void everySettingTogetherReachesTheToolAsOptionsItKnows() throws Exception {
        backend.capture(request(settings(2304, 1296, 95, 0.5, 1.0, 3200, true), Duration.ofSeconds(30)), target);

        assertThat(rpicam.lastCall()).containsSequence("--shutter", "500000", "--gain", "1", "--awb", "tungsten",
                "--hdr");
    }

    @Test
    void withoutRpicamStillTheOlderLibcameraStillIsUsed() throws Exception {
        FakeTool libcamera = FakeTool.install(dir.resolve("bullseye"), "libcamera-still", RPICAM_STILL_OPTIONS);
        TestJpegs.write(libcamera.frame(), 32, 24);
        RpicamBackend older = backendOn(libcamera.path());

        CaptureResult result = older.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)), target);

        assertThat(result.width()).isEqualTo(32);
        assertThat(libcamera.calls()).hasSize(1);
        assertThat(libcamera.unexpectedOptions()).isEmpty();
        assertThat(rpicam.calls()).isEmpty();
    }

    @Test
    void withNeitherToolTheSetupIsWrongAndSaysWhatToInstall() {
        RpicamBackend bare = backendOn(Executables.fromPath(dir.resolve("empty").toString()));

        assertCaptureFails(bare, Kind.MISCONFIGURED, "install rpicam-apps");
    }

    @Test
    void noCameraOnTheRibbonIsADisconnectedCamera() {
        rpicam.willRun("fail:255:[0:01:02.3] INFO Camera camera_manager.cpp:284 libcamera v0.3.0\\n"
                + "ERROR: *** no cameras available ***");

        assertCaptureFails(backend, Kind.DISCONNECTED, "no cameras available");
    }

    @Test
    void aCameraHeldByAnotherProgramIsBusy() {
        rpicam.willRun("fail:255:ERROR: *** failed to acquire camera /base/soc/i2c0mux/i2c@1/imx708@1a ***");

        assertCaptureFails(backend, Kind.BUSY, "another program holds the camera");
    }

    @Test
    void aToolTooOldForAnOptionIsAMisconfiguration() {
        rpicam.willRun("fail:255:ERROR: *** unrecognised option '--metadata' ***");

        assertCaptureFails(backend, Kind.MISCONFIGURED, "unrecognised option '--metadata'");
    }

    @Test
    void anyOtherFailureCarriesTheToolsLastWords() {
        rpicam.willRun("fail:1:Still capture image received\\nERROR: *** failed to allocate capture buffers ***");

        assertCaptureFails(backend, Kind.FAILED, "exited with 1: Still capture image received | ERROR: *** failed "
                + "to allocate capture buffers ***");
    }

    @Test
    void aHangingToolIsKilledWithItsChildAtTheDeadline() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-06-21T12:00:00Z"));
        RpicamBackend frozen = new RpicamBackend(recording.log(), RpicamConfig.defaults().withTools(rpicam.path())
                .withClock(clock).withExposureSettle(Duration.ofMillis(10)));
        rpicam.willRun("hang");

        try (BackgroundCapture capture = BackgroundCapture.start(frozen,
                new CaptureRequest(FrameSettings.automatic(), clock.instant(), clock.instant().plusSeconds(5)),
                target)) {
            List<Long> pids = rpicam.awaitHanging();
            clock.advance(Duration.ofSeconds(5));

            CaptureException failure = capture.failure();
            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure).hasMessageContaining("did not finish within");
            assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid %d", pid).isFalse());
        }
        assertThat(target).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "empty", "nothing", "truncated", "raw"})
    void whatIsNotAWholeJpegIsBadOutputAndRemoved(String behaviour) {
        rpicam.willRun(behaviour);

        assertCaptureFails(backend, Kind.BAD_OUTPUT, "");

        assertThat(target).doesNotExist();
    }

    @Test
    void withoutMetadataOnStdoutTheExposureComesFromTheExif() throws Exception {
        rpicam.printing("");
        TestJpegs.write(rpicam.frame(),
                TestJpegs.withExif(TestJpegs.jpeg(64, 48), 1, 60, 200, 18, "2024:05:01 06:30:00"));

        CaptureResult result = backend.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)), target);

        assertThat(result.exposure()).containsEntry("shutter_s", 1 / 60.0).containsEntry("iso", 200)
                .containsEntry("gain", 2.0);
    }

    @Test
    void aFailedCaptureFailsItsActionWithTheReason() {
        rpicam.willRun("fail:255:ERROR: *** no cameras available ***");

        assertCaptureFails(backend, Kind.DISCONNECTED, "");

        LogMessage end = recording.ofType("camera:rpicam:capture").get(1);
        assertThat(end.actionStatus()).hasValue(ActionStatus.FAILED);
        assertThat(end.text("exception")).hasValue(CaptureException.class.getName());
        assertThat(end.text("reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no cameras available"));
    }

    @Test
    void aResetKillsAToolLeftRunningThatHoldsTheCamera() throws Exception {
        rpicam.willRun("hang");
        Process leftOver = new ProcessBuilder(rpicam.executable().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> pids = rpicam.awaitHanging();

        backend.reset();

        assertThat(leftOver.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid %d", pid).isFalse());
        assertThat(recording.ofType("camera:rpicam:reset").get(1).get("killed")).isEqualTo(List.of(pids.get(0)));
    }

    @Test
    void itDeclaresManualExposureHdrAndItsSensor() {
        assertThat(backend.name()).isEqualTo("rpicam");
        assertThat(backend.capabilities().manualExposure()).isTrue();
        assertThat(backend.capabilities().hdr()).isTrue();
        assertThat(backend.capabilities().maxWidth()).isEqualTo(4608);
    }

    private RpicamBackend backendOn(Executables path) {
        return new RpicamBackend(recording.log(),
                RpicamConfig.defaults().withTools(path).withExposureSettle(Duration.ofMillis(10)));
    }

    private void assertCaptureFails(RpicamBackend which, Kind kind, String message) {
        assertCaptureFails(which, request(FrameSettings.automatic(), Duration.ofSeconds(30)), kind, message);
    }

    private void assertCaptureFails(RpicamBackend which, CaptureRequest request, Kind kind, String message) {
        assertThatThrownBy(() -> which.capture(request, target))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }

    static CaptureRequest request(FrameSettings settings, Duration timeout) {
        Instant now = Instant.now();
        return new CaptureRequest(settings, now, now.plus(timeout));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
