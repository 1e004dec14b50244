package studio.timelapse.shared.actionlog;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reports an action's progress in one line of a loop ({@code progress.advance(1)}), as {@code progress} messages
 * throttled to one per interval so that a tight loop does not flood the log; the first and the final count are
 * always logged. Thread-safe.
 */
public final class ProgressReporter {
    private static final double SMOOTHING = 0.3;

    private final Action action;
    private final long total;
    private final String unit;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final long startedNanos;

    private long done;
    private boolean loggedAny;
    private boolean loggedFinal;
    private long lastLoggedNanos;
    private long lastLoggedDone;
    private double rate = Double.NaN;
    private volatile long lastAdvanceNanos;

    ProgressReporter(Action action, long total, String unit, Duration interval, LongSupplier nanoClock) {
        this.action = action;
        this.total = total;
        this.unit = unit;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
        this.lastLoggedNanos = startedNanos;
        this.lastAdvanceNanos = startedNanos;
    }

    /** Counts {@code amount} more units done. */
    public void advance(long amount) {
        long now = nanoClock.getAsLong();
        Object[] message;
        synchronized (this) {
            done += amount;
            message = messageIfDue(now);
        }
        lastAdvanceNanos = now;
        if (message != null) {
            action.log(Convention.PROGRESS, message);
        }
    }

    /** Sets the count of units done (for work that knows its position, such as a resumed job). */
    public void set(long doneSoFar) {
        long now = nanoClock.getAsLong();
        Object[] message;
        synchronized (this) {
            done = doneSoFar;
            message = messageIfDue(now);
        }
        lastAdvanceNanos = now;
        if (message != null) {
            action.log(Convention.PROGRESS, message);
        }
    }

    public synchronized long done() {
        return done;
    }

    public long total() {
        return total;
    }

    /** Seconds since the count last moved: what a heartbeat reports as {@code idle_s}. */
    double idleSeconds() {
        return (nanoClock.getAsLong() - lastAdvanceNanos) / 1e9;
    }

    private Object[] messageIfDue(long now) {
        boolean finalCount = total >= 0 && done >= total;
        boolean due = !loggedAny || now - lastLoggedNanos >= intervalNanos || (finalCount && !loggedFinal);
        if (!due || (finalCount && loggedFinal)) {
            return null;
        }
        updateRate(now);
        loggedAny = true;
        loggedFinal = finalCount;
        lastLoggedNanos = now;
        lastLoggedDone = done;
        Double eta = total < 0 || !(rate > 0) ? null : round((total - done) / rate);
        return new Object[] {
            Convention.DONE, done,
            Convention.TOTAL, total < 0 ? null : total,
            Convention.UNIT, unit,
            Convention.RATE, Double.isNaN(rate) ? null : round(rate),
            Convention.ETA_S, eta
        };
    }

    /** Units per second, smoothed so that one slow chunk does not swing the ETA. */
    private void updateRate(long now) {
        double seconds = (now - lastLoggedNanos) / 1e9;
        if (seconds <= 0) {
            return;
        }
        double recent = (done - lastLoggedDone) / seconds;
        rate = Double.isNaN(rate) ? recent : SMOOTHING * recent + (1 - SMOOTHING) * rate;
    }

    private static double round(double value) {
        return Math.round(value * 1000d) / 1000d;
    }

    long startedNanos() {
        return startedNanos;
    }
}
