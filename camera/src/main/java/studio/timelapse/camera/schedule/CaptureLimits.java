package studio.timelapse.camera.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a run ends by itself: after so many frames, or so long after it started. */
public record CaptureLimits(Optional<Long> maxFrames, Optional<Duration> maxDuration) {
    public static CaptureLimits none() {
        return new CaptureLimits(Optional.empty(), Optional.empty());
    }

    /** Why the run is over, if it is. */
    public Optional<String> reached(long frames, Instant startedAt, Instant slot) {
        if (maxFrames.isPresent() && frames >= maxFrames.get()) {
            return Optional.of("took the " + maxFrames.get() + " frames asked for");
        }
        if (maxDuration.isPresent() && !slot.isBefore(startedAt.plus(maxDuration.get()))) {
            return Optional.of("ran for the " + maxDuration.get() + " asked for");
        }
        return Optional.empty();
    }
}
