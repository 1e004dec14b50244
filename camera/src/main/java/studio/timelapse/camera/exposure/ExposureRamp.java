package studio.timelapse.camera.exposure;

import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The "holy grail" ramp: manual exposure that follows the light through dusk and dawn, so a day-to-night timelapse
 * neither flickers (as auto exposure does, re-converging after every frame) nor goes black (as locked exposure does).
 * Each frame's exposure comes from the sun's altitude at its slot; shutter first (up to the limit the interval
 * leaves), then gain; and never more than {@code maxStepStops} away from the previous frame.
 *
 * <p>Only for backends with manual exposure; the rest use auto or locked settings.
 */
public final class ExposureRamp {
    private final ToDoubleFunction<Instant> sunAltitude;
    private final ExposureLimits limits;
    private final double biasStops;
    private Optional<Exposure> previous = Optional.empty();

    /**
     * @param sunAltitude degrees above the horizon at an instant, at the camera's position
     * @param biasStops exposure compensation: positive brightens every frame
     */
    public ExposureRamp(ToDoubleFunction<Instant> sunAltitude, ExposureLimits limits, double biasStops) {
        this.sunAltitude = sunAltitude;
        this.limits = limits;
        this.biasStops = biasStops;
    }

    /** The exposure for the frame of {@code slot}. */
    public synchronized Exposure next(Instant slot) {
        double wanted = targetStops(slot);
        double stops = previous.map(last -> clamp(wanted, last.stops() - limits.maxStepStops(),
                last.stops() + limits.maxStepStops())).orElse(wanted);
        Exposure exposure = split(stops);
        previous = Optional.of(exposure);
        return exposure;
    }

    /** log2(shutter × gain) that renders the scene mid-grey: N² / 2^EV, with the bias. */
    double targetStops(Instant slot) {
        double ev = SceneBrightness.ev100(sunAltitude.applyAsDouble(slot));
        double n = limits.fNumber();
        return Math.log(n * n) / Math.log(2) - ev + biasStops;
    }

    /** Shutter first, then gain; the darkest scenes stop at the longest shutter and the highest gain. */
    private Exposure split(double stops) {
        double light = Math.pow(2, stops);
        double shutter = clamp(light, limits.minShutterSeconds(), limits.maxShutterSeconds());
        double gain = clamp(light / shutter, 1, limits.maxGain());
        return new Exposure(shutter, gain);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
