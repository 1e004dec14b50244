package studio.timelapse.camera.capture.gopro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.capture.JpegCheck;
import studio.timelapse.camera.capture.process.TestJpegs;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The GoPro backend against a fake camera on loopback that follows the Open GoPro HTTP API: a photo taken,
 * downloaded and deleted from the card; a camera busy, broken, dropping connections or gone; the keep-alive.
 */
class GoProBackendTest {
    private static final byte[] PHOTO =
            TestJpegs.withExif(TestJpegs.jpeg(80, 60), 1, 500, 100, 28, "2024:05:01 06:30:00");
    private static final Duration HOURLY = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final RecordingLog recording = new RecordingLog();
    private FakeGoPro camera;
    private Path target;
    private GoProBackend backend;

    @BeforeEach
    void startTheCamera() throws IOException {
        camera = FakeGoPro.start(PHOTO);
        target = dir.resolve("frame.tmp");
        backend = backend(camera.baseUri(), HOURLY);
    }

    @AfterEach
    void stopEverything() {
        backend.close();
        camera.close();
        recording.close();
    }

    @Test
    void aPhotoIsTakenDownloadedAndThenDeletedFromTheCard() throws Exception {
        camera.busyForPolls(2);

        CaptureResult result = backend.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)), target);

        assertThat(result.width()).isEqualTo(80);
        assertThat(result.height()).isEqualTo(60);
        assertThat(result.exposure()).containsEntry("shutter_s", 0.002).containsEntry("iso", 100)
                .containsEntry("camera_created_s", 1714545000L);
        assertThat(JpegCheck.verify(target).bytes()).isEqualTo(PHOTO.length);
        assertThat(camera.card()).isEmpty();
        assertThat(withoutStatePolls(camera.requests())).containsExactly(
                "/gopro/camera/presets/set_group?id=1001",
                "/gopro/media/list",
                "/gopro/camera/shutter/start",
                "/gopro/media/list",
                "/videos/DCIM/100GOPRO/GOPR0001.JPG",
                "/gopro/media/delete/file?path=100GOPRO/GOPR0001.JPG");
        assertThat(recording.ofType("camera:gopro:waited")).extracting(message -> message.get("polls"))
                .containsExactly(2, 2);
    }

    @Test
    void photosAlreadyOnTheCardAreLeftAlone() throws Exception {
        String earlier = camera.alreadyOnTheCard();

        backend.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)), target);

        assertThat(camera.card()).containsExactly(earlier);
        assertThat(camera.requests()).contains("/videos/DCIM/100GOPRO/GOPR0002.JPG");
    }

    @Test
    void aCameraBusyPastTheDeadlineTimesOut() {
        // Time moves only by the backend's 10 s pauses, and every poll may take 10 s in real time: however slowly
        // this machine answers, the busy camera is polled at 0, 10 and 20 s after the preset, and the next poll
        // would be at the deadline.
        ManualClock clock = new ManualClock(Instant.parse("2026-06-21T12:00:00Z"));
        backend.close();
        backend = new GoProBackend(recording.log(), GoProConfig.defaults().withBaseUri(camera.baseUri())
                .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(10), HOURLY).withTime(clock, clock::advance));
        camera.busyForPolls(1_000_000);

        assertCaptureFails(new CaptureRequest(FrameSettings.automatic(), clock.instant(),
                clock.instant().plusSeconds(30)), Kind.TIMEOUT, "the GoPro stayed busy until the deadline (3 polls)");
        assertThat(withoutStatePolls(camera.requests())).containsExactly("/gopro/camera/presets/set_group?id=1001");
        assertThat(camera.requests()).endsWith("/gopro/camera/presets/set_group?id=1001", "/gopro/camera/state",
                "/gopro/camera/state", "/gopro/camera/state");
    }

    @Test
    void aMediaListAnswering404IsAFailureThatNeedsAPowerCycle() {
        camera.breakMediaList(true);

        assertCaptureFails(request(FrameSettings.automatic(), Duration.ofSeconds(30)), Kind.FAILED,
                "only a power cycle of the camera clears");
    }

    @Test
    void anUnknownErrorIsReportedWithWhatHelps() {
        camera.reportUnknownErrors(true);

        assertCaptureFails(request(FrameSettings.automatic(), Duration.ofSeconds(30)), Kind.FAILED,
                "the GoPro reported an unknown error while pressing the shutter (HTTP 500");
    }

    @Test
    void aDroppedConnectionIsADisconnectedCamera() {
        camera.dropConnections(true);

        assertCaptureFails(request(FrameSettings.automatic(), Duration.ofSeconds(30)), Kind.DISCONNECTED,
                "dropped while reading the camera state");
    }

    @Test
    void aCameraThatIsNotThereIsDisconnected() throws Exception {
        GoProBackend nowhere = backend(closedPort(), HOURLY);
        try {
            assertThatThrownBy(() -> nowhere.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)),
                    target))
                    .isInstanceOfSatisfying(CaptureException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.DISCONNECTED))
                    .hasMessageContaining("cannot reach the GoPro at http://127.0.0.1:");
        } finally {
            nowhere.close();
        }
    }

    @Test
    void aDownloadCutShortIsBadOutputAndThePhotoStaysOnTheCard() {
        camera.cutDownloadsShort(true);

        assertCaptureFails(request(FrameSettings.automatic(), Duration.ofSeconds(30)), Kind.BAD_OUTPUT,
                "was cut short: " + PHOTO.length / 2 + " of " + PHOTO.length + " bytes");

        assertThat(target).doesNotExist();
        assertThat(camera.card()).containsExactly("100GOPRO/GOPR0001.JPG");
    }

    @Test
    void aCardCopyThatCannotBeDeletedIsLoggedButTheFrameIsKept() throws Exception {
        camera.refuseDeletes(true);

        backend.capture(request(FrameSettings.automatic(), Duration.ofSeconds(30)), target);

        assertThat(target).exists();
        assertThat(recording.ofType("camera:gopro:delete_failed")).singleElement()
                .satisfies(message -> assertThat(message.get("path")).isEqualTo("100GOPRO/GOPR0001.JPG"));
    }

    @Test
    void settingsTheCameraDecidesItselfAreRefusedBeforeTheShutter() {
        for (FrameSettings settings : List.of(FrameSettings.automatic().withSize(1920, 1080),
                FrameSettings.automatic().withExposure(0.01, 2),
                new FrameSettings(0, 0, 90, Optional.empty(), Optional.empty(), Optional.of(5000), false),
                new FrameSettings(0, 0, 90, Optional.empty(), Optional.empty(), Optional.empty(), true))) {
            assertCaptureFails(request(settings, Duration.ofSeconds(30)), Kind.MISCONFIGURED, "");
        }

        assertThat(camera.requests()).isEmpty();
    }

    @Test
    void theKeepAliveRunsOnATimerUntilTheBackendCloses() throws Exception {
        GoProBackend often = backend(camera.baseUri(), Duration.ofMillis(20));
        await().until(() -> camera.keepAlives() >= 3);

        often.close();
        int afterClose = camera.keepAlives();
        Thread.sleep(200);

        assertThat(camera.keepAlives()).isEqualTo(afterClose);
    }

    @Test
    void aFailingKeepAliveIsLoggedWhenItStartsFailingAndWhenItRecovers() {
        GoProBackend often = backend(camera.baseUri(), Duration.ofMillis(20));
        try {
            await().until(() -> camera.keepAlives() >= 1);
            camera.dropConnections(true);
            await().until(() -> camera.keepAlivesDropped() >= 3);
            camera.dropConnections(false);
            await().until(() -> !recording.ofType("camera:gopro:keep_alive_restored").isEmpty());
        } finally {
            often.close();
        }

        assertThat(recording.ofType("camera:gopro:keep_alive_failed")).singleElement().satisfies(message ->
                assertThat(message.text("reason"))
                        .hasValueSatisfying(reason -> assertThat(reason).contains("dropped")));
        // The JDK's client retries a GET once on a dropped connection, so the camera can see more drops than the
        // backend sees failures: the restored message counts at least the one that was logged.
        assertThat(recording.ofType("camera:gopro:keep_alive_restored").get(0).number("failed"))
                .hasValueSatisfying(failed -> assertThat(failed).isGreaterThanOrEqualTo(1));
    }

    @Test
    void aResetReenablesWiredControlAndReadsTheStateAgain() throws Exception {
        backend.reset();

        assertThat(camera.requests()).containsExactly("/gopro/camera/control/wired_usb?p=1", "/gopro/camera/state");
        LogMessage end = recording.ofType("camera:gopro:reset").get(1);
        assertThat(end.get("busy")).isEqualTo(false);
    }

    @Test
    void aResetOverWifiWhereWiredControlIsRefusedStillSucceeds() throws Exception {
        camera.refuseWiredUsb(true);

        backend.reset();

        assertThat(recording.ofType("camera:gopro:wired_usb_refused")).hasSize(1);
    }

    @Test
    void aResetOfACameraThatDoesNotAnswerIsDisconnected() {
        camera.dropConnections(true);

        assertThatThrownBy(backend::reset).isInstanceOfSatisfying(CaptureException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.DISCONNECTED));
    }

    @Test
    void itDeclaresNoManualExposureAndNoHdr() {
        assertThat(backend.name()).isEqualTo("gopro");
        assertThat(backend.capabilities().manualExposure()).isFalse();
        assertThat(backend.capabilities().hdr()).isFalse();
    }

    private GoProBackend backend(URI base, Duration keepAlive) {
        return new GoProBackend(recording.log(), GoProConfig.defaults().withBaseUri(base)
                .withTiming(Duration.ofSeconds(2), Duration.ofMillis(5), keepAlive));
    }

    private void assertCaptureFails(CaptureRequest request, Kind kind, String message) {
        assertThatThrownBy(() -> backend.capture(request, target))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
        assertThat(target).doesNotExist();
    }

    private static List<String> withoutStatePolls(List<String> requests) {
        return requests.stream().filter(request -> !request.equals("/gopro/camera/state")).toList();
    }

    /** A loopback address where nothing listens. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private static CaptureRequest request(FrameSettings settings, Duration timeout) {
        Instant now = Instant.now();
        return new CaptureRequest(settings, now, now.plus(timeout));
    }
}
