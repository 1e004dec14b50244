package studio.timelapse.camera.exposure;

/**
 * What the camera and the schedule allow.
 *
 * @param fNumber the lens aperture (the Pi camera module 3: f/1.8; a DSLR: as set)
 * @param minShutterSeconds the shortest exposure the camera takes
 * @param maxShutterSeconds the longest, never more than the interval leaves (the watchdog needs the rest)
 * @param maxGain the highest analogue gain (ISO / 100) before noise ruins the frame
 * @param maxStepStops the largest change from one frame to the next, in stops, so ramps stay smooth
 */
public record ExposureLimits(double fNumber, double minShutterSeconds, double maxShutterSeconds, double maxGain,
        double maxStepStops) {
    public ExposureLimits {
        if (!(fNumber > 0) || !(minShutterSeconds > 0) || maxShutterSeconds < minShutterSeconds || maxGain < 1
                || !(maxStepStops > 0)) {
            throw new IllegalArgumentException("impossible exposure limits: " + this);
        }
    }

    /** For a schedule: the longest shutter is 80 % of the interval, at most {@code cameraMaxShutter}. */
    public static ExposureLimits forInterval(double fNumber, double minShutter, double cameraMaxShutter, double maxGain,
            double intervalSeconds) {
        return new ExposureLimits(fNumber, minShutter, Math.min(cameraMaxShutter, 0.8 * intervalSeconds), maxGain,
                1.0 / 3);
    }
}
