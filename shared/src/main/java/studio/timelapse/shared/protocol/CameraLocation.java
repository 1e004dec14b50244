package studio.timelapse.shared.protocol;

import java.time.ZoneId;
import studio.timelapse.shared.astronomy.GeoPosition;

/**
 * Where the camera stands: for sun-relative windows, the exposure ramp and the studio's day/night bands.
 *
 * @param zone an IANA zone id ("Europe/Zurich"): local times, daily hours and UTC offsets follow it
 */
public record CameraLocation(double latitude, double longitude, String zone) {
    public CameraLocation {
        GeoPosition.of(latitude, longitude); // same checks, same messages
        ZoneId.of(zone); // throws with the reason for an unknown zone
    }

    public GeoPosition position() {
        return GeoPosition.of(latitude, longitude);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
