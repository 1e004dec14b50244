package studio.timelapse.camera.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.astronomy.DailyWindow;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.astronomy.SunWindow;
import studio.timelapse.shared.astronomy.TimeInterval;

/**
 * Open between two sun events each day at the camera's position ("civil dawn − 30 min to civil dusk + 30 min"). Days
 * on which an event does not happen (polar night, midnight sun) are open or closed as the sun decides, with the reason.
 */
public final class SunRelativeWindow implements CaptureWindow {
    /** Far enough to cross a polar night (about two months at Tromsø; half a year at the pole). */
    private static final int SEARCH_DAYS = 200;
    private static final int CACHED_DAYS = 8;

    private final SunWindow window;
    private final ZoneId zone;
    private final GeoPosition position;
    private final Map<LocalDate, DailyWindow> days = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, DailyWindow> eldest) {
            return size() > CACHED_DAYS;
        }
    };

    public SunRelativeWindow(SunWindow window, ZoneId zone, GeoPosition position) {
        this.window = window;
        this.zone = zone;
        this.position = position;
    }

    @Override
    public boolean isOpen(Instant t) {
        LocalDate date = t.atZone(zone).toLocalDate();
        // Yesterday's window may run past midnight into today (sunset to sunrise).
        return contains(date.minusDays(1), t) || contains(date, t);
    }

    private boolean contains(LocalDate date, Instant t) {
        return day(date).interval().map(interval -> interval.contains(t)).orElse(false);
    }

    @Override
    public Optional<Instant> nextOpening(Instant t) {
        if (isOpen(t)) {
            return Optional.of(t);
        }
        LocalDate date = t.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++) {
            Optional<TimeInterval> interval = day(date.plusDays(i)).interval();
            if (interval.isPresent() && interval.get().end().isAfter(t)) {
                Instant start = interval.get().start();
                return Optional.of(start.isAfter(t) ? start : t);
            }
        }
        return Optional.empty();
    }

    /** Why the window is closed on the local date of {@code t}, when the sun is the reason. */
    public Optional<String> closedReason(Instant t) {
        return day(t.atZone(zone).toLocalDate()) instanceof DailyWindow.Closed closed ? Optional.of(closed.reason())
                : Optional.empty();
    }

    private synchronized DailyWindow day(LocalDate date) {
        return days.computeIfAbsent(date, d -> window.on(d, zone, position));
    }

    @Override
    public String describe() {
        return window + " at " + position;
    }
}
