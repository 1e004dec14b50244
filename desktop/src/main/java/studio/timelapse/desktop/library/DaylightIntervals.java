package studio.timelapse.desktop.library;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.astronomy.SunAnchor;
import studio.timelapse.shared.astronomy.SunEvent;
import studio.timelapse.shared.astronomy.SunWindow;
import studio.timelapse.shared.astronomy.TimeInterval;

/**
 * The stretches of daylight at one place, sunrise to sunset, one solar day after another: what lets a daytime-only
 * sequence read a located camera's frames by range scans of the day's hours alone, never touching its nights. The
 * same rule as {@link Daylight} — the Sun's upper edge above the horizon — as intervals (the midnight sun is one
 * interval per day, ending at local midnight where the next day's begins; the polar night has none).
 *
 * <p>A place's days never change, so the library keeps one of these per place ({@link Library#daylightAt}) and each
 * date is worked out once for the library's life, by whichever thread asks first.
 */
final class DaylightIntervals {
    private static final SunWindow SUN_UP =
            SunWindow.between(SunAnchor.at(SunEvent.SUNRISE), SunAnchor.at(SunEvent.SUNSET));
    /** Longer than any polar night: past this, the Sun is taken not to rise again. */
    private static final int SEARCH_DAYS = 200;

    private final GeoPosition position;
    /** Local mean solar time, so that each solar day falls on one date of this offset. */
    private final ZoneOffset solarZone;
    private final Map<LocalDate, Optional<TimeInterval>> days = new ConcurrentHashMap<>();

    DaylightIntervals(GeoPosition position) {
        this.position = position;
        int seconds = (int) Math.round(position.longitude() / 15.0 * 3600);
        this.solarZone = ZoneOffset.ofTotalSeconds(Math.max(-18 * 3600, Math.min(18 * 3600, seconds)));
    }

    /** The first stretch of daylight that ends after {@code instant} (it may have begun before it). */
    Optional<TimeInterval> next(Instant instant) {
        LocalDate date = instant.atOffset(solarZone).toLocalDate().minusDays(1);
        for (int day = 0; day < SEARCH_DAYS; day++, date = date.plusDays(1)) {
            Optional<TimeInterval> daylight = on(date);
            if (daylight.isPresent() && daylight.get().end().isAfter(instant)) {
                return daylight;
            }
        }
        return Optional.empty();
    }

    /** A date's daylight; each date is worked out once (finding the Sun's events takes about 45 µs). */
    private Optional<TimeInterval> on(LocalDate date) {
        return days.computeIfAbsent(date, d -> SUN_UP.on(d, solarZone, position).interval());
    }
}
