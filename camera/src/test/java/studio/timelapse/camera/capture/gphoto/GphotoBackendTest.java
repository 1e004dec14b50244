package studio.timelapse.camera.capture.gphoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.capture.process.BackgroundCapture;
import studio.timelapse.camera.capture.process.FakeTool;
import studio.timelapse.camera.capture.process.TestJpegs;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The DSLR backend against a fake gphoto2 that takes exactly the options gphoto2 documents and answers with
 * libgphoto2's own error words: frames, a busy camera retried within the deadline, a frozen one killed, a missing
 * one reported, and a reset that finds the camera on USB.
 */
@DisabledOnOs(OS.WINDOWS)
class GphotoBackendTest {
    /** The gphoto2 options the backend may use (gphoto2(1)). */
    static final Map<String, String> GPHOTO2_OPTIONS = Map.of("--port", "value", "--set-config", "value",
            "--capture-image-and-download", "flag", "--filename", "output", "--force-overwrite", "flag",
            "--auto-detect", "flag", "--reset", "flag");
    private static final String DEBUG_ADVICE = "\\n\\nFor debugging messages, please use the --debug option.\\n"
            + "Debugging messages may help finding a solution to your problem.";
    private static final String BUSY_IO = "fail:1:*** Error (-110: 'I/O in progress') ***" + DEBUG_ADVICE;
    private static final String BUSY_PTP = "fail:1:*** Error ***\\nPTP Device Busy\\n*** Error (-1: 'Unspecified "
            + "error') ***" + DEBUG_ADVICE;
    private static final String CLAIMED = "fail:1:*** Error ***\\nAn error occurred in the io-library ('Could not "
            + "claim the USB device'): Could not claim interface 0 (Device or resource busy).\\n*** Error (-53: "
            + "'Could not claim the USB device') ***" + DEBUG_ADVICE;

    @TempDir
    Path dir;

    private final RecordingLog recording = new RecordingLog();
    private FakeTool gphoto2;
    private Path target;
    private GphotoBackend backend;

    @BeforeEach
    void installTheFake() {
        gphoto2 = FakeTool.install(dir.resolve("tools"), "gphoto2", GPHOTO2_OPTIONS).printing(
                "New file is in location /capt0000.jpg on the camera\nSaving file as frame.tmp\n"
                        + "Deleting file /capt0000.jpg on the camera\n");
        TestJpegs.write(gphoto2.frame(),
                TestJpegs.withExif(TestJpegs.jpeg(60, 40), 1, 125, 400, 80, "2024:05:01 06:30:00"));
        target = dir.resolve("frame.tmp");
        backend = backend(GphotoConfig.builder().tools(gphoto2.path()).backoff(Duration.ofMillis(20),
                Duration.ofMillis(80)).build());
    }

    @AfterEach
    void theToolWasOnlyGivenOptionsItKnows() {
        backend.close();
        recording.close();
        assertThat(gphoto2.unexpectedOptions()).isEmpty();
    }

    @Test
    void aFrameIsCapturedDownloadedAndItsExposureReadFromTheExif() throws Exception {
        CaptureResult result = backend.capture(request(FrameSettings.automatic().withExposure(1 / 125.0, 4),
                Duration.ofSeconds(30)), target);

        assertThat(result.width()).isEqualTo(60);
        assertThat(result.exposure()).containsEntry("shutter_s", 0.008).containsEntry("iso", 400)
                .containsEntry("aperture", 8.0).containsEntry("camera_time", "2024:05:01 06:30:00");
        assertThat(gphoto2.lastCall()).containsExactly("--set-config", "shutterspeed=1/125", "--set-config", "iso=400",
                "--capture-image-and-download", "--filename", target.toString(), "--force-overwrite");
        assertThat(recording.ofType("camera:gphoto2:capture").get(1).get("width")).isEqualTo(60);
    }

