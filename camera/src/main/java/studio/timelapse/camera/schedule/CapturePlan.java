package studio.timelapse.camera.schedule;

import java.time.Instant;
import java.util.Optional;

/** Where the next frame falls: on the interval grid, inside the window, within the limits. */
public record CapturePlan(IntervalGrid grid, CaptureWindow window, CaptureLimits limits) {

    /** The next slot at or after {@code t} that the window allows; empty when the window never opens again. */
    public Optional<Instant> nextSlot(Instant t) {
        Instant candidate = grid.slotAtOrAfter(t);
        for (int round = 0; round < 10_000; round++) {
            if (window.isOpen(candidate)) {
                return Optional.of(candidate);
            }
            Optional<Instant> opening = window.nextOpening(candidate);
            if (opening.isEmpty()) {
                return Optional.empty();
            }
            candidate = grid.slotAtOrAfter(opening.get());
        }
        return Optional.empty();
    }
}
