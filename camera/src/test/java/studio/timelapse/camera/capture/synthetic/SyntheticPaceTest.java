package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * The synthetic camera offers the intervals it can keep up with at each frame size, from what its frames cost to
 * render on this machine. Time is a ticker that says every render took the same, so the figures are exact.
 */
class SyntheticPaceTest {
    /** Each reading of the clock is {@code step} nanoseconds after the last: a render between two readings. */
    private static LongSupplier ticker(long stepNanos) {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(stepNanos);
    }

    @Test
    void biggerFramesNeedLongerIntervalsInProportionToTheirPixels() {
        try (TestCameras cameras = new TestCameras()) {
            // A 320x180 calibration frame "takes" 20 ms: 347 ns a pixel.
            SyntheticCamera camera = cameras.camera(b -> b.nanoTime(ticker(20_000_000)));

            long fullHd = camera.capabilities(FrameSettings.automatic().withSize(1920, 1080)).minInterval();
            long small = camera.capabilities(FrameSettings.automatic().withSize(640, 360)).minInterval();

            // 36 times the pixels: 720 ms, with the 1.5 margin 1080 ms; a quarter of that is 120 ms.
            assertThat(fullHd).isEqualTo(1080);
            assertThat(small).isEqualTo(120);
            assertThat(camera.capabilities().minInterval()).as("the default size is full HD").isEqualTo(fullHd);
        }
    }

    @Test
    void tinyFramesStillGetTheFloor() {
        try (TestCameras cameras = new TestCameras()) {
            SyntheticCamera camera = cameras.camera(b -> b.nanoTime(ticker(1_000)));

            assertThat(camera.capabilities(FrameSettings.automatic().withSize(160, 90)).minInterval())
                    .isEqualTo(RenderCost.FLOOR.toMillis());
        }
    }

    @Test
    void theFramesItTakesReplaceTheCalibration() throws Exception {
        try (TestCameras cameras = new TestCameras()) {
            // The calibration's renders take 20 ms each; so does a 1920x1080 capture, which is 36 times the pixels.
            SyntheticCamera camera = cameras.camera(b -> b.nanoTime(ticker(20_000_000)));
            FrameSettings fullHd = FrameSettings.automatic().withSize(1920, 1080);
            long calibrated = camera.capabilities(fullHd).minInterval();

            for (int i = 0; i < 20; i++) {
                cameras.frame(camera, "12:00", fullHd);
            }

            assertThat(camera.capabilities(fullHd).minInterval()).isLessThan(calibrated / 10).isEqualTo(50);
        }
    }
}
