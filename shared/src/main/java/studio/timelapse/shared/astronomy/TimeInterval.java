package studio.timelapse.shared.astronomy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open stretch of time, {@code [start, end)}: it contains its start but not its end, so the intervals of
 * consecutive days can meet without overlapping.
 */
public record TimeInterval(Instant start, Instant end) {

    public TimeInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an interval must end after it starts: " + start + " to " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
