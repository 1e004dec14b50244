package studio.timelapse.shared.astronomy;

import static java.lang.Math.cos;
import static java.lang.Math.sin;
import static java.lang.Math.tan;
import static java.lang.Math.toRadians;

import java.time.Instant;

/**
 * Where the Sun is among the stars at one instant, from the series of the NOAA solar calculator (Meeus,
 * <i>Astronomical Algorithms</i>, ch. 25 and 28): its declination, and the equation of time that turns clock time into
 * the Sun's hour angle at a longitude. Everything else (altitude, azimuth, events) is geometry on these two numbers.
 *
 * <p>Time is Universal Time as seconds since the epoch; the difference between UT and Terrestrial Time (about 70 s)
 * moves the Sun by 0.001°, well below the series' own error, so it is left out as NOAA does.
 *
 * @param declination the Sun's apparent declination, radians
 * @param equationOfTimeMinutes apparent minus mean solar time, minutes
 */
record SolarCoordinates(double declination, double equationOfTimeMinutes) {

    private static final double SECONDS_PER_DAY = 86_400;
    private static final double UNIX_EPOCH_JULIAN_DAY = 2_440_587.5;
    private static final double J2000_JULIAN_DAY = 2_451_545.0;
    private static final double DAYS_PER_JULIAN_CENTURY = 36_525;
    /** The hour angle grows 360° per solar day: one degree every 240 seconds. */
    static final double SECONDS_PER_DEGREE_OF_HOUR_ANGLE = SECONDS_PER_DAY / 360;

    static SolarCoordinates at(double epochSeconds) {
        double t = (epochSeconds / SECONDS_PER_DAY + UNIX_EPOCH_JULIAN_DAY - J2000_JULIAN_DAY) / DAYS_PER_JULIAN_CENTURY;

        double meanLongitude = toRadians(280.46646 + t * (36000.76983 + t * 0.0003032));
        double meanAnomaly = toRadians(357.52911 + t * (35999.05029 - t * 0.0001537));
        double eccentricity = 0.016708634 - t * (0.000042037 + t * 0.0000001267);
        double equationOfCentre = sin(meanAnomaly) * (1.914602 - t * (0.004817 + t * 0.000014))
                + sin(2 * meanAnomaly) * (0.019993 - t * 0.000101)
                + sin(3 * meanAnomaly) * 0.000289;
        double ascendingNode = toRadians(125.04 - 1934.136 * t);
        // Nutation and aberration, folded into the longitude and the obliquity as NOAA does.
        double apparentLongitude = meanLongitude
                + toRadians(equationOfCentre - 0.00569 - 0.00478 * sin(ascendingNode));
        double meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        double obliquity = toRadians(meanObliquity + 0.00256 * cos(ascendingNode));

        double declination = Math.asin(sin(obliquity) * sin(apparentLongitude));

        double y = tan(obliquity / 2) * tan(obliquity / 2);
        double equationOfTime = y * sin(2 * meanLongitude)
                - 2 * eccentricity * sin(meanAnomaly)
                + 4 * eccentricity * y * sin(meanAnomaly) * cos(2 * meanLongitude)
                - 0.5 * y * y * sin(4 * meanLongitude)
                - 1.25 * eccentricity * eccentricity * sin(2 * meanAnomaly);
        return new SolarCoordinates(declination, 4 * Math.toDegrees(equationOfTime));
    }

    /** The Sun's hour angle at a longitude, degrees in [−180, 180): 0 at local solar noon, negative in the morning. */
    double hourAngleDegrees(double epochSeconds, double longitudeDegrees) {
        // The Unix epoch is a UTC midnight, so whole days of seconds drop out in the normalisation.
        return normalise(epochSeconds / SECONDS_PER_DEGREE_OF_HOUR_ANGLE
                + equationOfTimeMinutes / 4 + longitudeDegrees - 180);
    }

    /** The sine of the Sun's geometric altitude (no refraction) at a latitude, for an hour angle in degrees. */
    double sinAltitude(double sinLatitude, double cosLatitude, double hourAngleDegrees) {
        return sinLatitude * sin(declination) + cosLatitude * cos(declination) * cos(toRadians(hourAngleDegrees));
    }

    static double normalise(double degrees) {
        double wrapped = degrees % 360;
        if (wrapped < -180) {
            wrapped += 360;
        } else if (wrapped >= 180) {
            wrapped -= 360;
        }
        return wrapped;
    }

    static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    static Instant instant(double epochSeconds) {
        long seconds = (long) Math.floor(epochSeconds);
        long nanos = Math.round((epochSeconds - seconds) * 1e9);
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
