package studio.timelapse.shared.astronomy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily capture window bounded by the Sun, such as "from civil dawn − 30 min to civil dusk + 30 min" or, across
 * midnight, "from sunset to sunrise". {@link #on} turns it into the concrete interval of one local date.
 *
 * <p>Which day the end belongs to: the end event is taken from the same solar day when it comes later in the day's
 * order ({@link SunEvent}'s order: dawns, noon, dusks), otherwise from the next one — so "sunset to sunrise" ends at
 * the next morning's sunrise.
 *
 * <p>When an edge's event does not happen (high latitudes), the Sun decides:
 * <ul>
 *   <li>a start event missing because the Sun stays on the side the window wants (no civil dawn in the midnight sun,
 *       for "civil dawn to civil dusk") opens the window at the start of the local date;</li>
 *   <li>an end event missing because the Sun stays on the window's side keeps it open until the first local midnight
 *       after its start, where the next date's window takes over;</li>
 *   <li>an event missing because the Sun stays on the other side (no civil dawn in the polar night) closes the window
 *       for that date, with the reason.</li>
 * </ul>
 * Offsets are not applied to such a boundary. A window whose offsets leave nothing (start at or after end) is closed.
 * Wide offsets can make the intervals of consecutive dates overlap; a scheduler merges them.
 *
 * @param start where the window opens
 * @param end where it closes
 */
public record SunWindow(SunAnchor start, SunAnchor end) {

    public SunWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static SunWindow between(SunAnchor start, SunAnchor end) {
        return new SunWindow(start, end);
    }

    /** Whether the end is taken from the next solar day, as in "sunset to sunrise". */
    public boolean endsNextDay() {
        int order = Integer.compare(end.event().ordinal(), start.event().ordinal());
        return order < 0 || (order == 0 && end.offset().compareTo(start.offset()) <= 0);
    }

    /** The window on a local date in a zone, at a position. */
    public DailyWindow on(LocalDate date, ZoneId zone, GeoPosition position) {
        SunTimes day = SunTimes.on(date, zone, position);
        SunTimes endDay = endsNextDay() ? SunTimes.on(date.plusDays(1), zone, position) : day;
        return on(day, endDay);
    }

    /**
     * The window from already computed days: {@code day} for its date, and {@code endDay} — the next date's when
     * {@link #endsNextDay()}, otherwise the same — for a scheduler that keeps the days it has computed.
     */
    public DailyWindow on(SunTimes day, SunTimes endDay) {
        LocalDate date = day.date();
        ZoneId zone = day.zone();
        LocalDate endDate = endsNextDay() ? date.plusDays(1) : date;
        if (!endDay.date().equals(endDate) || !endDay.zone().equals(zone)
                || !endDay.position().equals(day.position())) {
            throw new IllegalArgumentException("the window " + this + " on " + date + " ends on the day of " + endDate
                    + " in " + zone + " at " + day.position() + ", not " + endDay.date() + " in " + endDay.zone()
                    + " at " + endDay.position());
        }

        Instant from;
        Optional<Instant> startEvent = day.time(start.event());
        if (startEvent.isPresent()) {
            from = startEvent.get().plus(start.offset());
        } else if (day.whyNot(start.event()).orElseThrow() == start.event().sideAfter()) {
            from = date.atStartOfDay(zone).toInstant();
        } else {
            return closed(date, day, start.event());
        }

        Instant to;
        Optional<Instant> endEvent = endDay.time(end.event());
        if (endEvent.isPresent()) {
            to = endEvent.get().plus(end.offset());
        } else if (endDay.whyNot(end.event()).orElseThrow() != end.event().sideAfter()) {
            to = from.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        } else {
            return closed(date, endDay, end.event());
        }

        if (!to.isAfter(from)) {
            return new DailyWindow.Closed(date, "the window from " + start + " to " + end + " is empty on " + date
                    + ": it would close at " + to.atZone(zone).toLocalTime() + ", before it opens at "
                    + from.atZone(zone).toLocalTime());
        }
        return new DailyWindow.Open(date, new TimeInterval(from, to));
    }

    private static DailyWindow closed(LocalDate date, SunTimes day, SunEvent missing) {
        return new DailyWindow.Closed(date, missing.label() + " does not happen on " + day.date() + " at "
                + day.position() + ": " + day.whyNot(missing).orElseThrow().describe(missing));
    }

    @Override
    public String toString() {
        return "from " + start + " to " + end;
    }
}
