package studio.timelapse.shared.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/** A wall clock and a monotonic clock that move only when a test says so, together. */
public final class ManualClock extends Clock implements LongSupplier {
    private Instant now;
    private long nanos;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    /** The monotonic reading, as System.nanoTime() would give it. */
    @Override
    public synchronized long getAsLong() {
        return nanos;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock stays in UTC");
    }
}
