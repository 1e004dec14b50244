package studio.timelapse.shared.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;
import studio.timelapse.shared.db.DatabaseException;

/**
 * A held lock. The {@link Locks} service renews it in the background every third of its duration; the work checks
 * it between chunks ({@link #checkStillHeld()}) and closes it when done. When the lease is lost — a renewal finds it
 * gone or expired, the database stays unreachable until it would expire, or it simply expires unrenewed — its
 * {@link #stopSignal()} stops with the reason and a {@code lock:lost} message says why. Thread-safe.
 *
 * <pre>{@code
 * try (Lease lease = locks.acquire(LockRequest.of("sequence:12/render", "job:42"), LockPolicy.waitUpTo(ofSeconds(5)))) {
 *     for (Frame frame : frames) {
 *         lease.checkStillHeld();          // throws StoppedException once the lease is lost
 *         encode(frame, lease.fence());    // the fence goes wherever a late, stale holder must be refused
 *         lease.reportProgress("frame " + frame.number() + "/" + frames.size());
 *     }
 * }
 * }</pre>
 */
public final class Lease implements AutoCloseable {
    private enum State { HELD, LOST, RELEASED }

    private final LockHolder granted;
    private final Duration duration;
    private final Optional<Action> acquiredIn;
    private final Services services;
    private final StopSignal stopSignal = new StopSignal();
    private volatile Instant expiresAt;
    private volatile String progress;
    private State state = State.HELD;
    private String lostBecause;

    /** What every lease of one {@link Locks} shares. */
    record Services(LeaseTable table, LeaseKeeper keeper, ActionLog log, Clock clock, Runnable afterRelease) {}

    Lease(LockHolder granted, Duration duration, Optional<Action> acquiredIn, Services services) {
        this.granted = granted;
        this.duration = duration;
        this.acquiredIn = acquiredIn;
        this.services = services;
        this.expiresAt = granted.expiresAt();
    }

    public LockName name() {
        return granted.lock();
    }

    /** This acquisition's fencing token: higher than every fence handed out before, on this database. */
    public long fence() {
        return granted.fence();
    }

    public String holder() {
        return granted.holder();
    }

    public Instant acquiredAt() {
        return granted.since();
    }

    /** When the lease ends unless renewed again (as of the last renewal). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The length of each lease; renewed every third of it. */
    public Duration duration() {
        return duration;
    }

    /** Stops with the reason when the lease is lost; {@link StopSignal#propagateTo} a job's signal to follow it. */
    public StopSignal stopSignal() {
        return stopSignal;
    }

    /**
     * Whether the lease is still ours, asking the database: the row with our fence is there and not expired. A
     * lease found lost is marked so (its signal stops, {@code lock:lost} is logged).
     *
     * @throws studio.timelapse.shared.db.DatabaseException if the database cannot be read
     */
    public boolean stillHeld() {
        if (state() != State.HELD) {
            return false;
        }
        Optional<String> lost = services.table().lossReason(fence());
        lost.ifPresent(this::lose);
        return lost.isEmpty();
    }

    /**
     * For chunk boundaries: returns if the lease is still held, else throws {@link StoppedException} with the reason
     * (the stop signal's).
     *
     * @throws IllegalStateException if the lease was already closed — work must not outlive its lock
     */
    public void checkStillHeld() {
        if (stillHeld()) {
            return;
        }
        synchronized (this) {
            if (state == State.RELEASED) {
                throw new IllegalStateException("the lease of " + name() + " (fence " + fence() + ") was released");
            }
            throw new StoppedException(lostBecause);
        }
    }

    /**
     * What the work is doing, for those this lease refuses ("frame 120/900"). Kept in memory and written with the
     * next renewal, so reporting every chunk costs no transaction.
     */
    public void reportProgress(String text) {
        progress = text;
    }

    /**
     * Releases the lease — only ours: the row with our fence, never a later holder's. Never throws: a release the
     * database refuses is logged as a failed {@code lock:release}, and the lease then simply expires.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (state == State.RELEASED) {
                return;
            }
            state = State.RELEASED;
        }
        services.keeper().forget(this);
        long heldMillis = Duration.between(acquiredAt(), services.clock().instant()).toMillis();
        try (Action release = services.log().start("lock:release", "lock", name().toString(), "fence", fence(),
                "held_ms", heldMillis)) {
            try {
                release.addSuccessFields("released", services.table().release(fence()));
            } catch (DatabaseException e) {
                release.fail(e);
            }
        }
        services.afterRelease().run();
    }

    /** One renewal, called by the {@link LeaseKeeper}; tests with a manual clock call it directly. */
    void renew() {
        if (state() != State.HELD) {
            return;
        }
        try {
            LeaseTable.Renewal renewal = services.table().renew(fence(), duration, progress);
            if (renewal.renewed()) {
                expiresAt = renewal.expiresAt();
            } else {
                lose(renewal.lostBecause());
            }
        } catch (RuntimeException e) {
            // Try again at the next tick while the lease still lasts beyond it; past that, the work must stop now.
            Instant nextTry = services.clock().instant().plus(LeaseKeeper.renewalInterval(duration));
            if (nextTry.isBefore(expiresAt)) {
                log("lock:renew_failed", String.valueOf(e.getMessage()));
            } else {
                lose("it could not be renewed before it expires at " + expiresAt + ": " + e.getMessage());
            }
        }
    }

    /** Called by the {@link LeaseKeeper} at the expiry it last knew of: an unrenewed lease is lost then. */
    void expireIfDue() {
        Instant due = expiresAt;
        if (!services.clock().instant().isBefore(due)) {
            lose("its lease expired at " + due + " without a renewal");
        }
    }

    /** Marks the lease lost: stops the renewals, flips the stop signal, logs {@code lock:lost}. Once only. */
    void lose(String reason) {
        String why = "lost the lock " + name() + " (fence " + fence() + "): " + reason;
        synchronized (this) {
            if (state != State.HELD) {
                return;
            }
            state = State.LOST;
            lostBecause = why;
        }
        services.keeper().forget(this);
        stopSignal.stop(why);
        log("lock:lost", reason);
    }

    /** Logs into the action that acquired the lease while it runs, else as a task of its own. */
    private void log(String messageType, String reason) {
        Object[] fields = {"lock", name().toString(), "fence", fence(), "holder", holder(), "reason", reason,
                "expires_at", expiresAt.toString()};
        Optional<Action> action = acquiredIn.filter(a -> !a.isFinished());
        if (action.isPresent()) {
            action.get().log(messageType, fields);
        } else {
            services.log().message(messageType, fields);
        }
    }

    private synchronized State state() {
        return state;
    }

    @Override
    public String toString() {
        return "Lease[" + name() + ", fence " + fence() + ", " + holder() + "]";
    }
}
