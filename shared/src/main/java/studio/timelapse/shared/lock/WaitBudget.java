package studio.timelapse.shared.lock;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long an acquisition may still wait, and how long to pause before its next attempt: from 5 ms, doubling to
 * 100 ms, jittered so that waiters in several processes do not poll in step, and never past the bound. Measured on
 * the monotonic clock: a wait is real time, whatever clock the leases use.
 */
final class WaitBudget {
    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(5).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(100).toNanos();

    private final long start = System.nanoTime();
    private final long bound;
    private long pause = FIRST_PAUSE_NANOS;

    WaitBudget(Duration bound) {
        this.bound = bound.toNanos();
    }

    boolean exhausted() {
        return elapsedNanos() >= bound;
    }

    Duration elapsed() {
        return Duration.ofNanos(elapsedNanos());
    }

    /** The next pause: between half and all of the current step, and no longer than what is left. */
    long nextPauseNanos() {
        long step = pause;
        pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        long jittered = ThreadLocalRandom.current().nextLong(step / 2, step + 1);
        return Math.max(0, Math.min(jittered, bound - elapsedNanos()));
    }

    private long elapsedNanos() {
        return System.nanoTime() - start;
    }
}
