package studio.timelapse.camera.capture.synthetic;

import java.time.Duration;
import java.time.Instant;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * Chooses a frame's shutter and gain the way a small camera's auto exposure does: it aims the scene's mean at
 * mid-grey, reacting to the light as it was {@code lag} ago (so it trails at dusk and dawn), with a small random error
 * each frame (the flicker that deflicker removes), within the sensor's limits: shutter first to 1/30 s, then gain to
 * 4, then shutter to 1 s, then gain to 16 (deep night stays darker than
 * mid-grey). Locked settings are used as given. A pure function of the scene time, so
 * frames stay reproducible.
 */
final class AutoExposure {
    /** The linear mean auto exposure aims at (about 118 of 255 after the tone curve). */
    static final double TARGET = 0.18;
    static final double SHORTEST_SHUTTER = 1.0 / 20_000;
    static final double LONGEST_SHUTTER = 1;
    static final double HIGHEST_GAIN = 16;
    private static final double STEADY_SHUTTER = 1.0 / 30;
    private static final double FIRST_GAIN = 4;

    private final Scene scene;
    private final long seed;
    private final double flickerStops;
    private final Duration lag;

    /**
     * @param flickerStops the largest error of one frame's exposure, in stops (0 for none)
     * @param lag how far behind the scene auto exposure reacts, in scene time
     */
    AutoExposure(Scene scene, long seed, double flickerStops, Duration lag) {
        this.scene = scene;
        this.seed = seed;
        this.flickerStops = flickerStops;
        this.lag = lag;
    }

    Exposure choose(FrameSettings settings, Instant sceneTime, int width, int height) {
        if (settings.shutterSeconds().isPresent()) {
            return new Exposure(settings.shutterSeconds().get(), settings.gain().orElse(1.0), false);
        }
        double metered = Math.max(1e-9, scene.meanLuminance(sceneTime.minus(lag), width, height));
        double error = StrictMath.pow(2, flickerStops * SeedHash.signed(SeedHash.of(seed, sceneTime)));
        double wanted = TARGET / (metered * Exposure.SENSITIVITY) * error;
        if (settings.gain().isPresent()) {
            double gain = settings.gain().get();
            return new Exposure(clamp(wanted / gain, SHORTEST_SHUTTER, LONGEST_SHUTTER), gain, true);
        }
        double product = clamp(wanted, SHORTEST_SHUTTER, LONGEST_SHUTTER * HIGHEST_GAIN);
        if (product <= STEADY_SHUTTER) {
            return new Exposure(product, 1, true);
        } else if (product <= STEADY_SHUTTER * FIRST_GAIN) {
            return new Exposure(STEADY_SHUTTER, product / STEADY_SHUTTER, true);
        } else if (product <= LONGEST_SHUTTER * FIRST_GAIN) {
            return new Exposure(product / FIRST_GAIN, FIRST_GAIN, true);
        }
        return new Exposure(LONGEST_SHUTTER, product / LONGEST_SHUTTER, true);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
