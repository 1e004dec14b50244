package studio.timelapse.shared.astronomy;

import static studio.timelapse.shared.astronomy.SolarCoordinates.SECONDS_PER_DEGREE_OF_HOUR_ANGLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Finds when the Sun crosses each event's altitude during one solar day at one position.
 *
 * <p>Why a bracketing search rather than the textbook hour-angle formula: the formula takes the declination as fixed
 * through the day and needs special cases where it has no answer; the search only asks "which side of the altitude is
 * the Sun on?" at solar noon and at the lower culminations on either side. Between a lower culmination and noon the
 * altitude only rises (and after noon only falls), so there is exactly one crossing when the two ends are on opposite
 * sides, and none — with the reason — when they are not. That holds at any latitude short of the poles themselves.
 */
final class SunEventFinder {

    /** Half a second: far inside the algorithm's own accuracy, and reached in a handful of steps. */
    private static final double TOLERANCE_SECONDS = 0.5;
    private static final int MAX_STEPS = 50;
    private static final double HALF_DAY_SECONDS = 43_200;

    private final GeoPosition position;
    private final double sinLatitude;
    private final double cosLatitude;

    SunEventFinder(GeoPosition position) {
        this.position = position;
        double latitude = Math.toRadians(position.latitude());
        this.sinLatitude = Math.sin(latitude);
        this.cosLatitude = Math.cos(latitude);
    }

    SunTimes find(LocalDate date, ZoneId zone) {
        double localNoon = SolarCoordinates.epochSeconds(date.atTime(LocalTime.NOON).atZone(zone).toInstant());
        double noon = whenHourAngleIs(0, localNoon);
        double midnightBefore = whenHourAngleIs(-180, noon - HALF_DAY_SECONDS);
        double midnightAfter = whenHourAngleIs(-180, noon + HALF_DAY_SECONDS);

        double sinAtNoon = sinAltitude(noon);
        double sinAtMidnightBefore = sinAltitude(midnightBefore);
        double sinAtMidnightAfter = sinAltitude(midnightAfter);

        SunEvent[] events = SunEvent.values();
        Instant[] times = new Instant[events.length];
        SunStays[] reasons = new SunStays[events.length];
        times[SunEvent.SOLAR_NOON.ordinal()] = SolarCoordinates.instant(noon);
        for (SunEvent event : events) {
            if (event == SunEvent.SOLAR_NOON) {
                continue;
            }
            double sinThreshold = Math.sin(Math.toRadians(event.altitude().orElseThrow()));
            double darkEnd = event.isRising() ? midnightBefore : midnightAfter;
            double sinAtDarkEnd = event.isRising() ? sinAtMidnightBefore : sinAtMidnightAfter;
            if (sinAtNoon < sinThreshold) {
                reasons[event.ordinal()] = SunStays.BELOW;
            } else if (sinAtDarkEnd >= sinThreshold) {
                reasons[event.ordinal()] = SunStays.ABOVE;
            } else {
                double time = crossing(sinThreshold, darkEnd, sinAtDarkEnd - sinThreshold, noon, sinAtNoon - sinThreshold);
                times[event.ordinal()] = SolarCoordinates.instant(time);
            }
        }
        return new SunTimes(date, zone, position, times, reasons);
    }

    /** The instant near {@code guess} when the Sun's hour angle is {@code target} degrees (0: noon, −180: midnight). */
    private double whenHourAngleIs(double target, double guess) {
        double t = guess;
        for (int step = 0; step < 3; step++) { // the equation of time drifts by seconds a day: two steps converge
            double hourAngle = SolarCoordinates.at(t).hourAngleDegrees(t, position.longitude());
            t -= SolarCoordinates.normalise(hourAngle - target) * SECONDS_PER_DEGREE_OF_HOUR_ANGLE;
        }
        return t;
    }

    /**
     * The instant between {@code a} and {@code b} when the Sun's altitude has the given sine, where it is below at one
     * end and above at the other ({@code fa}, {@code fb}: the sines' differences there): the Illinois variant of
     * regula falsi, which keeps the bracket and converges fast.
     */
    private double crossing(double sinThreshold, double a, double fa, double b, double fb) {
        int lastMoved = 0;
        double c = b;
        for (int step = 0; step < MAX_STEPS && Math.abs(b - a) > TOLERANCE_SECONDS; step++) {
            c = (a * fb - b * fa) / (fb - fa);
            double fc = sinAltitude(c) - sinThreshold;
            if (fc == 0) {
                return c;
            }
            if ((fc > 0) == (fb > 0)) {
                b = c;
                fb = fc;
                if (lastMoved == 1) {
                    fa /= 2; // the same end moved twice: halve the other's weight so it moves too
                }
                lastMoved = 1;
            } else {
                a = c;
                fa = fc;
                if (lastMoved == -1) {
                    fb /= 2;
                }
                lastMoved = -1;
            }
        }
        return c;
    }

    private double sinAltitude(double t) {
        SolarCoordinates sun = SolarCoordinates.at(t);
        return sun.sinAltitude(sinLatitude, cosLatitude, sun.hourAngleDegrees(t, position.longitude()));
    }
}
