package studio.timelapse.camera.capture.synthetic;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.ToDoubleFunction;
import studio.timelapse.shared.astronomy.GeoPosition;

/**
 * The sun's position at each scene instant: the real sun at a place on Earth ({@link #at}), or a smooth stand-in day
 * ({@link #simpleDay}) when the camera's place is not configured.
 */
@FunctionalInterface
public interface SunPath {

    SunPosition at(Instant sceneTime);

    /**
     * The real sun at {@code position}: altitude (as it appears, lifted by refraction) and azimuth from
     * {@link studio.timelapse.shared.astronomy.SunPosition}, the model the schedule's sun windows and the exposure ramp
     * use, so a demo at a real place rises, sets and turns dusky when the sun tables say. The scene faces the equator:
     * south in the northern hemisphere, north in the southern, where the noon sun stands.
     */
    static SunPath at(GeoPosition position) {
        boolean facesNorth = position.latitude() < 0;
        return instant -> {
            var sun = studio.timelapse.shared.astronomy.SunPosition.at(instant, position);
            double altitude = Math.max(-90, Math.min(90, sun.apparentAltitude()));
            double azimuth = facesNorth ? (sun.azimuth() + 180) % 360 : sun.azimuth();
            return new SunPosition(altitude, azimuth);
        };
    }

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
