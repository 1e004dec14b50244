package studio.timelapse.camera.schedule;

import java.time.Duration;
import java.time.Instant;
import studio.timelapse.shared.testing.ManualClock;

/** Virtual time for the capture loop: sleeping moves the clock, and "work" moves it too. */
final class VirtualTimer implements SlotTimer {
    final ManualClock clock;

    VirtualTimer(Instant start) {
        this.clock = new ManualClock(start);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void sleepUntil(Instant t) {
        Duration left = Duration.between(clock.instant(), t);
        if (!left.isNegative()) {
            clock.advance(left);
        }
    }

    /** A capture or a scheduling hiccup that takes {@code duration}. */
    void spend(Duration duration) {
        clock.advance(duration);
    }
}
