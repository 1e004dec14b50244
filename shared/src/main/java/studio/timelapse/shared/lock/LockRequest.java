package studio.timelapse.shared.lock;

import java.time.Duration;
import java.util.Optional;

/**
 * A wish to hold a lock: which one, for whom, and (optionally) for how long a lease at a time.
 *
 * @param name the lock, {@code sequence:12/render}
 * @param holder who holds it, as a person reading a refusal should see it: {@code job:42}, {@code user:preview}
 * @param lease how long the lease lasts between renewals; empty for the {@link Locks}' default
 */
public record LockRequest(LockName name, String holder, Optional<Duration> lease) {
    /** The shortest lease: it is renewed every third of its length, which must stay schedulable. */
    static final Duration MIN_LEASE = Duration.ofMillis(30);

    public LockRequest {
        if (name == null) {
            throw new IllegalArgumentException("a lock request needs a lock name");
        }
        if (holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("a lock request needs a holder (job:42, user:preview)");
        }
        lease = lease == null ? Optional.empty() : lease;
        lease.ifPresent(LockRequest::requireValidLease);
    }

    public static LockRequest of(LockName name, String holder) {
        return new LockRequest(name, holder, Optional.empty());
    }

    public static LockRequest of(String name, String holder) {
        return of(LockName.parse(name), holder);
    }

    /** The same request with leases of {@code duration}. */
    public LockRequest leaseFor(Duration duration) {
        return new LockRequest(name, holder, Optional.of(duration));
    }

    static Duration requireValidLease(Duration lease) {
        if (lease == null || lease.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("a lease lasts at least " + MIN_LEASE.toMillis() + " ms, was " + lease);
        }
        return lease;
    }
}
