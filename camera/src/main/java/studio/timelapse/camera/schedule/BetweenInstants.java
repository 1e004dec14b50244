package studio.timelapse.camera.schedule;

import java.time.Instant;
import java.util.Optional;

/** Open from {@code start} (inclusive) to {@code stop} (exclusive); either end may be open. */
public record BetweenInstants(Optional<Instant> start, Optional<Instant> stop) implements CaptureWindow {
    public BetweenInstants {
        if (start.isPresent() && stop.isPresent() && !start.get().isBefore(stop.get())) {
            throw new IllegalArgumentException("the start " + start.get() + " must come before the stop " + stop.get());
        }
    }

    @Override
    public boolean isOpen(Instant t) {
        return start.map(s -> !t.isBefore(s)).orElse(true) && stop.map(t::isBefore).orElse(true);
    }

    @Override
    public Optional<Instant> nextOpening(Instant t) {
        if (stop.isPresent() && !t.isBefore(stop.get())) {
            return Optional.empty();
        }
        return Optional.of(start.filter(t::isBefore).orElse(t));
    }

    @Override
    public String describe() {
        return "from " + start.map(Instant::toString).orElse("now") + " until " + stop.map(Instant::toString).orElse("stopped");
    }
}
