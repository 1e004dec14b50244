package studio.timelapse.shared.astronomy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The {@link SunEvent}s of one local date at one position: when each happens, or why it does not.
 *
 * <p>The events are those of the <em>solar day</em> whose noon falls on the date: from the lower culmination before
 * that noon ("solar midnight") to the one after it. Dawns come before that noon and dusks after it, even when a dusk
 * falls after local midnight (Reykjavik's midsummer sunset is at about 00:04 the next morning). An event that does not
 * happen has a {@link SunStays} reason instead: the Sun stayed above (midnight sun, white night) or below (polar night)
 * its altitude all that solar day.
 */
public final class SunTimes {

    private final LocalDate date;
    private final ZoneId zone;
    private final GeoPosition position;
    private final Instant[] times; // by SunEvent ordinal; null where the event does not happen
    private final SunStays[] reasons; // by SunEvent ordinal; null where it does

    SunTimes(LocalDate date, ZoneId zone, GeoPosition position, Instant[] times, SunStays[] reasons) {
        this.date = date;
        this.zone = zone;
        this.position = position;
        this.times = times;
        this.reasons = reasons;
    }

    /**
     * The Sun's events for a local date in a time zone, at a position.
     *
     * @throws IllegalArgumentException if the zone skipped the date (Samoa skipped 2011-12-30 to cross the date line)
     */
    public static SunTimes on(LocalDate date, ZoneId zone, GeoPosition position) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(position, "position");
        if (!date.atTime(LocalTime.NOON).atZone(zone).toLocalDate().equals(date)) {
            throw new IllegalArgumentException(date + " does not exist in " + zone);
        }
        return new SunEventFinder(position).find(date, zone);
    }

    public LocalDate date() {
        return date;
    }

    public ZoneId zone() {
        return zone;
    }

    public GeoPosition position() {
        return position;
    }

    /** When the event happens; empty when it does not, and then {@link #whyNot} says why. */
    public Optional<Instant> time(SunEvent event) {
        return Optional.ofNullable(times[event.ordinal()]);
    }

    /** Why the event does not happen; empty when it does. */
    public Optional<SunStays> whyNot(SunEvent event) {
        return Optional.ofNullable(reasons[event.ordinal()]);
    }

    /** Solar noon, which every day has. */
    public Instant solarNoon() {
        return times[SunEvent.SOLAR_NOON.ordinal()];
    }

    @Override
    public String toString() {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
        StringJoiner events = new StringJoiner(", ", "SunTimes[" + date + " " + zone + " " + position + ": ", "]");
        for (SunEvent event : SunEvent.values()) {
            Instant time = times[event.ordinal()];
            events.add(event.label() + " " + (time != null
                    ? clock.format(time.atZone(zone))
                    : "never (" + reasons[event.ordinal()].name().toLowerCase(Locale.ROOT) + ")"));
        }
        return events.toString();
    }
}
