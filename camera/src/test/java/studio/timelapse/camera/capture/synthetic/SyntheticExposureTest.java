package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.timelapse.camera.capture.synthetic.Frames.at;
import static studio.timelapse.camera.capture.synthetic.Frames.auto;
import static studio.timelapse.camera.capture.synthetic.Frames.locked;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.protocol.FrameSettings;

/** Light over the day as the sensor sees it: locked and automatic exposure, flicker, lag, noise, white balance, HDR. */
class SyntheticExposureTest {
    /** Auto exposure aims at mid-grey, about 118 of 255; this is a quarter either side. */
    private static final double BAND_LOW = 88;
    private static final double BAND_HIGH = 148;

    private final TestCameras cameras = new TestCameras();

    @AfterEach
    void close() {
        cameras.close();
    }

    /** A camera without the timestamp, whose changing digits would move a small frame's mean. */
    private SyntheticCamera camera(Consumer<SyntheticCamera.Builder> settings) {
        return cameras.camera(builder -> settings.accept(builder.timestamp(false)));
    }

    private List<Double> meanLumas(SyntheticCamera camera, FrameSettings settings, int frames) throws Exception {
        List<Double> means = new ArrayList<>();
        for (int second = 0; second < frames; second++) {
            means.add(Frames.meanLuma(cameras.frame(camera, String.format("12:00:%02d", second), settings)));
        }
        return means;
    }

    private static double meanChangeFromFrameToFrame(List<Double> means) {
        double sum = 0;
        for (int i = 1; i < means.size(); i++) {
            sum += Math.abs(means.get(i) - means.get(i - 1));
        }
        return sum / (means.size() - 1);
    }

    @Test
    void lockedExposureShowsTheNightDarkAndTheNoonBright() throws Exception {
        SyntheticCamera camera = camera(builder -> {});
        FrameSettings noonExposure = locked(160, 120, 1.0 / 1000);

        double midnight = Frames.meanLuma(cameras.frame(camera, "00:00", noonExposure));
        double dusk = Frames.meanLuma(cameras.frame(camera, "18:20", noonExposure));
        double noon = Frames.meanLuma(cameras.frame(camera, "12:00", noonExposure));

        assertThat(noon).isGreaterThan(90);
        assertThat(dusk).isLessThan(noon / 2);
        assertThat(midnight).isLessThan(5);
    }

    @Test
    void autoExposureKeepsDaylightAndTwilightNearMidGrey() throws Exception {
        SyntheticCamera camera = camera(builder -> {});

        for (String time : List.of("05:40", "06:00", "07:00", "09:00", "12:00", "15:00", "17:00", "18:00", "18:20")) {
            assertThat(Frames.meanLuma(cameras.frame(camera, time, auto(160, 120)))).as(time)
                    .isBetween(BAND_LOW, BAND_HIGH);
        }
    }

    @Test
    void atNightAutoExposureRunsOutOfRangeDarkerThanDayButFarBrighterThanLocked() throws Exception {
        SyntheticCamera camera = camera(builder -> {});

        double auto = Frames.meanLuma(cameras.frame(camera, "00:30", auto(160, 120)));
        double locked = Frames.meanLuma(cameras.frame(camera, "00:30", locked(160, 120, 1.0 / 1000)));

        assertThat(auto).isLessThan(BAND_LOW).isGreaterThan(locked + 20);
    }

    @Test
    void autoExposureFlickersFromFrameToFrameAsMuchAsConfigured() throws Exception {
        SyntheticCamera flickering = camera(builder -> builder.autoExposureFlicker(0.1));
        SyntheticCamera steady = camera(builder -> builder.autoExposureFlicker(0));

        double flicker = meanChangeFromFrameToFrame(meanLumas(flickering, auto(160, 120), 12));
        double none = meanChangeFromFrameToFrame(meanLumas(steady, auto(160, 120), 12));
        double locked = meanChangeFromFrameToFrame(meanLumas(flickering, locked(160, 120, 1.0 / 1000), 12));

        assertThat(flicker).isGreaterThan(1.5);
        assertThat(none).isLessThan(0.3);
        assertThat(locked).isLessThan(0.3);
    }

    @Test
    void autoExposureLagsBehindTheFallingLightAtDusk() throws Exception {
        SyntheticCamera prompt = camera(builder -> builder.autoExposureFlicker(0).autoExposureLag(Duration.ZERO));
        SyntheticCamera slow = camera(builder -> builder.autoExposureFlicker(0).autoExposureLag(Duration.ofMinutes(5)));

        double promptMean = Frames.meanLuma(cameras.frame(prompt, "18:15", auto(160, 120)));
        double slowMean = Frames.meanLuma(cameras.frame(slow, "18:15", auto(160, 120)));

        assertThat(slowMean).isLessThan(promptMean - 5);
    }

    @Test
    void sensorNoiseIsStrongerAtNight() throws Exception {
        SyntheticCamera camera = camera(builder -> {});
        FrameSettings fine = Frames.quality(auto(320, 240), 98);

        double night = grain(cameras.frame(camera, "01:00", fine));
        double noon = grain(cameras.frame(camera, "12:00", fine));

        assertThat(night).isGreaterThan(3 * noon);
    }

    /** Mean luma difference between horizontal neighbours in the meadow at the bottom right. */
    private static double grain(BufferedImage image) {
        int top = image.getHeight() * 85 / 100;
        int left = image.getWidth() / 2;
        double sum = 0;
        int count = 0;
        for (int y = top; y < image.getHeight() - 2; y++) {
            for (int x = left; x < image.getWidth() - 3; x++) {
                sum += Math.abs(Frames.luma(image.getRGB(x, y)) - Frames.luma(image.getRGB(x + 1, y)));
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void aWarmWhiteBalanceTurnsDaylightBlue() throws Exception {
        SyntheticCamera camera = camera(builder -> {});
        FrameSettings exposure = locked(160, 120, 1.0 / 1000);
        Rectangle all = new Rectangle(0, 0, 160, 120);

        BufferedImage tungsten = cameras.frame(camera, "12:00", Frames.whiteBalance(exposure, 3200));
        double tungstenBlueness = Frames.meanChannel(tungsten, all, 0) - Frames.meanChannel(tungsten, all, 16);
        BufferedImage shade = cameras.frame(camera, "12:00", Frames.whiteBalance(exposure, 7500));
        double shadeBlueness = Frames.meanChannel(shade, all, 0) - Frames.meanChannel(shade, all, 16);

        assertThat(tungstenBlueness).isGreaterThan(shadeBlueness + 20);
    }

    @Test
    void hdrKeepsAnOverexposedSkyFromClipping() throws Exception {
        SyntheticCamera camera = camera(builder -> builder.cloudCover(0));
        FrameSettings overexposed = locked(160, 120, 1.0 / 100);

        int standard = clipped(cameras.frame(camera, "12:00", overexposed));
        int hdr = clipped(cameras.frame(camera, "12:00", Frames.hdr(overexposed)));

        assertThat(standard).isGreaterThan(160 * 120 / 4);
        assertThat(hdr).isLessThan(standard / 10);
    }

    private static int clipped(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += Frames.luma(image.getRGB(x, y)) >= 250 ? 1 : 0;
            }
        }
        return count;
    }
}
