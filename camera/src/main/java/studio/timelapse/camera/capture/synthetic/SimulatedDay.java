package studio.timelapse.camera.capture.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole day for the synthetic camera in a few minutes of real time, as {@code camera run --simulate-day 2m} asks:
 * the scene starts at {@value #DAWN_HOUR}:00 local time today, before sunrise at most latitudes, so a demo shows
 * night, dawn, day and dusk.
 */
public final class SimulatedDay {
    static final int DAWN_HOUR = 4;
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private SimulatedDay() {}

    /** The scene clock of a day that starts now (real time) and lasts {@code realDuration}. */
    public static SceneClock startingNow(Duration realDuration, Instant now, ZoneId zone) {
        Instant sceneStart = now.atZone(zone).toLocalDate().atTime(LocalTime.of(DAWN_HOUR, 0)).atZone(zone)
                .toInstant();
        return SceneClock.dayIn(realDuration, now, sceneStart);
    }

    /** {@code 90s}, {@code 2m}, {@code 1.5h}, {@code 500ms} or ISO-8601 ({@code PT2M}); empty when not a duration. */
    public static Optional<Duration> parseDuration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT.matcher(trimmed);
        Duration parsed;
        if (shortForm.matches()) {
            double amount = Double.parseDouble(shortForm.group(1));
            double millis = switch (shortForm.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            parsed = Duration.ofMillis(Math.round(millis));
        } else {
            try {
                parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return parsed.isNegative() || parsed.isZero() ? Optional.empty() : Optional.of(parsed);
    }
}
