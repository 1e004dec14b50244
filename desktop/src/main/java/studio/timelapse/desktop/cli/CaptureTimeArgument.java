package studio.timelapse.desktop.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A time typed on the command line: an instant with its offset ({@code 2024-06-21T05:30:00Z},
 * {@code 2024-06-21T05:30+02:00}), a local date and time ({@code 2024-06-21T05:30}, in the given zone) or a date
 * ({@code 2024-06-21}: the start of that day, or — for the end of a range — the end of it, so that
 * {@code --from 2024-06-01 --to 2024-06-03} covers three whole days).
 */
final class CaptureTimeArgument {
    private CaptureTimeArgument() {}

    static Instant parse(String text, boolean endOfRange, ZoneId zone) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try the next form
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return (endOfRange ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("'" + text + "' is not a time: give 2024-06-21, 2024-06-21T05:30 (local"
                    + " time) or 2024-06-21T05:30:00Z");
        }
    }
}
