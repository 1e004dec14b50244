package studio.timelapse.camera.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The loop's sense of time: the wall clock for slots, and a precise sleep until a slot. Tests replace it with
 * virtual time.
 */
public interface SlotTimer {

    Instant now();

    /** Returns at {@code t} (or just after); throws if the thread is interrupted. */
    void sleepUntil(Instant t) throws InterruptedException;

    /** Sleeps on the monotonic clock, measured from the wall clock once, and parks finely for the last stretch. */
    static SlotTimer system(Clock clock) {
        return new SlotTimer() {
            /** Park in one go until this close to the slot, then in short naps: Linux wakes a parked thread late. */
            private static final long FINE_NANOS = 2_000_000L;

            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleepUntil(Instant t) throws InterruptedException {
                long deadline = System.nanoTime() + Duration.between(clock.instant(), t).toNanos();
                while (true) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    LockSupport.parkNanos(left > FINE_NANOS ? left - FINE_NANOS : Math.min(left, 100_000L));
                }
            }
        };
    }
}
