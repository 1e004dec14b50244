package studio.timelapse.shared.astronomy;

import static java.lang.Math.atan2;
import static java.lang.Math.cos;
import static java.lang.Math.sin;
import static java.lang.Math.tan;
import static java.lang.Math.toDegrees;
import static java.lang.Math.toRadians;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the Sun stands in a camera's sky at one instant.
 *
 * @param altitude the geometric (true) altitude of the Sun's centre above the horizon, degrees, −90 to 90; the
 *     thresholds of {@link DayPhase} and {@link SunEvent} are defined on this altitude
 * @param azimuth the compass bearing of the Sun, degrees clockwise from true north, 0 to 360
 */
public record SunPosition(double altitude, double azimuth) {

    /** The Sun's position at an instant, seen from a position. */
    public static SunPosition at(Instant instant, GeoPosition position) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(position, "position");
        double t = SolarCoordinates.epochSeconds(instant);
        SolarCoordinates sun = SolarCoordinates.at(t);
        double latitude = toRadians(position.latitude());
        double hourAngle = sun.hourAngleDegrees(t, position.longitude());
        return new SunPosition(altitude(sun, latitude, hourAngle), azimuth(sun, latitude, hourAngle));
    }

    /** Only the Sun's geometric altitude, degrees: what {@link DayPhase} needs, without building a position. */
    public static double altitudeAt(Instant instant, GeoPosition position) {
        double t = SolarCoordinates.epochSeconds(instant);
        SolarCoordinates sun = SolarCoordinates.at(t);
        return altitude(sun, toRadians(position.latitude()), sun.hourAngleDegrees(t, position.longitude()));
    }

    private static double altitude(SolarCoordinates sun, double latitude, double hourAngleDegrees) {
        double sinAltitude = sun.sinAltitude(sin(latitude), cos(latitude), hourAngleDegrees);
        return toDegrees(Math.asin(Math.max(-1, Math.min(1, sinAltitude))));
    }

    private static double azimuth(SolarCoordinates sun, double latitude, double hourAngleDegrees) {
        double hourAngle = toRadians(hourAngleDegrees);
        double fromSouth = atan2(sin(hourAngle), cos(hourAngle) * sin(latitude) - tan(sun.declination()) * cos(latitude));
        return (toDegrees(fromSouth) + 180) % 360;
    }

    /**
     * The altitude where the Sun appears, lifted by the refraction of a standard atmosphere (10 °C, 1010 hPa) as the
     * NOAA calculator models it; about half a degree at the horizon, nothing near the zenith. What a light meter or an
     * exposure ramp sees; the event thresholds already include standard refraction and use {@link #altitude()}.
     */
    public double apparentAltitude() {
        return altitude + Refraction.degrees(altitude);
    }

    /** NOAA's piecewise fit of standard atmospheric refraction, degrees, for a geometric altitude in degrees. */
    private static final class Refraction {
        private Refraction() {}

        static double degrees(double altitude) {
            if (altitude > 85) {
                return 0;
            }
            double tanAltitude = tan(toRadians(altitude));
            double arcSeconds;
            if (altitude > 5) {
                arcSeconds = 58.1 / tanAltitude - 0.07 / Math.pow(tanAltitude, 3) + 0.000086 / Math.pow(tanAltitude, 5);
            } else if (altitude > -0.575) {
                arcSeconds = 1735 + altitude * (-518.2 + altitude * (103.4 + altitude * (-12.79 + altitude * 0.711)));
            } else {
                arcSeconds = -20.772 / tanAltitude;
            }
            return arcSeconds / 3600;
        }
    }
}
