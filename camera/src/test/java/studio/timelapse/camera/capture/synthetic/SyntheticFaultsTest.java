package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static studio.timelapse.camera.capture.synthetic.Frames.auto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.capture.synthetic.SyntheticFaults.Corruption;
import studio.timelapse.camera.capture.synthetic.SyntheticFaults.Deadline;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/** Faults on demand, for the tests of the scheduler, the watchdog and the store. */
class SyntheticFaultsTest {
    @TempDir
    Path folder;

    private final RecordingLog recording = new RecordingLog();
    private final SyntheticFaults faults = new SyntheticFaults();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T09:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();
    private final SyntheticCamera camera = SyntheticCamera.builder(recording.log()).faults(faults).clock(clock)
            .sleeper(duration -> {
                slept.add(duration);
                clock.advance(duration);
            }).build();

    @AfterEach
    void close() {
        camera.close();
        recording.close();
    }

    /** A frame due now, to be given up {@code deadlineIn} from now. */
    private CaptureRequest dueNow(Duration deadlineIn) {
        return new CaptureRequest(auto(64, 48), clock.instant(), clock.instant().plus(deadlineIn));
    }

    private Path target() {
        return folder.resolve("frame.jpg");
    }

    private static Kind kindOf(Throwable thrown) {
        return ((CaptureException) thrown).kind();
    }

