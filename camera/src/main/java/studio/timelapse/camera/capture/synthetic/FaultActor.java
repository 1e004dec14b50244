package studio.timelapse.camera.capture.synthetic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.Sleeper;

/** Acts out the faults a test injected: failing, hanging, running slow, spoiling the file written. */
final class FaultActor {
    private final Clock clock;
    private final Sleeper sleeper;
    private final CountDownLatch closed;
    private final long seed;

    /** @param closed counted down when the camera closes, which ends a hang that ignores its deadline */
    FaultActor(Clock clock, Sleeper sleeper, CountDownLatch closed, long seed) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.closed = closed;
        this.seed = seed;
    }

    /** What strikes before the frame is rendered: everything but corruption, which strikes when it is written. */
    void beforeRendering(SyntheticFaults.Fault fault, CaptureRequest request)
            throws CaptureException, InterruptedException {
        if (fault instanceof SyntheticFaults.Fail fail) {
            throw new CaptureException(fail.kind(), "injected fault: the synthetic camera fails with " + fail.kind());
        } else if (fault instanceof SyntheticFaults.Hang hang) {
            if (hang.deadline() == SyntheticFaults.Deadline.IGNORE) {
                closed.await();
                throw new CaptureException(Kind.DISCONNECTED, "injected fault: the camera was closed while it hung");
            }
            sleepUntil(request.deadline());
            throw new CaptureException(Kind.TIMEOUT, "injected fault: the camera hung until the deadline "
                    + request.deadline());
        } else if (fault instanceof SyntheticFaults.Slow slow) {
            if (clock.instant().plus(slow.delay()).isAfter(request.deadline())) {
                sleepUntil(request.deadline());
                throw new CaptureException(Kind.TIMEOUT, "injected fault: the camera was " + slow.delay().toMillis()
                        + " ms slow and the deadline " + request.deadline() + " came first");
            }
            sleeper.sleep(slow.delay());
        }
    }

    /** The bytes a corrupted capture writes instead of {@code jpeg}. */
    byte[] spoil(byte[] jpeg, SyntheticFaults.Corruption corruption) {
        return switch (corruption) {
            case EMPTY -> new byte[0];
            case TRUNCATED -> Arrays.copyOf(jpeg, jpeg.length / 2);
            case NOT_A_JPEG -> {
                byte[] noise = new byte[Math.max(64, jpeg.length / 4)];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (byte) SeedHash.of(seed, i);
                }
                noise[0] = 'X';
                yield noise;
            }
        };
    }

    private void sleepUntil(Instant deadline) throws InterruptedException {
        Duration left = Duration.between(clock.instant(), deadline);
        if (!left.isNegative() && !left.isZero()) {
            sleeper.sleep(left);
        }
    }
}
