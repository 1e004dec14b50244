package studio.timelapse.shared.lock;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one {@link Locks}' leases alive: renews each every third of its duration, on a thread that talks to the
 * database; and, on a second thread that never blocks, loses a lease the moment it expires unrenewed. Two threads
 * because a renewal can sit in SQLite's busy wait (up to 15 s) — longer than a lease — and an expired lease must
 * stop its work on time all the same.
 */
final class LeaseKeeper implements AutoCloseable {
    private final Clock clock;
    private final ScheduledExecutorService renewals = executor("lock-renewal");
    private final ScheduledExecutorService deadlines = executor("lock-expiry");
    private final Map<Lease, Timers> kept = new ConcurrentHashMap<>();

    /** One lease's scheduled renewal and expiry. */
    private static final class Timers {
        volatile ScheduledFuture<?> renewal;
        volatile ScheduledFuture<?> deadline;

        void cancel() {
            ScheduledFuture<?> r = renewal;
            ScheduledFuture<?> d = deadline;
            if (r != null) {
                r.cancel(false);
            }
            if (d != null) {
                d.cancel(false);
            }
        }
    }

    LeaseKeeper(Clock clock) {
        this.clock = clock;
    }

    /** How often a lease of {@code duration} is renewed: two renewals may fail before it expires. */
    static Duration renewalInterval(Duration duration) {
        return duration.dividedBy(3);
    }

    /** Starts renewing {@code lease}; fails if the keeper is closed (the caller releases the lease then). */
    void keep(Lease lease) {
        Timers timers = new Timers();
        kept.put(lease, timers);
        long every = renewalInterval(lease.duration()).toNanos();
        timers.renewal = renewals.scheduleWithFixedDelay(() -> {
            lease.renew();
            armDeadline(lease, timers);
        }, every, every, TimeUnit.NANOSECONDS);
        armDeadline(lease, timers);
    }

    /** Stops renewing {@code lease} (released or lost). */
    void forget(Lease lease) {
        Timers timers = kept.remove(lease);
        if (timers != null) {
            timers.cancel();
        }
    }

    /** Each renewal moves the deadline to the new expiry. */
    private void armDeadline(Lease lease, Timers timers) {
        if (!kept.containsKey(lease)) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), lease.expiresAt()).toNanos());
        ScheduledFuture<?> previous = timers.deadline;
        timers.deadline = deadlines.schedule(lease::expireIfDue, delay, TimeUnit.NANOSECONDS);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Stops all renewals; the leases still kept are lost (their work stops) and left to expire in the database. */
    @Override
    public void close() {
        for (Lease lease : List.copyOf(kept.keySet())) {
            lease.lose("the lock service was closed");
        }
        renewals.shutdownNow();
        deadlines.shutdownNow();
    }

    private static ScheduledExecutorService executor(String threadName) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
