package studio.timelapse.shared.protocol;

/**
 * The dusk/dawn exposure ramp: manual exposure computed for every frame from the sun's altitude at the camera's
 * location, so a day-to-night run neither flickers nor goes black.
 *
 * @param fNumber the lens aperture (the Pi camera module 3 is f/1.8)
 * @param maxGain the highest analogue gain to use at night (ISO / 100)
 * @param biasStops exposure compensation: positive brightens every frame
 */
public record ExposureRampConfig(double fNumber, double maxGain, double biasStops) {
    public ExposureRampConfig {
        if (!(fNumber >= 0.7 && fNumber <= 64)) {
            throw new IllegalArgumentException("the f-number is 0.7 to 64, was " + fNumber);
        }
        if (!(maxGain >= 1 && maxGain <= 256)) {
            throw new IllegalArgumentException("the largest gain is 1 to 256, was " + maxGain);
        }
        if (!(Math.abs(biasStops) <= 5)) {
            throw new IllegalArgumentException("the bias is at most 5 stops either way, was " + biasStops);
        }
    }
}
