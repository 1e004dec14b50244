package studio.timelapse.shared.astronomy;

import java.time.Instant;

/**
 * How dark it is, by the Sun's geometric altitude: the bands between sunrise/sunset and the three twilights. The studio
 * tags each frame with one; {@link SunEvent}s are the moments the Sun crosses from one band to the next.
 *
 * <p>The lower bounds are the standard definitions (US Naval Observatory, HM Nautical Almanac Office): sunrise and
 * sunset when the Sun's centre is 50′ below the horizon (its upper edge, lifted by standard refraction, on the
 * horizon), and civil, nautical and astronomical twilight down to 6°, 12° and 18° below it.
 */
public enum DayPhase {
    /** The Sun is up: at or above −0.833°. */
    DAY(-0.833),
    /** From −0.833° down to −6°: the sky is bright, the brightest stars show. */
    CIVIL_TWILIGHT(-6),
    /** From −6° down to −12°: the horizon fades; it is dark for a camera. */
    NAUTICAL_TWILIGHT(-12),
    /** From −12° down to −18°: faint remaining glow. */
    ASTRONOMICAL_TWILIGHT(-18),
    /** Below −18°. */
    NIGHT(-90);

    private final double lowestAltitude;

    DayPhase(double lowestAltitude) {
        this.lowestAltitude = lowestAltitude;
    }

    /** The lowest geometric altitude of the Sun's centre in this phase, degrees (inclusive). */
    public double lowestAltitude() {
        return lowestAltitude;
    }

    /** The phase at an instant, seen from a position. */
    public static DayPhase at(Instant instant, GeoPosition position) {
        return ofAltitude(SunPosition.altitudeAt(instant, position));
    }

    /** The phase for a geometric altitude of the Sun's centre, degrees. */
    public static DayPhase ofAltitude(double altitude) {
        for (DayPhase phase : VALUES) {
            if (altitude >= phase.lowestAltitude) {
                return phase;
            }
        }
        return NIGHT;
    }

    private static final DayPhase[] VALUES = values(); // values() copies its array on every call
}
