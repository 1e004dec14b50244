package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Capture times from {@code from} (inclusive) to {@code to} (exclusive); an empty end is open.
 */
public record CaptureRange(Optional<Instant> from, Optional<Instant> to) {
    public static final CaptureRange ALL = new CaptureRange(Optional.empty(), Optional.empty());

    public CaptureRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw new IllegalArgumentException("a capture range must end after it starts: " + from.get() + " to "
                    + to.get());
        }
    }

    public static CaptureRange between(Instant from, Instant to) {
        return new CaptureRange(Optional.of(from), Optional.of(to));
    }

    public static CaptureRange from(Instant from) {
        return new CaptureRange(Optional.of(from), Optional.empty());
    }

    public static CaptureRange until(Instant to) {
        return new CaptureRange(Optional.empty(), Optional.of(to));
    }

    public boolean contains(Instant instant) {
        return from.map(f -> !instant.isBefore(f)).orElse(true) && to.map(instant::isBefore).orElse(true);
    }

    long toMillis() {
        return to.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
    }
}
