package studio.timelapse.shared.actionlog;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs {@code heartbeat} messages at a steady cadence while its action is alive, so that a watcher can tell a slow
 * task from a dead one ({@link TaskStatusTracker} calls a task <em>stalled</em> when they stop). Each beat carries
 * {@code idle_s}, the seconds since the action's progress last moved, so that a task alive but stuck shows too.
 */
public final class Heartbeat implements AutoCloseable {
    private final Action action;
    private final Duration interval;
    private final AtomicLong beats = new AtomicLong();
    private volatile ScheduledFuture<?> schedule;
    private volatile boolean closed;

    Heartbeat(Action action, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a heartbeat interval must be positive, was " + interval);
        }
        this.action = action;
        this.interval = interval;
    }

    void schedule(ScheduledExecutorService timer) {
        long nanos = interval.toNanos();
        try {
            schedule = timer.scheduleAtFixedRate(this::beat, nanos, nanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // The log is closing; a heartbeat is not worth failing the caller's work for.
            closed = true;
        }
        if (closed) {
            close();
        }
    }

    /** Logs one beat now (the timer calls this; work loops may too). */
    public void beat() {
        if (closed) {
            return;
        }
        ProgressReporter progress = action.currentProgress();
        double intervalSeconds = interval.toNanos() / 1e9;
        if (progress == null) {
            action.beat(Convention.BEAT, beats.incrementAndGet(), Convention.INTERVAL_S, intervalSeconds);
        } else {
            action.beat(Convention.BEAT, beats.incrementAndGet(), Convention.INTERVAL_S, intervalSeconds,
                    Convention.IDLE_S, Math.round(progress.idleSeconds() * 1000d) / 1000d);
        }
    }

    public long beats() {
        return beats.get();
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> scheduled = schedule;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