    @Test
    void failNextFailsExactlyThatManyCapturesWithTheKindAndWritesNothing() throws Exception {
        faults.failNext(2, Kind.BUSY);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> camera.capture(dueNow(Duration.ofSeconds(5)), target()))
                    .isInstanceOfSatisfying(CaptureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.BUSY);
                        assertThat(e.retryable()).isTrue();
                    });
        }
        assertThat(target()).doesNotExist();
        assertThat(faults.pending()).isZero();

        camera.capture(dueNow(Duration.ofSeconds(5)), target());
        assertThat(Frames.read(target()).getWidth()).isEqualTo(64);
    }

    @Test
    void queuedFaultsComeInOrder() throws Exception {
        faults.failNext(1, Kind.DISCONNECTED).failNext(1, Kind.MISCONFIGURED);

        Throwable first = catchThrowable(
                () -> camera.capture(dueNow(Duration.ofSeconds(5)), target()));
        Throwable second = catchThrowable(
                () -> camera.capture(dueNow(Duration.ofSeconds(5)), target()));

        assertThat(kindOf(first)).isEqualTo(Kind.DISCONNECTED);
        assertThat(kindOf(second)).isEqualTo(Kind.MISCONFIGURED);
    }

    @Test
    void failUntilResetFailsEveryCaptureUntilTheCameraIsReset() throws Exception {
        faults.failUntilReset(Kind.DISCONNECTED);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> camera.capture(dueNow(Duration.ofSeconds(5)), target()))
                    .isInstanceOfSatisfying(CaptureException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.DISCONNECTED));
        }
        camera.reset();

        camera.capture(dueNow(Duration.ofSeconds(5)), target());
        assertThat(recording.ofType("camera:synthetic:reset")).hasSize(2);
    }

    @Test
    void aHangThatHonoursTheDeadlineSleepsUntilItAndTimesOut() {
        faults.hangNext(1, Deadline.HONOUR);
        Instant deadline = clock.instant().plusSeconds(5);

        assertThatThrownBy(() -> camera.capture(dueNow(Duration.ofSeconds(5)), target()))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        assertThat(clock.instant()).isEqualTo(deadline);
        assertThat(slept).containsExactly(Duration.ofSeconds(5));
        assertThat(target()).doesNotExist();
    }

    @Test
    void aSlowCaptureTakesItsDelayAndSucceedsWithinTheDeadline() throws Exception {
        faults.slowNext(1, Duration.ofSeconds(3));
        Instant start = clock.instant();

        CaptureResult result = camera.capture(dueNow(Duration.ofSeconds(10)), target());

        assertThat(slept).containsExactly(Duration.ofSeconds(3));
        assertThat(result.capturedAt()).isEqualTo(start.plusSeconds(3));
        assertThat(Frames.read(target()).getWidth()).isEqualTo(64);
    }

    @Test
    void aCaptureSlowerThanItsDeadlineStopsThereWithATimeout() {
        faults.slowNext(1, Duration.ofSeconds(3));

        assertThatThrownBy(() -> camera.capture(dueNow(Duration.ofSeconds(2)), target()))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aCaptureWhoseDeadlineHasPassedTimesOutAtOnce() {
        CaptureRequest late = new CaptureRequest(auto(64, 48), clock.instant(), clock.instant().minusMillis(1));

        assertThatThrownBy(() -> camera.capture(late, target()))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        assertThat(target()).doesNotExist();
    }

    @Test
    void corruptCapturesReportSuccessButWriteSpoiltFiles() throws Exception {
        camera.capture(dueNow(Duration.ofSeconds(5)), folder.resolve("good.jpg"));
        byte[] good = Files.readAllBytes(folder.resolve("good.jpg"));
        faults.corruptNext(1, Corruption.EMPTY).corruptNext(1, Corruption.TRUNCATED)
                .corruptNext(1, Corruption.NOT_A_JPEG);

        camera.capture(dueNow(Duration.ofSeconds(5)), folder.resolve("empty.jpg"));
        camera.capture(dueNow(Duration.ofSeconds(5)), folder.resolve("truncated.jpg"));
        camera.capture(dueNow(Duration.ofSeconds(5)), folder.resolve("garbage.jpg"));

        assertThat(good).startsWith(0xFF, 0xD8).endsWith(0xFF, 0xD9);
        assertThat(folder.resolve("empty.jpg")).isEmptyFile();
        byte[] truncated = Files.readAllBytes(folder.resolve("truncated.jpg"));
        assertThat(truncated).startsWith(0xFF, 0xD8).hasSizeLessThan(good.length);
        assertThat(truncated[truncated.length - 2] == (byte) 0xFF && truncated[truncated.length - 1] == (byte) 0xD9)
                .as("ends with the JPEG end marker").isFalse();
        byte[] garbage = Files.readAllBytes(folder.resolve("garbage.jpg"));
        assertThat(garbage).isNotEmpty();
        assertThat(garbage[0]).isNotEqualTo((byte) 0xFF);
    }

    @Test
    void injectedFaultsAreLoggedInsideTheFailedCapture() {
        faults.failNext(1, Kind.BUSY);

        assertThatThrownBy(() -> camera.capture(dueNow(Duration.ofSeconds(5)), target()));

        assertThat(recording.ofType("camera:synthetic:fault")).singleElement()
                .satisfies(message -> assertThat(message.fields()).containsEntry("fault", "fail:busy"));
        assertThat(recording.ofType("camera:synthetic:capture").get(1).fields())
                .containsEntry("action_status", "failed")
                .containsEntry("exception", CaptureException.class.getName());
    }

    @Test
    void faultsNeedAtLeastOneCaptureAndNoNegativeDelay() {
        assertThatThrownBy(() -> faults.failNext(0, Kind.BUSY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.slowNext(1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A capture on a thread of its own, with the real clock, and whatever it ended with. */
    private static final class Hanging {
        final AtomicReference<Throwable> ended = new AtomicReference<>();
        final Thread thread;

        Hanging(SyntheticCamera camera, Path target) {
            Instant now = Instant.now();
            CaptureRequest request = new CaptureRequest(auto(64, 48), now, now.plusMillis(50));
            thread = new Thread(() -> {
                try {
                    camera.capture(request, target);
                } catch (Throwable e) {
                    ended.set(e);
                }
            }, "hanging-capture");
            thread.start();
        }
    }

    @Test
    void aHangThatIgnoresTheDeadlineBlocksUntilItsThreadIsInterrupted() throws Exception {
        SyntheticFaults hang = new SyntheticFaults().hangNext(1, Deadline.IGNORE);
        try (SyntheticCamera realTime = SyntheticCamera.builder(recording.log()).faults(hang).clock(Clock.systemUTC())
                .build()) {
            Hanging capture = new Hanging(realTime, target());

            // Still hanging 300 ms past its 50 ms deadline; the generous limit only bounds a loaded machine's polling.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(30)).until(capture.thread::isAlive);
            capture.thread.interrupt();
            capture.thread.join(5_000);

            assertThat(capture.ended.get()).isInstanceOf(InterruptedException.class);
            assertThat(target()).doesNotExist();
        }
    }

    @Test
    void aHangThatIgnoresTheDeadlineEndsWhenTheCameraIsClosed() throws Exception {
        SyntheticFaults hang = new SyntheticFaults().hangNext(1, Deadline.IGNORE);
        SyntheticCamera realTime = SyntheticCamera.builder(recording.log()).faults(hang).build();
        Hanging capture = new Hanging(realTime, target());
        await().atMost(Duration.ofSeconds(30)).until(() -> capture.thread.getState() == Thread.State.WAITING);

        realTime.close();
        capture.thread.join(5_000);

        assertThat(capture.ended.get()).isInstanceOfSatisfying(CaptureException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.DISCONNECTED));
    }
}
