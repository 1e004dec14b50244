package studio.timelapse.desktop.sync;

import java.util.OptionalLong;
import java.util.function.LongSupplier;
import studio.timelapse.shared.cancel.StopSignal;

/**
 * A token bucket shared by all downloads of a sync, for slow links: at most {@code bytesPerSecond} on average, with
 * bursts of up to a quarter of a second's worth (so a cap does not turn into stop-and-go). Thread-safe; waiting
 * stops when the stop signal does.
 */
final class BandwidthCap {
    private static final long NANOS = 1_000_000_000L;

    private final OptionalLong bytesPerSecond;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final double burst;
    private double tokens;
    private long refilledAt;

    /** How a caller waits; tests count the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private BandwidthCap(OptionalLong bytesPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        this.bytesPerSecond = bytesPerSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.burst = bytesPerSecond.isPresent() ? Math.max(16 * 1024, bytesPerSecond.getAsLong() / 4.0) : 0;
        this.tokens = burst;
        this.refilledAt = nanoClock.getAsLong();
    }

    static BandwidthCap unlimited() {
        return new BandwidthCap(OptionalLong.empty(), System::nanoTime, (nanos) -> { });
    }

    static BandwidthCap of(long bytesPerSecond) {
        return of(bytesPerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    static BandwidthCap of(long bytesPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (bytesPerSecond < 1024) {
            throw new IllegalArgumentException("a bandwidth cap below 1 KiB/s would stall every request: "
                    + bytesPerSecond + " B/s");
        }
        return new BandwidthCap(OptionalLong.of(bytesPerSecond), nanoClock, sleeper);
    }

    OptionalLong bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Takes {@code bytes} from the bucket, waiting until it holds them. */
    void take(long bytes, StopSignal stop) throws InterruptedException {
        if (bytesPerSecond.isEmpty()) {
            return;
        }
        long wait;
        synchronized (this) {
            refill();
            // Going into debt and waiting it off keeps large reads exact without splitting them.
            tokens -= bytes;
            wait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens * NANOS / bytesPerSecond.getAsLong());
        }
        while (wait > 0) {
            stop.throwIfStopped();
            long slice = Math.min(wait, NANOS / 10);
            sleeper.sleep(slice);
            wait -= slice;
        }
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * (double) bytesPerSecond.getAsLong() / NANOS);
        refilledAt = now;
    }
}
