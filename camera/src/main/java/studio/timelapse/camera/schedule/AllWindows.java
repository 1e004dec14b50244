package studio.timelapse.camera.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Open when every one of its windows is open (start/stop and daily hours and a sun window, say). */
public record AllWindows(List<CaptureWindow> windows) implements CaptureWindow {
    /** Enough rounds for any mix of our windows to agree; more means they never do. */
    private static final int MAX_ROUNDS = 1000;

    public AllWindows {
        windows = List.copyOf(windows);
    }

    @Override
    public boolean isOpen(Instant t) {
        return windows.stream().allMatch(window -> window.isOpen(t));
    }

    @Override
    public Optional<Instant> nextOpening(Instant t) {
        Instant candidate = t;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (CaptureWindow window : windows) {
                Optional<Instant> opening = window.nextOpening(candidate);
                if (opening.isEmpty()) {
                    return Optional.empty();
                }
                if (opening.get().isAfter(candidate)) {
                    candidate = opening.get();
                    moved = true;
                }
            }
            if (!moved) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return String.join(" and ", windows.stream().map(CaptureWindow::describe).toList());
    }
}
