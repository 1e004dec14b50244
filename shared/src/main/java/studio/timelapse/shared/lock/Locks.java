package studio.timelapse.shared.lock;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.cancel.StoppedException;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.state.LockCheck;

/**
 * Named locks kept in SQLite, so that every process on the database file sees them: leases renewed in the
 * background, fencing tokens that only grow, a {@link LockCompatibility} table for purposes that may overlap, and
 * inheritance — a lock on a resource covers everything inside it. One per process and database; the shared
 * migrations ({@code db.migrate("shared", "db/shared")}) must have run.
 *
 * <p>Every acquisition is a {@code lock:acquire} action (fields {@code lock}, {@code holder}, {@code policy},
 * {@code lease_ms}; on success {@code fence}, {@code expires_at}, {@code waited_ms}). A refusal <em>fails</em> the
 * action with the {@link LockUnavailableException}, whose reason names every holder, so that a task's log shows
 * which locks it could not have and why; a wait logs {@code lock:waiting} with the holders once. Releases are
 * {@code lock:release} actions; lost leases are {@code lock:lost} messages. A lease whose holder is a dead process of
 * this host is taken over at once instead of waited out, with a {@code lock:holder_dead} message saying whose and why.
 */
public final class Locks implements AutoCloseable {
    private final LeaseTable table;
    private final ActionLog log;
    private final LockCompatibility compatibility;
    private final Duration defaultLease;
    private final LeaseKeeper keeper;
    private final ReleaseNotice releases = new ReleaseNotice();
    private final Lease.Services services;
    private volatile boolean closed;

    private Locks(Builder builder) {
        this.table = new LeaseTable(builder.db, builder.clock);
        this.log = builder.log;
        this.compatibility = builder.compatibility;
        this.defaultLease = builder.defaultLease;
        this.keeper = new LeaseKeeper(builder.clock);
        this.services = new Lease.Services(table, keeper, log, builder.clock, releases::released);
    }

    /** Locks on {@code db}, logging to {@code log}; by default no purposes overlap and leases last 30 s. */
    public static Builder builder(SqliteDatabase db, ActionLog log) {
        return new Builder(db, log);
    }

    /**
     * Takes the lock if no live lease stands in its way, else does what {@code policy} says.
     *
     * @throws LockUnavailableException when refused: every conflicting holder, and the retry-after hint if any
     * @throws StoppedException if the thread is interrupted while waiting (its interrupt flag is kept)
     */
    public Lease acquire(LockRequest request, LockPolicy policy) {
        requireOpen();
        Duration lease = request.lease().orElse(defaultLease);
        Optional<Action> caller = log.current();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lock", request.name().toString());
        fields.put("holder", request.holder());
        fields.put("policy", policy.toString());
        fields.put("lease_ms", lease.toMillis());
        return log.call("lock:acquire", fields, action -> {
            WaitBudget budget = new WaitBudget(policy.maxWait());
            boolean announced = false;
            while (true) {
                long releasesSeen = releases.releases();
                Duration waited = budget.elapsed();
                LeaseTable.Grant grant = table.tryGrant(request.name(), request.holder(), log.process(), lease,
                        compatibility);
                for (LeaseTable.TakenOver dead : grant.takenOver()) {
                    Map<String, Object> taken = new LinkedHashMap<>(dead.lease().details());
                    taken.put("reason", dead.why());
                    action.log("lock:holder_dead", taken);
                }
                if (grant.granted()) {
                    Lease granted = keep(new Lease(grant.lease(), lease, caller, services));
                    action.addSuccessFields("fence", granted.fence(), "expires_at", granted.expiresAt().toString(),
                            "waited_ms", waited.toMillis());
                    return granted;
                }
                if (budget.exhausted()) {
                    throw new LockUnavailableException(request.name(), grant.blockers(), policy, waited);
                }
                if (!announced) {
                    action.log("lock:waiting", "holders", grant.blockers().stream().map(LockHolder::details).toList());
                    announced = true;
                }
                pause(releasesSeen, budget, request.name());
            }
        });
    }

    /** One attempt: {@code acquire(request, LockPolicy.failNow())}. */
    public Lease tryAcquire(LockRequest request) {
        return acquire(request, LockPolicy.failNow());
    }

    /** The live leases that would refuse {@code name} now (in any process), oldest first; empty if it is free. */
    public List<LockHolder> blockers(LockName name) {
        return table.blockers(name, compatibility);
    }

    /** Every live lease on the database, oldest first: the lock screen's and {@code explain}'s answer. */
    public List<LockHolder> held() {
        return table.live();
    }

    /**
     * These locks as a state machine's lock check: a transition guarded by a lock name is refused while another
     * holder's lease would refuse that lock. {@code self} is the caller's own holder id, whose leases never block it.
     */
    public LockCheck asLockCheck(String self) {
        return lock -> blockers(LockName.parse(lock)).stream()
                .filter(holder -> !holder.holder().equals(self))
                .findFirst()
                .map(holder -> new LockCheck.Held(holder.lock().toString(),
                        holder.holder() + holder.progress().map(progress -> " (" + progress + ")").orElse(""),
                        holder.since()));
    }

    public LockCompatibility compatibility() {
        return compatibility;
    }

    /**
     * Stops renewing. Leases still held are lost — their stop signals stop, so their work ends at its next chunk —
     * and expire in the database; close work's leases before this for an immediate hand-over.
     */
    @Override
    public void close() {
        closed = true;
        keeper.close();
    }

    private Lease keep(Lease lease) {
        try {
            keeper.keep(lease);
            return lease;
        } catch (RejectedExecutionException e) {
            // Closed while we were acquiring: give the lease back rather than hold it unrenewed.
            keeper.forget(lease);
            lease.close();
            throw new IllegalStateException("the lock service is closed", e);
        }
    }

    private void pause(long releasesSeen, WaitBudget budget, LockName name) {
        try {
            releases.awaitAfter(releasesSeen, budget.nextPauseNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException("interrupted while waiting for the lock " + name);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the lock service is closed");
        }
    }

    /** Configures a {@link Locks}. */
    public static final class Builder {
        private final SqliteDatabase db;
        private final ActionLog log;
        private LockCompatibility compatibility = LockCompatibility.nothingOverlaps();
        private Duration defaultLease = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(SqliteDatabase db, ActionLog log) {
            this.db = db;
            this.log = log;
        }

        /** Which purposes may overlap; the program declares its own. */
        public Builder compatibility(LockCompatibility table) {
            this.compatibility = table;
            return this;
        }

        /** The lease of requests that name none: long enough to ride out a slow disk, short enough for a crash. */
        public Builder defaultLease(Duration lease) {
            this.defaultLease = LockRequest.requireValidLease(lease);
            return this;
        }

        /**
         * The wall clock that dates leases. Every process sharing a database file must read the same time, which
         * holds on one machine; tests pass a manual clock.
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Locks build() {
            return new Locks(this);
        }
    }
}
