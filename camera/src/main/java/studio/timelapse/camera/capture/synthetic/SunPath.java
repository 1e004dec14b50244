package studio.timelapse.camera.capture.synthetic;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.ToDoubleFunction;

/**
 * The sun's position at each scene instant. The built-in {@link #simpleDay} is a smooth stand-in; an astronomical
 * model (the sun's altitude for a place on Earth) plugs in through {@link #ofAltitude} or as a whole path.
 */
@FunctionalInterface
public interface SunPath {

    SunPosition at(Instant sceneTime);

    /**
     * A smooth day in {@code zone}'s local time: the sun rises in the east at 06:00, stands 50° high in the south at
     * noon, sets in the west at 18:00 and is 50° below the horizon at midnight.
     */
    static SunPath simpleDay(ZoneId zone) {
        return ofAltitude(instant -> 50 * StrictMath.sin(2 * Math.PI * (localHours(instant, zone) - 6) / 24), zone);
    }

    /**
     * The sun at {@code altitudeDegrees} (for example from an astronomical model for the camera's place), moving
     * 15° of azimuth an hour through the south at local noon.
     */
    static SunPath ofAltitude(ToDoubleFunction<Instant> altitudeDegrees, ZoneId zone) {
        return instant -> {
            double altitude = Math.max(-90, Math.min(90, altitudeDegrees.applyAsDouble(instant)));
            double azimuth = 180 + 15 * (localHours(instant, zone) - 12);
            return new SunPosition(altitude, azimuth);
        };
    }

    private static double localHours(Instant instant, ZoneId zone) {
        LocalTime time = instant.atZone(zone).toLocalTime();
        return time.toNanoOfDay() / 3_600e9;
    }
}
