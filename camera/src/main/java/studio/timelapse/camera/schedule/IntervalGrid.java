package studio.timelapse.camera.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Capture slots on absolute times, start to start: {@code anchor + k × interval}. Because slots are computed, not
 * accumulated, a slow capture never shifts the ones after it (the drift the tools we replace have).
 */
public record IntervalGrid(Instant anchor, Duration interval) {
    public static final Duration SHORTEST = Duration.ofMillis(500);
    public static final Duration LONGEST = Duration.ofDays(1);

    public IntervalGrid {
        if (interval.compareTo(SHORTEST) < 0 || interval.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the interval is 0.5 s to 24 h, was " + interval);
        }
    }

    /** The first slot at or after {@code t}. */
    public Instant slotAtOrAfter(Instant t) {
        long step = interval.toNanos();
        long offset = Duration.between(anchor, t).toNanos();
        long k = offset <= 0 ? 0 : Math.floorDiv(offset + step - 1, step);
        return anchor.plusNanos(k * step);
    }

    /** The first slot strictly after {@code t}. */
    public Instant slotAfter(Instant t) {
        return slotAtOrAfter(t.plusNanos(1));
    }

    /** How many slots lie strictly between {@code after} and {@code before}: the ones skipped between captures. */
    public long slotsBetween(Instant after, Instant before) {
        Instant first = slotAfter(after);
        if (!first.isBefore(before)) {
            return 0;
        }
        return (Duration.between(first, before).toNanos() - 1) / interval.toNanos() + 1;
    }
}