    @Test
    void aBusyCameraIsAskedAgainAfterAShortDoublingWait() throws Exception {
        gphoto2.willRun(BUSY_IO, BUSY_PTP, CLAIMED, "jpeg");

        backend.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)), target);

        assertThat(gphoto2.calls()).hasSize(4);
        List<LogMessage> retries = recording.ofType("camera:gphoto2:retry");
        assertThat(retries).extracting(message -> message.get("attempt")).containsExactly(1, 2, 3);
        assertThat(retries).extracting(message -> message.get("wait_ms")).containsExactly(20L, 40L, 80L);
        assertThat(retries.get(0).text("reason"))
                .hasValue("the camera is busy: *** Error (-110: 'I/O in progress') ***");
    }

    @Test
    void aCameraBusyUntilTheDeadlineIsReportedBusyWithItsAttempts() {
        // Time moves only by the backend's waits, so how fast this machine runs the fake does not change the answer;
        // each run may still take up to the 20 s allowance in real time before it is killed.
        ManualClock clock = new ManualClock(Instant.parse("2026-06-21T12:00:00Z"));
        backend = backend(GphotoConfig.builder().tools(gphoto2.path()).clock(clock).sleeper(clock::advance)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(80)).captureAllowance(Duration.ofSeconds(20))
                .build());
        gphoto2.willRun(BUSY_PTP);

        // 20.3 s: after waits of 20, 40, 80 and 80 ms, 20.08 s are left, not enough for another wait and a capture.
        assertThatThrownBy(() -> backend.capture(request(FrameSettings.automatic(), clock.instant(),
                Duration.ofMillis(20_300)), target))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUSY))
                .hasMessageContaining("still busy after 5 attempts and the deadline leaves no time for another");

        assertThat(gphoto2.calls()).hasSize(5);
        assertThat(recording.ofType("camera:gphoto2:retry")).extracting(message -> message.get("wait_ms"))
                .containsExactly(20L, 40L, 80L, 80L);
    }

    @Test
    void aBusyCameraIsNotAskedAgainWhenTheDeadlineLeavesLessThanACaptureTakes() {
        ManualClock clock = new ManualClock(Instant.parse("2026-06-21T12:00:00Z"));
        backend = backend(GphotoConfig.builder().tools(gphoto2.path()).clock(clock).sleeper(clock::advance).build());
        gphoto2.willRun(BUSY_IO, "jpeg");

        // A busy answer comes at once, but the frame after it would need the 6.5 s a capture and download may take.
        assertThatThrownBy(() -> backend.capture(request(FrameSettings.automatic(), clock.instant(),
                Duration.ofSeconds(6)), target))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUSY))
                .hasMessageContaining("still busy after 1 attempt and");

        assertThat(gphoto2.calls()).hasSize(1);
    }

    @Test
    void aCameraThatIsNotThereIsDisconnected() {
        gphoto2.willRun("fail:1:*** Error: No camera found. ***" + DEBUG_ADVICE);

        assertCaptureFails(request(FrameSettings.automatic(), Duration.ofSeconds(30)), Kind.DISCONNECTED,
                "No camera found");

        assertThat(gphoto2.calls()).as("not retried").hasSize(1);
    }

    @Test
    void aSettingTheCameraDoesNotHaveIsAMisconfigurationWithoutTheDebugAdvice() {
        gphoto2.willRun("fail:1:*** Error ***\\nshutterspeed not found in configuration tree.\\n*** Error (-1: "
                + "'Unspecified error') ***" + DEBUG_ADVICE);

        assertThatThrownBy(() -> backend.capture(request(FrameSettings.automatic().withExposure(0.01, 1),
                Duration.ofSeconds(30)), target))
                .isInstanceOfSatisfying(CaptureException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MISCONFIGURED))
                .hasMessageEndingWith("shutterspeed not found in configuration tree. | *** Error (-1: "
                        + "'Unspecified error') ***");
    }

    @Test
    void aFrozenCameraIsKilledAtTheDeadline() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-06-21T12:00:00Z"));
        backend = backend(GphotoConfig.builder().tools(gphoto2.path()).clock(clock).build());
        gphoto2.willRun("hang");

        try (BackgroundCapture capture = BackgroundCapture.start(backend,
                request(FrameSettings.automatic(), clock.instant(), Duration.ofSeconds(5)), target)) {
            List<Long> pids = gphoto2.awaitHanging();
            clock.advance(Duration.ofSeconds(5));

            CaptureException failure = capture.failure();
            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure).hasMessageContaining("did not finish within 5.0 s");
            assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid %d", pid).isFalse());
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void aRawFileIsBadOutputThatSaysWhatToChange() {
        gphoto2.willRun("raw");

        assertCaptureFails(request(FrameSettings.automatic(), Duration.ofSeconds(30)), Kind.BAD_OUTPUT,
                "set the camera to JPEG");
        assertThat(target).doesNotExist();
    }

    @Test
    void anUnknownFailureCarriesWhatGphotoSaid() {
        gphoto2.willRun("fail:1:*** Error ***\\nPTP Store Not Available\\n*** Error (-1: 'Unspecified error') ***"
                + DEBUG_ADVICE);

        assertCaptureFails(request(FrameSettings.automatic(), Duration.ofSeconds(30)), Kind.FAILED,
                "gphoto2 exited with 1: PTP Store Not Available");
    }

    @Test
    void settingsADslrDecidesItselfAreRefusedWithoutRunningGphoto() {
        assertCaptureFails(request(FrameSettings.automatic().withSize(1920, 1080), Duration.ofSeconds(30)),
                Kind.MISCONFIGURED, "full resolution");

        assertThat(gphoto2.calls()).isEmpty();
    }

    @Test
    void aResetFindsTheCameraOnUsbAndResetsItsPort() throws Exception {
        gphoto2.printing(DetectedCameraTest.ONE_CAMERA).willRun("nothing");

        backend.reset();

        assertThat(gphoto2.calls()).containsExactly(List.of("--auto-detect"), List.of("--port", "usb:001,007",
                "--reset"));
        LogMessage detected = recording.ofType("camera:gphoto2:detected").get(0);
        assertThat(detected.get("model")).isEqualTo("Canon EOS 600D");
        assertThat(detected.text("usb_bus")).hasValue("001");
        assertThat(detected.text("usb_device")).hasValue("007");
    }

    @Test
    void aResetWithoutACameraOnUsbIsDisconnected() {
        gphoto2.printing("Model                          Port\n----------------------------\n").willRun("nothing");

        assertThatThrownBy(backend::reset)
                .isInstanceOfSatisfying(CaptureException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.DISCONNECTED))
                .hasMessageContaining("finds no camera");
        assertThat(gphoto2.calls()).as("no reset without a camera").hasSize(1);
    }

    @Test
    void aResetKillsAGphotoLeftRunningFirst() throws Exception {
        gphoto2.printing(DetectedCameraTest.ONE_CAMERA).willRun("hang", "nothing");
        Process leftOver = new ProcessBuilder(gphoto2.executable().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> pids = gphoto2.awaitHanging();

        backend.reset();

        assertThat(leftOver.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(recording.ofType("camera:process:killing_stray")).extracting(message -> message.get("pid"))
                .containsExactly(pids.get(0));
    }

    @Test
    void itDeclaresManualExposureButNoHdr() {
        assertThat(backend.name()).isEqualTo("gphoto2");
        assertThat(backend.capabilities().manualExposure()).isTrue();
        assertThat(backend.capabilities().hdr()).isFalse();
    }

    private GphotoBackend backend(GphotoConfig config) {
        return new GphotoBackend(recording.log(), config);
    }

    private void assertCaptureFails(CaptureRequest request, Kind kind, String message) {
        assertThatThrownBy(() -> backend.capture(request, target))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }

    private static CaptureRequest request(FrameSettings settings, Duration timeout) {
        return request(settings, Instant.now(), timeout);
    }

    private static CaptureRequest request(FrameSettings settings, Instant now, Duration timeout) {
        return new CaptureRequest(settings, now, now.plus(timeout));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
