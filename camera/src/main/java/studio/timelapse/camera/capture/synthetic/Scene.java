package studio.timelapse.camera.capture.synthetic;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The synthetic camera's world, fixed by its seed: the land, the stars, the cloud texture and the sun's path. It
 * gives the scene at any instant and frame size, and meters it the way a camera's exposure statistics would.
 */
final class Scene {
    /** Metering works on a small image of the same shape, so it costs next to nothing at any resolution. */
    private static final int METERING_SIZE = 96;
    private static final int LAYOUTS_KEPT = 3;
    private static final double CLOUD_WEATHER_HOURS = 5;
    /** Stars move west at the sidereal rate. */
    private static final double STAR_DEGREES_PER_HOUR = 15.041;

    private final long seed;
    private final SunPath sunPath;
    private final OptionalDouble fixedCloudCover;
    private final Landscape land;
    private final StarField stars;
    private final CloudField clouds;
    private final Map<Long, SceneLayout> layouts = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SceneLayout> eldest) {
            return size() > LAYOUTS_KEPT;
        }
    };

    /** @param fixedCloudCover the share of sky under cloud, 0–1; empty for weather that changes over hours */
    Scene(long seed, SunPath sunPath, OptionalDouble fixedCloudCover) {
        this.seed = seed;
        this.sunPath = sunPath;
        this.fixedCloudCover = fixedCloudCover;
        this.land = new Landscape(SeedHash.of(seed, 1));
        this.stars = new StarField(SeedHash.of(seed, 2));
        this.clouds = new CloudField(SeedHash.of(seed, 3));
    }

    SunPath sunPath() {
        return sunPath;
    }

    SunPosition sun(Instant sceneTime) {
        return sunPath.at(sceneTime);
    }

    /** The scene at {@code sceneTime}, ready to render at {@code width} x {@code height}. */
    SceneFrame frame(Instant sceneTime, int width, int height) {
        double seconds = sceneTime.getEpochSecond() + sceneTime.getNano() / 1e9;
        // Each cloud layer drifts about one texture tile in a few tens of minutes, the two in different directions.
        double[] wind = {
            fraction(seconds / 1200), fraction(seconds / 3000),
            fraction(seconds / 1700 + 0.37), fraction(-seconds / 4100)
        };
        double starDrift = (seconds / 3600 * STAR_DEGREES_PER_HOUR) % 360;
        return new SceneFrame(layout(width, height), sun(sceneTime), clouds, cloudCover(seconds), wind, starDrift,
                SeedHash.of(seed, sceneTime));
    }

    /** The mean luminance (linear radiance) of the scene at {@code sceneTime}, in a frame of this shape. */
    double meanLuminance(Instant sceneTime, int width, int height) {
        int meterWidth = width >= height ? METERING_SIZE : scaled(width, height);
        int meterHeight = width >= height ? scaled(height, width) : METERING_SIZE;
        SceneFrame frame = frame(sceneTime, meterWidth, meterHeight);
        RowBuffer row = new RowBuffer(meterWidth);
        double sum = 0;
        for (int y = 0; y < meterHeight; y++) {
            frame.renderRow(y, row);
            for (int x = 0; x < meterWidth; x++) {
                sum += 0.2126 * row.red[x] + 0.7152 * row.green[x] + 0.0722 * row.blue[x];
            }
        }
        return sum / ((double) meterWidth * meterHeight);
    }

    /** The metering size of a side that is {@code side / longest} of the longest side. */
    private static int scaled(int side, int longest) {
        return Math.max(1, (int) Math.round((double) METERING_SIZE * side / longest));
    }

    private double cloudCover(double seconds) {
        if (fixedCloudCover.isPresent()) {
            return fixedCloudCover.getAsDouble();
        }
        return 0.1 + 0.55 * SeedHash.smoothNoise(SeedHash.of(seed, 4), seconds / 3600 / CLOUD_WEATHER_HOURS);
    }

    private SceneLayout layout(int width, int height) {
        long size = ((long) width << 32) | height;
        return layouts.computeIfAbsent(size, key -> new SceneLayout(width, height, land, stars));
    }

    private static double fraction(double value) {
        return value - Math.floor(value);
    }
}
