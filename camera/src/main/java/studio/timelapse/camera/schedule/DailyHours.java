package studio.timelapse.camera.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Open every day between two local times in the camera's zone; {@code from} after {@code to} means a night window
 * (22:00–04:00). Local times follow DST: a window that starts in a skipped hour starts when the hour resumes.
 */
public record DailyHours(LocalTime from, LocalTime to, ZoneId zone) implements CaptureWindow {
    public DailyHours {
        if (from.equals(to)) {
            throw new IllegalArgumentException("daily hours from and to are the same (" + from + "): use no daily window");
        }
    }

    @Override
    public boolean isOpen(Instant t) {
        LocalTime local = t.atZone(zone).toLocalTime();
        return from.isBefore(to) ? !local.isBefore(from) && local.isBefore(to) : !local.isBefore(from) || local.isBefore(to);
    }

    @Override
    public Optional<Instant> nextOpening(Instant t) {
        if (isOpen(t)) {
            return Optional.of(t);
        }
        LocalDate day = t.atZone(zone).toLocalDate();
        for (int i = 0; i < 3; i++) {
            Instant opening = ZonedDateTime.of(day.plusDays(i), from, zone).toInstant();
            if (!opening.isBefore(t)) {
                return Optional.of(opening);
            }
        }
        throw new IllegalStateException("no opening of " + describe() + " within three days of " + t);
    }

    @Override
    public String describe() {
        return "daily " + from + "–" + to + " " + zone;
    }
}
