package studio.timelapse.camera.exposure;

/**
 * How bright an open-sky landscape is for a given sun altitude, as an exposure value at ISO 100 (EV100). The curve
 * follows the usual photographic guides: about EV 15 in full sun, 12–13 at sunset, 8 at the end of civil twilight, 2
 * at the end of nautical twilight and −4 on a moonless night. Smooth between its points, so exposures ramp without
 * visible steps.
 */
public final class SceneBrightness {
    /** (sun altitude in degrees, EV100), from below the horizon to high sun. */
    private static final double[][] CURVE = {
        {-18, -4.0},
        {-12, 1.0},
        {-6, 7.0},
        {-0.833, 11.0},
        {5, 13.0},
        {15, 14.3},
        {30, 15.0},
        {90, 15.5},
    };

    private SceneBrightness() {}

    /** EV100 of the scene when the sun stands at {@code altitudeDegrees}. */
    public static double ev100(double altitudeDegrees) {
        if (altitudeDegrees <= CURVE[0][0]) {
            return CURVE[0][1];
        }
        for (int i = 1; i < CURVE.length; i++) {
            if (altitudeDegrees <= CURVE[i][0]) {
                double span = CURVE[i][0] - CURVE[i - 1][0];
                double t = (altitudeDegrees - CURVE[i - 1][0]) / span;
                // Smoothstep between points: no kink in the ramp where two segments meet.
                double eased = t * t * (3 - 2 * t);
                return CURVE[i - 1][1] + eased * (CURVE[i][1] - CURVE[i - 1][1]);
            }
        }
        return CURVE[CURVE.length - 1][1];
    }
}
