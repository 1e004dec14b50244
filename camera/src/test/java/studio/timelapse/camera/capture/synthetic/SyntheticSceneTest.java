package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.timelapse.camera.capture.synthetic.Frames.at;
import static studio.timelapse.camera.capture.synthetic.Frames.auto;
import static studio.timelapse.camera.capture.synthetic.Frames.locked;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.protocol.FrameSettings;

/** What the frames show over a day: the sun's path, the sky's colours, stars, drifting clouds, the timestamp. */
class SyntheticSceneTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    private final TestCameras cameras = new TestCameras();

    @AfterEach
    void close() {
        cameras.close();
    }


    /** The pixels the sun saturates, with a short exposure that leaves the sky dark. */
    private static List<int[]> saturated(BufferedImage image) {
        List<int[]> points = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (Frames.luma(image.getRGB(x, y)) >= 245) {
                    points.add(new int[] {x, y});
                }
            }
        }
        return points;
    }

    private static double meanX(List<int[]> points) {
        return points.stream().mapToInt(point -> point[0]).average().orElseThrow();
    }

    @Test
    void theSunCrossesTheFrameFromLeftToRightAndSetsBehindTheHills() throws Exception {
        SyntheticCamera camera = cameras.camera(builder -> builder.cloudCover(0).timestamp(false));
        FrameSettings short_ = locked(WIDTH, HEIGHT, 1.0 / 4000);

        List<int[]> morning = saturated(cameras.frame(camera, "10:00", short_));
        List<int[]> afternoon = saturated(cameras.frame(camera, "14:00", short_));
        List<int[]> evening = saturated(cameras.frame(camera, "20:00", short_));

        assertThat(morning).hasSizeGreaterThan(10);
        assertThat(afternoon).hasSizeGreaterThan(10);
        assertThat(meanX(morning)).isLessThan(WIDTH * 0.4);
        assertThat(meanX(afternoon)).isGreaterThan(WIDTH * 0.6);
        assertThat(morning).allSatisfy(point -> assertThat(point[1]).isLessThan(HEIGHT / 2));
        assertThat(evening).isEmpty();
    }

    @Test
    void theDaySkyIsBlueAndTheTwilightHorizonOrangeTowardsTheSun() throws Exception {
        SyntheticCamera camera = cameras.camera(builder -> builder.cloudCover(0).timestamp(false));
        Rectangle high = new Rectangle(0, 0, WIDTH / 4, HEIGHT / 10);
        // Just above the hills, 10–12° high, on the west (right) side where the sun sets and on the east side.
        Rectangle lowInTheWest = new Rectangle(WIDTH * 3 / 4, HEIGHT * 5 / 9, WIDTH / 4, HEIGHT / 25);
        Rectangle lowInTheEast = new Rectangle(0, HEIGHT * 5 / 9, WIDTH / 4, HEIGHT / 25);

        BufferedImage noon = cameras.frame(camera, "12:00", auto(WIDTH, HEIGHT));
        assertThat(blueness(noon, high)).isGreaterThan(30);

        BufferedImage dusk = cameras.frame(camera, "18:10", auto(WIDTH, HEIGHT));
        assertThat(blueness(dusk, high)).isGreaterThan(30);
        assertThat(blueness(dusk, lowInTheWest)).isLessThan(-20);
        assertThat(blueness(dusk, lowInTheEast)).isGreaterThan(blueness(dusk, lowInTheWest) + 20);
    }

    /** Blue minus red, on average over a region. */
    private static double blueness(BufferedImage image, Rectangle region) {
        return Frames.meanChannel(image, region, 0) - Frames.meanChannel(image, region, 16);
    }

    @Test
    void starsShineOnAClearNightAndCloudsHideThem() throws Exception {
        SyntheticCamera clear = cameras.camera(builder -> builder.cloudCover(0).timestamp(false).noise(0));
        SyntheticCamera overcast = cameras.camera(builder -> builder.cloudCover(1).timestamp(false).noise(0));

        int clearStars = specks(cameras.frame(clear, "01:00", auto(WIDTH, HEIGHT)));
        int hiddenStars = specks(cameras.frame(overcast, "01:00", auto(WIDTH, HEIGHT)));

        assertThat(clearStars).isGreaterThan(30);
        assertThat(hiddenStars).isLessThan(clearStars / 5);
    }

    /** Pixels in the upper sky much brighter than their left and right neighbours. */
    private static int specks(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight() / 3; y++) {
            for (int x = 2; x < image.getWidth() - 2; x++) {
                double here = Frames.luma(image.getRGB(x, y));
                double around = (Frames.luma(image.getRGB(x - 2, y)) + Frames.luma(image.getRGB(x + 2, y))) / 2;
                count += here > around + 40 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void cloudsDriftWithTheSceneTime() throws Exception {
        SyntheticCamera cloudy = cameras.camera(builder -> builder.cloudCover(0.5).timestamp(false).noise(0));
        SyntheticCamera clear = cameras.camera(builder -> builder.cloudCover(0).timestamp(false).noise(0));
        FrameSettings settings = locked(WIDTH, HEIGHT, 1.0 / 1000);
        Rectangle skyAwayFromTheSun = new Rectangle(0, 0, WIDTH / 4, HEIGHT / 3);

        double cloudsMoved = Frames.meanDifference(cameras.frame(cloudy, "12:00", settings),
                cameras.frame(cloudy, "12:10", settings), skyAwayFromTheSun);
        double clearSkyMoved = Frames.meanDifference(cameras.frame(clear, "12:00", settings),
                cameras.frame(clear, "12:10", settings), skyAwayFromTheSun);

        assertThat(cloudsMoved).isGreaterThan(5);
        assertThat(clearSkyMoved).isLessThan(1);
    }

    @Test
    void theTimestampInTheCornerChangesWithTheTime() throws Exception {
        SyntheticCamera stamped = cameras.camera(builder -> builder.cloudCover(0.5).noise(0).autoExposureFlicker(0));
        SyntheticCamera plain = cameras.camera(builder -> builder.cloudCover(0.5).noise(0).autoExposureFlicker(0)
                .timestamp(false));
        FrameSettings settings = Frames.quality(auto(640, 360), 95);
        Rectangle corner = new Rectangle(0, 340, 200, 20);
        Rectangle above = new Rectangle(0, 0, 640, 330);

        BufferedImage first = cameras.frame(stamped, "12:00:00", settings);
        BufferedImage second = cameras.frame(stamped, "12:00:01", settings);
        int plainChanges = changed(cameras.frame(plain, "12:00:00", settings),
                cameras.frame(plain, "12:00:01", settings), corner);

        assertThat(changed(first, second, corner)).isGreaterThan(10);
        assertThat(changed(first, second, above)).isZero();
        assertThat(plainChanges).isZero();
    }

    /** Pixels whose luma changed by more than a quarter of the range. */
    private static int changed(BufferedImage a, BufferedImage b, Rectangle region) {
        int count = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                count += Math.abs(Frames.luma(a.getRGB(x, y)) - Frames.luma(b.getRGB(x, y))) > 64 ? 1 : 0;
            }
        }
        return count;
    }
}
